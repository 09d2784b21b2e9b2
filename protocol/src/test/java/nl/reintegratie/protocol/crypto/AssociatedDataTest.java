package nl.reintegratie.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssociatedDataTest {

  @Test
  void encoded_purposeAndFields_isUsageByteThenLengthPrefixedUtf8() {
    byte[] encoded = AssociatedData.of("p", "a", "bc").encoded(Canonical.SEALED_DATA);

    assertThat(Hex.of(encoded)).isEqualTo("01" + "00000001" + "70" + "00000001" + "61" + "00000002" + "6263");
  }

  @Test
  void encoded_nonAsciiField_countsUtf8Bytes() {
    byte[] encoded = AssociatedData.of("p", "é").encoded(Canonical.SEALED_DATA);

    assertThat(Hex.of(encoded)).isEqualTo("01" + "00000001" + "70" + "00000002" + "c3a9");
  }

  @Test
  void differentSplitOfTheSameCharacters_isDifferentAd() {
    AssociatedData first = AssociatedData.of("p", "a", "bc");
    AssociatedData second = AssociatedData.of("p", "ab", "c");

    assertThat(first).isNotEqualTo(second);
    assertThat(first.encoded(Canonical.SEALED_DATA)).isNotEqualTo(second.encoded(Canonical.SEALED_DATA));
    assertThat(AssociatedData.of("pa").encoded(Canonical.SEALED_DATA))
        .isNotEqualTo(AssociatedData.of("p", "a").encoded(Canonical.SEALED_DATA));
    assertThat(AssociatedData.of("p").encoded(Canonical.SEALED_DATA))
        .isNotEqualTo(AssociatedData.of("p", "").encoded(Canonical.SEALED_DATA));
  }

  @Test
  void sameAdForAnotherUsage_encodesDifferently() {
    AssociatedData ad = AssociatedData.of("p", "a");

    assertThat(ad.encoded(Canonical.SEALED_DATA)).isNotEqualTo(ad.encoded(Canonical.WRAPPED_KEY));
  }

  @Test
  void equalPurposeAndFields_areEqual() {
    assertThat(AssociatedData.of("dossier-document", "r-1", "d-1")).isEqualTo(
        new AssociatedData("dossier-document", List.of("r-1", "d-1")));
  }

  @Test
  void fields_areCopied() {
    List<String> fields = new ArrayList<>(List.of("r-1"));
    AssociatedData ad = new AssociatedData("p", fields);
    fields.set(0, "r-2");

    assertThat(ad.fields()).containsExactly("r-1");
    assertThatThrownBy(() -> ad.fields().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void blankOrNullPurpose_isRefused() {
    assertThatThrownBy(() -> AssociatedData.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AssociatedData.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void nullField_isRefused() {
    assertThatThrownBy(() -> AssociatedData.of("p", "a", null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("field 1");
    assertThatThrownBy(() -> new AssociatedData("p", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new AssociatedData("p", Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void unpairedSurrogate_isRefusedWithoutQuotingTheField() {
    // "\uD800" would encode to "?" in UTF-8 and collide with a field that really is "?"
    assertThatThrownBy(() -> AssociatedData.of("p", "999993653\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 0")
        .hasMessageNotContaining("999993653");
    assertThat(AssociatedData.of("p", "\uD83D\uDE00").fields()).hasSize(1); // a proper pair is fine
  }
}
