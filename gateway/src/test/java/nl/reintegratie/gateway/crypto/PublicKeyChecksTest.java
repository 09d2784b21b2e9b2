package nl.reintegratie.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Public keys a supervisor registers: real keys pass; 32 bytes that are no usable point do not. The bad points are
 * built here from the curves' definitions, not taken from the library under test.
 */
class PublicKeyChecksTest {

  // RFC 8032 section 5.1: p = 2^255 - 19, d = -121665/121666
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger D = BigInteger.valueOf(-121665)
      .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);

  @Test
  void freshlyGeneratedKeys_pass() throws Exception {
    KeyPairGenerator ed25519 = KeyPairGenerator.getInstance("Ed25519");
    KeyPairGenerator x25519 = KeyPairGenerator.getInstance("X25519");
    for (int i = 0; i < 20; i++) {
      assertThat(PublicKeyChecks.isValidEd25519(raw(ed25519.generateKeyPair().getPublic().getEncoded()))).isTrue();
      assertThat(PublicKeyChecks.isUsableX25519(raw(x25519.generateKeyPair().getPublic().getEncoded()))).isTrue();
    }
  }

  @Test
  void theDevProvidersKeys_pass() {
    // keys-dev/providers/werkpad/signing-ed25519.pub and encryption-x25519.pub, raw
    assertThat(PublicKeyChecks.isValidEd25519(HexFormat.of().parseHex(
        "c59544c333269647d4d311475a5e2d03525ab8bb53e8203ee8d746d2aaa7dcf4"))).isTrue();
    assertThat(PublicKeyChecks.isUsableX25519(HexFormat.of().parseHex(
        "e61707d2fe57b6c808f20723755db67f9db619895376fe3b6203bc816cfa6409"))).isTrue();
  }

  @Test
  void ed25519IdentityPoint_isRefused() {
    byte[] identity = new byte[32];
    identity[0] = 1; // y = 1, x = 0: the neutral element, for which weak verifiers accept anything
    assertThat(PublicKeyChecks.isValidEd25519(identity)).isFalse();
  }

  @Test
  void ed25519PointOfOrderFour_isRefused() {
    // y = 0: x^2 = -1, which has a root because p = 1 mod 4; (x, 0) has order 4
    assertThat(PublicKeyChecks.isValidEd25519(new byte[32])).isFalse();
  }

  @Test
  void ed25519BytesThatAreNoCurvePoint_areRefused() {
    int refused = 0;
    for (int y = 2; y < 40; y++) {
      if (!isSquare(BigInteger.valueOf((long) y * y - 1).multiply(
          D.multiply(BigInteger.valueOf((long) y * y)).add(BigInteger.ONE).modInverse(P)).mod(P))) {
        assertThat(PublicKeyChecks.isValidEd25519(littleEndian(y))).as("y = %d is on no curve point", y).isFalse();
        refused++;
      }
    }
    assertThat(refused).as("y values tried that are on no curve point").isGreaterThan(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // RFC 7748 / libsodium's list of X25519 points of small order: u = 0, u = 1, and points of order 8
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
      "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"})
  void x25519PointsOfLowOrder_areRefused(String hex) {
    assertThat(PublicKeyChecks.isUsableX25519(HexFormat.of().parseHex(hex))).isFalse();
  }

  @Test
  void wrongLengthsAndNull_areRefused() {
    assertThat(PublicKeyChecks.isValidEd25519(null)).isFalse();
    assertThat(PublicKeyChecks.isValidEd25519(new byte[31])).isFalse();
    assertThat(PublicKeyChecks.isUsableX25519(null)).isFalse();
    assertThat(PublicKeyChecks.isUsableX25519(new byte[33])).isFalse();
  }

  private static boolean isSquare(BigInteger value) {
    return value.signum() == 0 || value.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
  }

  private static byte[] littleEndian(int value) {
    byte[] encoded = new byte[32];
    encoded[0] = (byte) value;
    encoded[1] = (byte) (value >> 8);
    return encoded;
  }

  /** The raw 32 bytes at the end of a 44-byte SubjectPublicKeyInfo. */
  private static byte[] raw(byte[] spki) {
    return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
  }
}
