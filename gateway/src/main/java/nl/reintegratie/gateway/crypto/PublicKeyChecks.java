package nl.reintegratie.gateway.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Whether 32 bytes someone registers as a public key are one we can safely rely on. Length and encoding are the
 * caller's business; these checks look at the curve point itself, because a key of the right length can still be
 * useless or dangerous:
 *
 * <ul>
 *   <li>an Ed25519 "key" that is no curve point at all, or a point of small or mixed order (the identity point
 *       {@code 01 00 .. 00}, for instance, for which weak verifiers accept forged signatures) would sit in the
 *       registry as if it were a key;
 *   <li>an X25519 key of low order makes every shared secret all zeros, so nothing sealed to it is secret (the
 *       release sealer refuses such a key, but only when it seals, long after registration).
 * </ul>
 *
 * <p>Each check costs about 0.1 ms (one scalar multiplication), done only when a key is registered.
 */
public final class PublicKeyChecks {

  private static final int KEY_BYTES = 32;
  // any fixed scalar will do: clamped, it is a multiple of the cofactor, so k*P is the identity (all-zero output)
  // exactly when P has small order, whatever k is
  private static final byte[] PROBE_SCALAR = probeScalar();

  private PublicKeyChecks() {
  }

  /**
   * Whether {@code raw} (32 bytes) is the canonical encoding of an Ed25519 point of the prime-order subgroup, not
   * the identity: RFC 8032 section 5.1.3 decoding plus the order check of "full" validation. {@code false} for any
   * other input, {@code null} included.
   */
  public static boolean isValidEd25519(byte[] raw) {
    return raw != null && raw.length == KEY_BYTES && Ed25519.validatePublicKeyFull(raw, 0);
  }

  /**
   * Whether {@code raw} (32 bytes, RFC 7748 u-coordinate) is an X25519 public key whose shared secret with any key
   * is not all zeros, i.e. not one of the low-order points (RFC 7748 section 6.1, RFC 9180 section 7.1.4).
   * {@code false} for any other input, {@code null} included.
   */
  public static boolean isUsableX25519(byte[] raw) {
    if (raw == null || raw.length != KEY_BYTES) {
      return false;
    }
    byte[] shared = new byte[KEY_BYTES];
    boolean nonZero = X25519.calculateAgreement(PROBE_SCALAR, 0, raw, 0, shared, 0);
    Arrays.fill(shared, (byte) 0);
    return nonZero;
  }

  private static byte[] probeScalar() {
    byte[] scalar = new byte[KEY_BYTES];
    Arrays.fill(scalar, (byte) 0x5a);
    return scalar;
  }
}
