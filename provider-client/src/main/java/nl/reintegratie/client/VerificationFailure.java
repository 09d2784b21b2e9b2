package nl.reintegratie.client;

/** Why a response was not accepted as the gateway's. */
public enum VerificationFailure {
  /** A 2xx response without Signature-Input and Signature. */
  UNSIGNED,
  /** Signature-Input, Signature or Content-Digest is not valid syntax, or two signatures claim the gateway's key. */
  MALFORMED,
  /** Signed, but not under the configured gateway key id. */
  UNKNOWN_KEY,
  /** {@code alg} names another algorithm than {@code ed25519}. */
  ALGORITHM_MISMATCH,
  /** {@code created} is missing. */
  MISSING_PARAMETER,
  /** The signature does not cover {@code @status}, {@code content-type}, {@code content-digest} and
   *  {@code x-request-id}, or a covered field is absent. */
  MISSING_COMPONENT,
  /** {@code created} is further from the local clock than the allowed skew. */
  CREATED_OUTSIDE_WINDOW,
  /** {@code expires} has passed. */
  EXPIRED,
  /** The signature does not verify with the gateway's public key: status or a covered field was changed, or
   *  another key signed. */
  BAD_SIGNATURE,
  /** The body does not match its (signed) Content-Digest. */
  DIGEST_MISMATCH
}
