package nl.reintegratie.protocol.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The Content-Digest field of RFC 9530: a dictionary of algorithm to byte sequence, e.g.
 * {@code sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:}. We send {@code sha-256} and accept
 * {@code sha-256} and {@code sha-512}; other algorithms (including the insecure {@code md5} and {@code sha}) are
 * ignored, as RFC 9530 section 2 allows.
 */
public final class ContentDigest {

  private static final Map<String, String> ALGORITHMS = Map.of("sha-256", "SHA-256", "sha-512", "SHA-512");

  private ContentDigest() {
  }

  /** The field value {@code sha-256=:<base64>:} for {@code body}. */
  public static String sha256(byte[] body) {
    return "sha-256=:" + Base64.getEncoder().encodeToString(digest("SHA-256", body)) + ":";
  }

  /**
   * Returns normally when every supported digest in {@code fieldValue} matches {@code body} and there is at least
   * one. Failure: {@link SignatureException} with {@link RejectionReason#DIGEST_MISMATCH} when a digest differs;
   * {@link RejectionReason#MALFORMED} when the field is absent, not a dictionary of byte sequences, or carries no
   * supported algorithm.
   */
  public static void verify(String fieldValue, byte[] body) {
    Map<String, StructuredFields.Member> digests = StructuredFields.parseDictionary(fieldValue);
    boolean checked = false;
    boolean matches = true;
    for (Map.Entry<String, StructuredFields.Member> entry : digests.entrySet()) {
      if (!(entry.getValue() instanceof StructuredFields.Item item) || !(item.value() instanceof byte[] received)) {
        throw new SignatureException(RejectionReason.MALFORMED);
      }
      String jca = ALGORITHMS.get(entry.getKey());
      if (jca != null) {
        checked = true;
        matches &= MessageDigest.isEqual(digest(jca, body), received);
      }
    }
    if (!checked) {
      throw new SignatureException(RejectionReason.MALFORMED);
    }
    if (!matches) {
      throw new SignatureException(RejectionReason.DIGEST_MISMATCH);
    }
  }

  private static byte[] digest(String algorithm, byte[] body) {
    try {
      return MessageDigest.getInstance(algorithm).digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is unavailable", e);
    }
  }
}
