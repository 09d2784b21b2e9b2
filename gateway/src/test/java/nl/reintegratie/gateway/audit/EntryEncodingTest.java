package nl.reintegratie.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical bytes of an entry, byte for byte as documented in {@link EntryEncoding}. */
class EntryEncodingTest {

  @Test
  void bytes_areTheDocumentedLayout() {
    DisclosureEntry entry = DisclosureEntry.of(DisclosureKind.RELEASE_FETCH, "rf-1", Instant.ofEpochMilli(1234),
            "c-1", "werkpad")
        .about(SubjectRef.grant("g-1"), SubjectRef.document("d-1", 2))
        .withLegalBasis("wet-suwi-art-73-lid-9-10");

    byte[] data = new LoggedEntry(7, entry).leafData();

    String expected = "01"
        + "00000001" + hex("7")
        + "00000004" + hex("rf-1")
        + "0000000d" + hex("release-fetch")
        + "00000004" + hex("1234")
        + "00000003" + hex("c-1")
        + "00000007" + hex("werkpad")
        + "00000000" // actor absent
        + "00000000" // purpose absent
        + "00000018" + hex("wet-suwi-art-73-lid-9-10")
        + "00000000" // reason absent
        + "00000009" + hex("grant:g-1")
        + "0000000e" + hex("document:d-1:2");
    assertThat(HexFormat.of().formatHex(data)).isEqualTo(expected);
    assertThat(new LoggedEntry(7, entry).leafHash())
        .isEqualTo(TreeHash.of(new TreeHasher().leaf(HexFormat.of().parseHex(expected))));
  }

  @Test
  void lengthPrefixes_keepNeighbouringFieldsApart() {
    EntryFields ab = fields("ab", "c");
    EntryFields abc = fields("a", "bc");

    assertThat(EntryEncoding.encode(ab)).isNotEqualTo(EntryEncoding.encode(abc));
  }

  @Test
  void theIndex_isPartOfTheLeaf() {
    DisclosureEntry entry = DisclosureEntry.of(DisclosureKind.GRANT, "g-1", Instant.EPOCH, "c-1", "deventer");

    assertThat(new LoggedEntry(1, entry).leafHash()).isNotEqualTo(new LoggedEntry(2, entry).leafHash());
  }

  @Test
  void aReusedEncoder_givesTheSameHashAsAFreshOne() {
    EntryEncoding reused = new EntryEncoding();
    TreeHasher hasher = new TreeHasher();
    byte[] longOne = reused.leafHash(fields("x".repeat(2000), "y"), hasher);
    byte[] shortOne = reused.leafHash(fields("a", "b"), hasher);

    assertThat(shortOne).isEqualTo(hasher.leaf(EntryEncoding.encode(fields("a", "b"))));
    assertThat(longOne).isEqualTo(hasher.leaf(EntryEncoding.encode(fields("x".repeat(2000), "y"))));
  }

  private static String hex(String ascii) {
    return HexFormat.of().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static EntryFields fields(String client, String organisation) {
    return new EntryFields(0, "e", "grant", 0, client, organisation, "", "", "", "", List.of());
  }
}
