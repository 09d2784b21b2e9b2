package nl.reintegratie.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class LookupHasherTest {

  private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  private static final List<String> DEMO_BSNS = List.of("999993653", "999991772", "999990019");

  private final LookupHasher hasher = new LookupHasher(KEY);

  @Test
  void hash_isHmacSha256OfTheCanonicalInputAsBase64Url() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    byte[] expected = mac.doFinal(HexFormat.of().parseHex("03" + "00000003" + "62736e" + "00000009" + "393939393933363533"));

    assertThat(hasher.hash("bsn", "999993653"))
        .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected))
        .matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void hash_sameInput_givesTheSameOutput() {
    assertThat(hasher.hash("bsn", "999993653")).isEqualTo(new LookupHasher(KEY).hash("bsn", "999993653"));
  }

  @Test
  void hash_otherDomainOrValue_differs() {
    assertThat(hasher.hash("bsn", "999993653")).isNotEqualTo(hasher.hash("email", "999993653"))
        .isNotEqualTo(hasher.hash("bsn", "999991772"));
    assertThat(hasher.hash("a", "bc")).isNotEqualTo(hasher.hash("ab", "c"));
  }

  @Test
  void hash_otherLookupKey_differs() {
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;

    assertThat(new LookupHasher(otherKey).hash("bsn", "999993653")).isNotEqualTo(hasher.hash("bsn", "999993653"));
  }

  @Test
  void hash_neverContainsTheInput() {
    for (String bsn : DEMO_BSNS) {
      String hash = hasher.hash("bsn", bsn);
      assertThat(hash).doesNotContain(bsn, bsn.substring(0, 4), bsn.substring(5),
          Base64.getEncoder().encodeToString(bsn.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void hash_blankDomainOrBrokenString_isRefusedWithoutQuotingTheValue() {
    assertThatThrownBy(() -> hasher.hash(" ", "999993653")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("999993653");
    assertThatThrownBy(() -> hasher.hash("bsn", "999993653\uDC00")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("999993653");
    assertThatThrownBy(() -> hasher.hash("bsn", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void devKeyRing_hashesDemoBsnsToDistinctValues() {
    try (KeyRing ring = KeyRing.load(java.nio.file.Path.of(System.getProperty("project.root", ".."),
        "keys-dev", "kek", "kek-dev.json"))) {
      assertThat(DEMO_BSNS.stream().map(bsn -> ring.lookupHasher().hash("bsn", bsn))).doesNotHaveDuplicates()
          .noneMatch(hash -> hash.equals(hasher.hash("bsn", "999993653")));
    }
  }

  @Test
  void toString_showsNoKey() {
    assertThat(hasher.toString()).isEqualTo("LookupHasher[HMAC-SHA256]");
  }
}
