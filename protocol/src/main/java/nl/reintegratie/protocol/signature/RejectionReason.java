package nl.reintegratie.protocol.signature;

/**
 * Why a signed message was refused. Each value is stable so that the HTTP layer can map it to its own problem type;
 * renaming one is a breaking change of the API.
 */
public enum RejectionReason {
  /** A header (Signature-Input, Signature, Content-Digest) is not valid RFC 8941 syntax, or is ambiguous. */
  MALFORMED,
  /** No signature carries a key id that the key directory knows. */
  UNKNOWN_KEY,
  /** The key is known but has been revoked. */
  REVOKED_KEY,
  /** The key is known but outside its validity period. */
  KEY_NOT_VALID_NOW,
  /** The signature does not verify over the signature base. */
  BAD_SIGNATURE,
  /** A component the policy requires is not covered, or a covered component is absent from the message. */
  MISSING_COMPONENT,
  /** A parameter the policy requires ({@code created}, {@code keyid}, {@code nonce}) is absent. */
  MISSING_PARAMETER,
  /** The body does not match its Content-Digest. */
  DIGEST_MISMATCH,
  /** {@code created} lies outside the allowed clock skew, in the past or in the future. */
  CREATED_OUTSIDE_WINDOW,
  /** {@code expires} has passed. */
  EXPIRED,
  /** The nonce was already used with this key. */
  REPLAYED_NONCE,
  /** The {@code alg} parameter, or the registered key's algorithm, is not {@code ed25519}. */
  ALGORITHM_MISMATCH
}
