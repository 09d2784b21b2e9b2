package nl.reintegratie.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known-answer tests for AES-256-GCM from "The Galois/Counter Mode of Operation (GCM)" (McGrew and Viega, the
 * specification NIST SP 800-38D is based on), test cases 13-16, run through {@link DataKey}'s own seal and open
 * (package-private variants that take the nonce and raw AAD; the public methods only add the random nonce and the
 * canonical AD encoding).
 */
class AesGcmKnownAnswerTest {

  record Vector(String name, String key, String nonce, String plaintext, String aad, String ciphertext, String tag) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String KEY_15 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
  private static final String PLAIN_15 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
      + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
  private static final String CIPHER_15 = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
      + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";

  static Vector[] vectors() {
    String zeroKey = "00".repeat(32);
    String zeroNonce = "00".repeat(12);
    return new Vector[] {
        new Vector("test case 13: empty plaintext, no AAD", zeroKey, zeroNonce, "", "", "",
            "530f8afbc74536b9a963b4f1c4cb738b"),
        new Vector("test case 14: one zero block", zeroKey, zeroNonce, "00".repeat(16), "",
            "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
        new Vector("test case 15: 64 bytes, no AAD", KEY_15, "cafebabefacedbaddecaf888", PLAIN_15, "", CIPHER_15,
            "b094dac5d93471bdec1a502270e3cc6c"),
        new Vector("test case 16: 60 bytes with 20 bytes of AAD", KEY_15, "cafebabefacedbaddecaf888",
            PLAIN_15.substring(0, 120), "feedfacedeadbeeffeedfacedeadbeefabaddad2", CIPHER_15.substring(0, 120),
            "76fc6ece0f4e1768cddf8853bb2d551b"),
    };
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void seal_knownAnswerVector_givesFormatV1WithTheVectorsCiphertextAndTag(Vector vector) {
    try (DataKey key = DataKey.fromBytes(Hex.bytes(vector.key()))) {
      byte[] sealed = key.sealRaw(Hex.bytes(vector.plaintext()), Hex.bytes(vector.aad()), Hex.bytes(vector.nonce()));

      assertThat(sealed[0]).isEqualTo((byte) 0x01);
      assertThat(Hex.of(Arrays.copyOfRange(sealed, 1, 13))).isEqualTo(vector.nonce());
      assertThat(Hex.of(Arrays.copyOfRange(sealed, 13, sealed.length))).isEqualTo(vector.ciphertext() + vector.tag());
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void open_knownAnswerVector_givesThePlaintext(Vector vector) {
    byte[] sealed = Hex.bytes("01" + vector.nonce() + vector.ciphertext() + vector.tag());
    try (DataKey key = DataKey.fromBytes(Hex.bytes(vector.key()))) {
      assertThat(Hex.of(key.openRaw(sealed, Hex.bytes(vector.aad())))).isEqualTo(vector.plaintext());
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void open_knownAnswerVectorWithOtherAad_throwsIntegrityException(Vector vector) {
    byte[] sealed = Hex.bytes("01" + vector.nonce() + vector.ciphertext() + vector.tag());
    try (DataKey key = DataKey.fromBytes(Hex.bytes(vector.key()))) {
      assertThatThrownBy(() -> key.openRaw(sealed, Hex.bytes(vector.aad() + "00")))
          .isInstanceOf(IntegrityException.class);
    }
  }
}
