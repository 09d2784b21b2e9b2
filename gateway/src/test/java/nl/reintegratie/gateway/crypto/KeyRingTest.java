package nl.reintegratie.gateway.crypto;

import nl.reintegratie.protocol.crypto.AssociatedData;
import nl.reintegratie.protocol.crypto.DataKey;
import nl.reintegratie.protocol.crypto.IntegrityException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyRingTest {

  private static final Path DEV_RING =
      Path.of(System.getProperty("project.root", ".."), "keys-dev", "kek", "kek-dev.json");
  private static final AssociatedData KEY_AD = AssociatedData.of("document-key", "rec-1", "dos-7");
  private static final AssociatedData DOC_AD =
      AssociatedData.of("dossier-document", "rec-1", "dos-7", "end-report", "1");
  private static final byte[] DOCUMENT = "trajectplan".getBytes(StandardCharsets.UTF_8);
  private static final String KEY_A = Base64.getEncoder().encodeToString(filled(32, 1));
  private static final String KEY_B = Base64.getEncoder().encodeToString(filled(32, 2));

  @TempDir
  Path dir;

  @Test
  void load_devKeyRing_hasVersion1ActiveAndWrapsAndUnwraps() {
    try (KeyRing ring = KeyRing.load(DEV_RING); DataKey key = DataKey.generate()) {
      assertThat(ring.activeVersion()).isEqualTo(1);
      assertThat(ring.versions()).containsExactly(1);

      WrappedKey wrapped = ring.wrap(key, KEY_AD);
      byte[] sealed = key.seal(DOCUMENT, DOC_AD);

      assertThat(wrapped.kekVersion()).isEqualTo(1);
      try (DataKey unwrapped = ring.unwrap(wrapped, KEY_AD)) {
        assertThat(unwrapped.open(sealed, DOC_AD)).isEqualTo(DOCUMENT);
      }
    }
  }

  @Test
  void rotation_addReWrapRetire_keepsCurrentDataReadableAndLocksOutTheRetiredVersion() throws IOException {
    Path file = Files.copy(DEV_RING, dir.resolve("kek.json"));
    WrappedKey underV1;
    byte[] sealed;
    String lookupBefore;
    try (KeyRing ring = KeyRing.load(file); DataKey key = DataKey.generate()) {
      underV1 = ring.wrap(key, KEY_AD);
      sealed = key.seal(DOCUMENT, DOC_AD);
      lookupBefore = ring.lookupHasher().hash("bsn", "999993653");
    }

    assertThat(KeyRing.addVersion(file)).isEqualTo(2);

    WrappedKey underV2;
    try (KeyRing ring = KeyRing.load(file)) {
      assertThat(ring.activeVersion()).isEqualTo(2);
      assertThat(ring.versions()).containsExactly(1, 2);
      assertThat(opened(ring, underV1, sealed)).isEqualTo(DOCUMENT); // v1 is still there
      underV2 = ring.rewrap(underV1, KEY_AD);
      assertThat(underV2.kekVersion()).isEqualTo(2);
      assertThat(ring.rewrap(underV2, KEY_AD)).isSameAs(underV2);
      assertThat(ring.lookupHasher().hash("bsn", "999993653")).isEqualTo(lookupBefore);
    }

    KeyRing.retireVersion(file, 1);

    try (KeyRing ring = KeyRing.load(file)) {
      assertThat(ring.versions()).containsExactly(2);
      assertThatThrownBy(() -> ring.unwrap(underV1, KEY_AD))
          .isInstanceOf(UnknownKeyVersionException.class)
          .isInstanceOf(IntegrityException.class)
          .satisfies(e -> assertThat(((UnknownKeyVersionException) e).version()).isEqualTo(1))
          .hasMessageContaining("version 1");
      assertThat(opened(ring, underV2, sealed)).isEqualTo(DOCUMENT);
    }
  }

  @Test
  void addVersion_keepsEveryOtherFieldAndWritesAtomically() throws IOException {
    Path file = write("{\"purpose\":\"development-only\",\"note\":\"keep me\",\"activeVersion\":3,"
        + "\"keys\":[{\"version\":3,\"createdAt\":\"2026-01-01T00:00:00Z\",\"key\":\"" + KEY_A + "\",\"hsm\":\"x\"}],"
        + "\"lookupKey\":\"" + KEY_B + "\"}");

    assertThat(KeyRing.addVersion(file)).isEqualTo(4);

    JsonObject json = new JsonObject(Files.readString(file));
    assertThat(json.getString("purpose")).isEqualTo("development-only");
    assertThat(json.getString("note")).isEqualTo("keep me");
    assertThat(json.getString("lookupKey")).isEqualTo(KEY_B);
    assertThat(json.getInteger("activeVersion")).isEqualTo(4);
    JsonObject first = json.getJsonArray("keys").getJsonObject(0);
    assertThat(first.getString("key")).isEqualTo(KEY_A);
    assertThat(first.getString("hsm")).isEqualTo("x");
    JsonObject added = json.getJsonArray("keys").getJsonObject(1);
    assertThat(added.getInteger("version")).isEqualTo(4);
    assertThat(Base64.getDecoder().decode(added.getString("key"))).hasSize(32);
    assertThat(added.getString("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(Files.list(dir)).containsExactly(file); // no temporary file left behind
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
  }

  @Test
  void addVersion_twice_givesDistinctRandomKeys() throws IOException {
    Path file = Files.copy(DEV_RING, dir.resolve("kek.json"));
    KeyRing.addVersion(file);
    KeyRing.addVersion(file);

    List<String> keys = new JsonObject(Files.readString(file)).getJsonArray("keys").stream()
        .map(entry -> ((JsonObject) entry).getString("key")).toList();
    assertThat(keys).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void retireVersion_active_isRefusedAndLeavesTheFileAlone() throws IOException {
    Path file = Files.copy(DEV_RING, dir.resolve("kek.json"));
    String before = Files.readString(file);

    assertThatThrownBy(() -> KeyRing.retireVersion(file, 1)).isInstanceOf(KeyRingException.class)
        .hasMessageContaining("refusing to retire the active version 1");
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void retireVersion_notInTheRing_isRefused() throws IOException {
    Path file = Files.copy(DEV_RING, dir.resolve("kek.json"));

    assertThatThrownBy(() -> KeyRing.retireVersion(file, 5)).isInstanceOf(KeyRingException.class)
        .hasMessageContaining("version 5 is not in the ring");
  }

  @Test
  void unwrap_versionNeverInTheRing_throwsUnknownKeyVersionException() {
    try (KeyRing ring = KeyRing.load(DEV_RING)) {
      assertThatThrownBy(() -> ring.unwrap(new WrappedKey(7, new byte[61]), KEY_AD))
          .isInstanceOf(UnknownKeyVersionException.class);
    }
  }

  @Test
  void unwrap_wrongAd_throwsIntegrityExceptionNotUnknownVersion() {
    try (KeyRing ring = KeyRing.load(DEV_RING); DataKey key = DataKey.generate()) {
      WrappedKey wrapped = ring.wrap(key, KEY_AD);

      assertThatThrownBy(() -> ring.unwrap(wrapped, AssociatedData.of("document-key", "rec-2", "dos-7")))
          .isExactlyInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void unwrap_wrappedKeyMovedToAnotherVersion_throwsIntegrityException() throws IOException {
    Path file = Files.copy(DEV_RING, dir.resolve("kek.json"));
    KeyRing.addVersion(file);
    try (KeyRing ring = KeyRing.load(file); DataKey key = DataKey.generate()) {
      WrappedKey wrapped = ring.wrap(key, KEY_AD);

      assertThatThrownBy(() -> ring.unwrap(new WrappedKey(1, wrapped.wrapped()), KEY_AD))
          .isExactlyInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void close_refusesFurtherUse() {
    KeyRing ring = KeyRing.load(DEV_RING);
    ring.close();

    try (DataKey key = DataKey.generate()) {
      assertThatThrownBy(() -> ring.wrap(key, KEY_AD)).isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(() -> ring.lookupHasher().hash("bsn", "999993653")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toString_neverShowsAKey() throws IOException {
    JsonObject json = new JsonObject(Files.readString(DEV_RING));
    List<String> secrets = Stream.concat(
            json.getJsonArray("keys").stream().map(entry -> ((JsonObject) entry).getString("key")),
            Stream.of(json.getString("lookupKey")))
        .toList();
    try (KeyRing ring = KeyRing.load(DEV_RING)) {
      String shown = ring + " " + ring.lookupHasher();
      assertThat(shown).isEqualTo("KeyRing[activeVersion=1, versions=[1]] LookupHasher[HMAC-SHA256]");
      for (String secret : secrets) {
        byte[] raw = Base64.getDecoder().decode(secret);
        assertThat(shown).doesNotContain(secret, HexFormat.of().formatHex(raw),
            Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
      }
    }
  }

  static Stream<Arguments> invalidRings() {
    String key = "{\"version\":1,\"key\":\"" + KEY_A + "\"}";
    String lookup = ",\"lookupKey\":\"" + KEY_B + "\"";
    String short16 = Base64.getEncoder().encodeToString(filled(16, 3));
    return Stream.of(
        Arguments.of("not JSON", "activeVersion: 1", "is not a JSON object"),
        Arguments.of("a JSON array", "[1]", "is not a JSON object"),
        Arguments.of("no activeVersion", "{\"keys\":[" + key + "]" + lookup + "}", "\"activeVersion\" must be"),
        Arguments.of("activeVersion as a string", "{\"activeVersion\":\"1\",\"keys\":[" + key + "]" + lookup + "}",
            "\"activeVersion\" must be a positive integer"),
        Arguments.of("fractional activeVersion", "{\"activeVersion\":1.5,\"keys\":[" + key + "]" + lookup + "}",
            "\"activeVersion\" must be a positive integer"),
        Arguments.of("no keys", "{\"activeVersion\":1" + lookup + "}", "\"keys\" must be a non-empty array"),
        Arguments.of("empty keys", "{\"activeVersion\":1,\"keys\":[]" + lookup + "}",
            "\"keys\" must be a non-empty array"),
        Arguments.of("active version missing", "{\"activeVersion\":2,\"keys\":[" + key + "]" + lookup + "}",
            "activeVersion 2 is not among the key versions [1]"),
        Arguments.of("duplicate version", "{\"activeVersion\":1,\"keys\":[" + key + "," + key + "]" + lookup + "}",
            "key version 1 appears twice"),
        Arguments.of("key of 16 bytes", "{\"activeVersion\":1,\"keys\":[{\"version\":1,\"key\":\"" + short16 + "\"}]"
            + lookup + "}", "key version 1 must be 32 bytes, is 16"),
        Arguments.of("key not base64", "{\"activeVersion\":1,\"keys\":[{\"version\":1,\"key\":\"#" + KEY_A + "\"}]"
            + lookup + "}", "key version 1 is not valid base64"),
        Arguments.of("key missing", "{\"activeVersion\":1,\"keys\":[{\"version\":1}]" + lookup + "}",
            "key version 1 is missing"),
        Arguments.of("no lookupKey", "{\"activeVersion\":1,\"keys\":[" + key + "]}", "\"lookupKey\" is missing"),
        Arguments.of("lookupKey of 16 bytes", "{\"activeVersion\":1,\"keys\":[" + key + "],\"lookupKey\":\""
            + short16 + "\"}", "\"lookupKey\" must be 32 bytes, is 16"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRings")
  void load_invalidFile_isRefusedNamingFileAndProblemButNoKey(String name, String content, String problem)
      throws IOException {
    Path file = write(content);

    assertThatThrownBy(() -> KeyRing.load(file)).isInstanceOf(KeyRingException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(problem)
        .hasMessageNotContaining(KEY_A)
        .hasMessageNotContaining(KEY_B);
    assertThatThrownBy(() -> KeyRing.addVersion(file)).isInstanceOf(KeyRingException.class);
    assertThat(Files.readString(file)).isEqualTo(content);
  }

  @Test
  void load_missingFile_isRefusedNamingTheFile() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> KeyRing.load(missing)).isInstanceOf(KeyRingException.class)
        .hasMessage("key ring file " + missing + " does not exist");
  }

  @Test
  void load_unparsableFile_doesNotQuoteItsContent() throws IOException {
    Path file = write("{\"activeVersion\":1,\"lookupKey\":" + KEY_B + "}"); // unquoted key: a JSON syntax error

    assertThatThrownBy(() -> KeyRing.load(file)).isInstanceOf(KeyRingException.class)
        .hasMessageNotContaining(KEY_B.substring(0, 8))
        .hasNoCause();
  }

  private static DataKey unwrapped(KeyRing ring, WrappedKey wrapped) {
    return ring.unwrap(wrapped, KEY_AD);
  }

  private static byte[] opened(KeyRing ring, WrappedKey wrapped, byte[] sealed) {
    try (DataKey key = unwrapped(ring, wrapped)) {
      return key.open(sealed, DOC_AD);
    }
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("ring.json"), content);
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (value * 31 + i);
    }
    return bytes;
  }
}
