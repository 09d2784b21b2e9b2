package nl.reintegratie.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DataKeyTest {

  private static final byte[] PLAINTEXT =
      "Eindrapportage: client volgt sinds maart een werkfit-traject.".getBytes(StandardCharsets.UTF_8);
  private static final AssociatedData RECORD_A =
      AssociatedData.of("dossier-document", "rec-1", "dos-7", "end-report", "3");
  private static final AssociatedData RECORD_B =
      AssociatedData.of("dossier-document", "rec-2", "dos-7", "end-report", "3");

  private final DataKey key = DataKey.generate();

  @AfterEach
  void closeKey() {
    key.close();
  }

  @Test
  void seal_thenOpenWithSameKeyAndAd_givesThePlaintext() {
    assertThat(key.open(key.seal(PLAINTEXT, RECORD_A), RECORD_A)).isEqualTo(PLAINTEXT);
  }

  @Test
  void seal_emptyAndLargePlaintexts_roundTrip() {
    byte[] large = new byte[1 << 20];
    new Random(1).nextBytes(large);

    assertThat(key.open(key.seal(new byte[0], RECORD_A), RECORD_A)).isEmpty();
    assertThat(key.open(key.seal(large, RECORD_A), RECORD_A)).isEqualTo(large);
  }

  @Test
  void seal_anyPlaintext_isFormatV1With29BytesOverhead() {
    byte[] sealed = key.seal(PLAINTEXT, RECORD_A);

    assertThat(sealed).hasSize(1 + 12 + PLAINTEXT.length + 16);
    assertThat(sealed[0]).isEqualTo((byte) 0x01);
  }

  @Test
  void seal_samePlaintextTwice_givesDifferentNoncesAndCiphertexts() {
    byte[] first = key.seal(PLAINTEXT, RECORD_A);
    byte[] second = key.seal(PLAINTEXT, RECORD_A);

    assertThat(Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void open_anySingleFlippedBit_throwsIntegrityException() {
    byte[] sealed = key.seal(PLAINTEXT, RECORD_A);
    // every bit of the version byte, the nonce, the ciphertext and the tag
    for (int bit = 0; bit < sealed.length * 8; bit++) {
      byte[] tampered = sealed.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      int flipped = bit;
      assertThatThrownBy(() -> key.open(tampered, RECORD_A)).as("bit %d", flipped)
          .isExactlyInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void open_truncatedAtAnyLength_throwsIntegrityException() {
    byte[] sealed = key.seal(PLAINTEXT, RECORD_A);
    for (int length = 0; length < sealed.length; length++) {
      byte[] truncated = Arrays.copyOf(sealed, length);
      assertThatThrownBy(() -> key.open(truncated, RECORD_A)).as("length %d", length)
          .isExactlyInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void open_withAppendedByte_throwsIntegrityException() {
    byte[] sealed = key.seal(PLAINTEXT, RECORD_A);

    assertThatThrownBy(() -> key.open(Arrays.copyOf(sealed, sealed.length + 1), RECORD_A))
        .isExactlyInstanceOf(IntegrityException.class);
  }

  @Test
  void open_unknownFormatVersion_throwsIntegrityException() {
    for (int version : List.of(0x00, 0x02, 0xff)) {
      byte[] sealed = key.seal(PLAINTEXT, RECORD_A);
      sealed[0] = (byte) version;
      assertThatThrownBy(() -> key.open(sealed, RECORD_A)).as("version %d", version)
          .isExactlyInstanceOf(IntegrityException.class);
    }
  }

  static List<AssociatedData> otherAds() {
    return List.of(
        AssociatedData.of("dossier-attachment", "rec-1", "dos-7", "end-report", "3"),
        AssociatedData.of("dossier-document", "rec-9", "dos-7", "end-report", "3"),
        AssociatedData.of("dossier-document", "rec-1", "dos-8", "end-report", "3"),
        AssociatedData.of("dossier-document", "rec-1", "dos-7", "trajectory-plan", "3"),
        AssociatedData.of("dossier-document", "rec-1", "dos-7", "end-report", "4"),
        AssociatedData.of("dossier-document", "rec-1", "dos-7", "end-report"),
        AssociatedData.of("dossier-document", "rec-1", "dos-7", "end-report", "3", ""),
        AssociatedData.of("dossier-document", "rec-1dos-7", "", "end-report", "3"));
  }

  @ParameterizedTest
  @MethodSource("otherAds")
  void open_withAnyFieldOfTheAdChanged_throwsIntegrityException(AssociatedData other) {
    byte[] sealed = key.seal(PLAINTEXT, RECORD_A);

    assertThatThrownBy(() -> key.open(sealed, other)).isExactlyInstanceOf(IntegrityException.class);
  }

  @Test
  void open_sameCharactersSplitDifferently_throwsIntegrityException() {
    byte[] sealed = key.seal(PLAINTEXT, AssociatedData.of("p", "a", "bc"));

    assertThatThrownBy(() -> key.open(sealed, AssociatedData.of("p", "ab", "c")))
        .isExactlyInstanceOf(IntegrityException.class);
  }

  @Test
  void open_ciphertextMovedFromRecordAToRecordB_throwsIntegrityException() {
    byte[] storedInA = key.seal(PLAINTEXT, RECORD_A);

    // an attacker with database access copies A's ciphertext (and wrapped key) into record B
    assertThatThrownBy(() -> key.open(storedInA, RECORD_B)).isExactlyInstanceOf(IntegrityException.class);
  }

  @Test
  void open_withAnotherKey_throwsIntegrityException() {
    byte[] sealed = key.seal(PLAINTEXT, RECORD_A);
    try (DataKey other = DataKey.generate()) {
      assertThatThrownBy(() -> other.open(sealed, RECORD_A)).isExactlyInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void integrityException_isOpaque() {
    byte[] sealed = key.seal(PLAINTEXT, RECORD_A);
    sealed[20] ^= 1;
    IntegrityException tampered = catchIntegrity(() -> key.open(sealed, RECORD_A));
    IntegrityException truncated = catchIntegrity(() -> key.open(new byte[3], RECORD_A));
    IntegrityException wrongAd = catchIntegrity(() -> key.open(key.seal(PLAINTEXT, RECORD_A), RECORD_B));

    assertThat(List.of(tampered.getMessage(), truncated.getMessage(), wrongAd.getMessage())).containsOnly(
        tampered.getMessage());
    assertThat(tampered.getMessage()).doesNotContain("rec-", "Eindrapportage");
    assertThat(tampered.getCause()).isNull();
    assertThat(tampered.getStackTrace()).isEmpty();
  }

  @Test
  void wrap_thenUnwrap_givesAKeyThatOpensWhatTheOriginalSealed() {
    AssociatedData keyAd = AssociatedData.of("document-key", "rec-1");
    try (DataKey kek = DataKey.generate()) {
      byte[] wrapped = kek.wrap(key, keyAd);
      byte[] sealed = key.seal(PLAINTEXT, RECORD_A);

      assertThat(wrapped).hasSize(61);
      try (DataKey unwrapped = kek.unwrap(wrapped, keyAd)) {
        assertThat(unwrapped.open(sealed, RECORD_A)).isEqualTo(PLAINTEXT);
      }
    }
  }

  @Test
  void unwrap_withWrongAdOrKek_throwsIntegrityException() {
    AssociatedData keyAd = AssociatedData.of("document-key", "rec-1");
    try (DataKey kek = DataKey.generate(); DataKey otherKek = DataKey.generate()) {
      byte[] wrapped = kek.wrap(key, keyAd);

      assertThatThrownBy(() -> kek.unwrap(wrapped, AssociatedData.of("document-key", "rec-2")))
          .isExactlyInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> otherKek.unwrap(wrapped, keyAd)).isExactlyInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void sealAndWrap_withTheSameAd_cannotBeMixedUp() {
    // a 32-byte document sealed under the KEK must not unwrap as a key, nor a wrapped key open as a document
    try (DataKey kek = DataKey.generate()) {
      byte[] sealedDocument = kek.seal(new byte[32], RECORD_A);
      byte[] wrappedKey = kek.wrap(key, RECORD_A);

      assertThatThrownBy(() -> kek.unwrap(sealedDocument, RECORD_A)).isExactlyInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> kek.open(wrappedKey, RECORD_A)).isExactlyInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void unwrap_authenticPayloadThatIsNoKey_throwsIntegrityException() {
    try (DataKey kek = DataKey.generate()) {
      byte[] notAKey = kek.sealRaw(new byte[16], AssociatedData.of("k").encoded(Canonical.WRAPPED_KEY),
          new byte[12]);

      assertThatThrownBy(() -> kek.unwrap(notAKey, AssociatedData.of("k")))
          .isExactlyInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void close_zeroesTheKeyAndRefusesEveryUse() {
    DataKey closing = DataKey.generate();
    byte[] sealed = closing.seal(PLAINTEXT, RECORD_A);
    closing.close();
    closing.close(); // idempotent

    assertThat(closing.isDestroyed()).isTrue();
    assertThat(closing.toString()).contains("destroyed");
    assertThatThrownBy(() -> closing.seal(PLAINTEXT, RECORD_A)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> closing.open(sealed, RECORD_A)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> key.wrap(closing, RECORD_A)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void missingAssociatedData_isRefused() {
    assertThatThrownBy(() -> key.seal(PLAINTEXT, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("associated data is required");
    assertThatThrownBy(() -> key.open(new byte[40], null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void toString_neverShowsTheKeyBytes() {
    byte[] raw = new byte[32];
    new Random(7).nextBytes(raw);
    try (DataKey known = DataKey.fromBytes(raw)) {
      assertThat(known.toString()).doesNotContain(Hex.of(raw), Hex.of(raw).toUpperCase(),
          Base64.getEncoder().encodeToString(raw), Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
          Arrays.toString(raw));
    }
  }

  private static IntegrityException catchIntegrity(Runnable action) {
    try {
      action.run();
    } catch (IntegrityException e) {
      return e;
    }
    throw new AssertionError("no IntegrityException");
  }
}
