package nl.reintegratie.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.protocol.signature.ContentDigest;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.ReceivedSignature;
import nl.reintegratie.protocol.signature.RejectionReason;
import nl.reintegratie.protocol.signature.SignatureBase;
import nl.reintegratie.protocol.signature.SignatureException;
import nl.reintegratie.protocol.signature.SignatureParams;

/**
 * Checks that a response comes from the gateway unchanged: an RFC 9421 signature (the gateway's label is
 * {@code gateway}) under the configured {@link GatewayKey}, covering {@code @status}, {@code content-type},
 * {@code content-digest} and {@code x-request-id}, with {@code created}
 * within the clock skew, and a body matching the signed Content-Digest. This is exactly what the gateway's
 * {@code ResponseSigner} produces.
 *
 * <p>A 2xx response must pass; a non-2xx response is checked when it carries a signature (the gateway does not
 * sign its problem responses, which carry no data) and must then pass as well: a signature that is there but
 * wrong is tampering, whatever the status. Thread-safe.
 */
public final class ResponseVerifier {

  /** What every signature of the gateway covers. */
  public static final List<String> COVERED = List.of("@status", "content-type", "content-digest", "x-request-id");
  private static final String ALGORITHM = "ed25519";

  private final GatewayKey key;
  private final Duration clockSkew;
  private final Clock clock;

  public ResponseVerifier(GatewayKey key, Duration clockSkew, Clock clock) {
    this.key = Objects.requireNonNull(key, "key");
    this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("clock skew must not be negative");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verifies a response. Success: {@code true} when it is signed by the gateway and unchanged; {@code false} for
   * an unsigned non-2xx response. Failure: {@link ResponseVerificationException} for an unsigned 2xx response and
   * for any signed response that does not pass every check.
   *
   * @param headers field name (any case) to its field line values
   */
  public boolean verify(int status, Map<String, List<String>> headers, byte[] body) {
    HttpMessage response;
    try {
      response = new HttpMessage(null, null, status, headers);
    } catch (IllegalArgumentException e) {
      throw refuse(VerificationFailure.MALFORMED, status, "status " + status + " is not a three-digit code");
    }
    boolean signed = response.field("signature-input").isPresent() || response.field("signature").isPresent();
    if (!signed) {
      if (status >= 200 && status <= 299) {
        throw refuse(VerificationFailure.UNSIGNED, status, "the gateway signs every successful response, this one"
            + " has no Signature-Input/Signature");
      }
      return false;
    }
    ReceivedSignature signature = select(response, status);
    SignatureParams params = signature.params();
    checkParameters(params, status);
    List<String> missing = new ArrayList<>(COVERED);
    missing.removeAll(params.components());
    if (!missing.isEmpty()) {
      throw refuse(VerificationFailure.MISSING_COMPONENT, status, "the signature does not cover " + missing);
    }
    byte[] base;
    try {
      base = SignatureBase.build(response, params);
    } catch (SignatureException e) {
      throw refuse(e.reason() == RejectionReason.MISSING_COMPONENT ? VerificationFailure.MISSING_COMPONENT
          : VerificationFailure.MALFORMED, status, "cannot rebuild the signature base (" + e.reason() + ")");
    }
    if (!key.verifies(base, signature.signature())) {
      throw refuse(VerificationFailure.BAD_SIGNATURE, status, "the signature does not verify with gateway key \""
          + key.keyId() + "\": the status or a covered header was changed, or another key signed");
    }
    String digest = response.field("content-digest").orElseThrow(); // covered, so present
    try {
      ContentDigest.verify(digest, body == null ? new byte[0] : body);
    } catch (SignatureException e) {
      throw e.reason() == RejectionReason.DIGEST_MISMATCH
          ? refuse(VerificationFailure.DIGEST_MISMATCH, status, "the body does not match its Content-Digest")
          : refuse(VerificationFailure.MALFORMED, status, "Content-Digest has no sha-256 or sha-512 digest");
    }
    return true;
  }

  // the gateway's signature is the one under its key id; others (a proxy's) are ignored, two would be ambiguous
  private ReceivedSignature select(HttpMessage response, int status) {
    List<ReceivedSignature> ours = new ArrayList<>();
    List<String> others = new ArrayList<>();
    try {
      for (ReceivedSignature signature : ReceivedSignature.allOf(response).values()) {
        Optional<String> keyId = signature.params().keyId();
        if (keyId.isPresent() && keyId.get().equals(key.keyId())) {
          ours.add(signature);
        } else {
          others.add(keyId.map(id -> "\"" + id + "\"").orElse("none"));
        }
      }
    } catch (SignatureException e) {
      throw refuse(VerificationFailure.MALFORMED, status, "Signature-Input/Signature are not valid RFC 9421 fields");
    }
    if (ours.size() > 1) {
      throw refuse(VerificationFailure.MALFORMED, status, "two signatures claim gateway key \"" + key.keyId() + "\"");
    }
    if (ours.isEmpty()) {
      throw refuse(VerificationFailure.UNKNOWN_KEY, status, "not signed with gateway key \"" + key.keyId()
          + "\" (key ids: " + String.join(", ", others) + ")");
    }
    return ours.get(0);
  }

  private void checkParameters(SignatureParams params, int status) {
    long created;
    Optional<Long> expires;
    Optional<String> alg;
    try {
      created = params.created().orElseThrow(() -> refuse(VerificationFailure.MISSING_PARAMETER, status,
          "the signature has no created parameter"));
      expires = params.expires();
      alg = params.alg();
    } catch (SignatureException e) { // a parameter of the wrong type
      throw refuse(VerificationFailure.MALFORMED, status, "a signature parameter has the wrong type");
    }
    if (alg.isPresent() && !alg.get().equals(ALGORITHM)) {
      throw refuse(VerificationFailure.ALGORITHM_MISMATCH, status, "alg is \"" + alg.get() + "\", not ed25519");
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - created) > clockSkew.getSeconds()) {
      throw refuse(VerificationFailure.CREATED_OUTSIDE_WINDOW, status, "created lies " + Math.abs(now - created)
          + " s in the " + (created < now ? "past" : "future") + ", more than the allowed " + clockSkew.getSeconds()
          + " s (check the local clock)");
    }
    if (expires.isPresent() && now > expires.get()) {
      throw refuse(VerificationFailure.EXPIRED, status, "the signature expired " + (now - expires.get()) + " s ago");
    }
  }

  private static ResponseVerificationException refuse(VerificationFailure failure, int status, String detail) {
    return new ResponseVerificationException(failure, status, detail);
  }
}
