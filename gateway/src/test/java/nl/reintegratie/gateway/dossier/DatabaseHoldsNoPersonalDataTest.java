package nl.reintegratie.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a stolen database or backup reveals: a complete dossier is written (every document type,
 * a health attachment, the client's own story, name, e-mail, phone, BSN), then every value of
 * every collection, binary values included, and finally every byte of the store's file on disk
 * are searched for any of it. Nothing may be found.
 */
class DatabaseHoldsNoPersonalDataTest {

  private static final List<String> CANARIES = List.of(DossierFixture.BSN, DossierFixture.GIVEN_NAME,
      DossierFixture.FAMILY_NAME, DossierFixture.EMAIL, DossierFixture.PHONE, DossierFixture.REPORT_SENTENCE,
      DossierFixture.HEALTH_SENTENCE, DossierFixture.OWN_STORY, DossierFixture.ATTACHMENT_TEXT,
      DossierFixture.DECISION_SENTENCE, "herstellende",
      "thuiszorg", "rugklachten");

  @TempDir
  Path dir;

  @Test
  void fullDossier_leavesNoBsnNameEmailOrReportTextInAnyCollectionOrInTheDataFile() throws Exception {
    DossierFixture fixture = DossierFixture.open(dir);
    DossierFixture.Written written;
    List<String> collections;
    StringBuilder everything = new StringBuilder();
    try {
      written = fixture.writeFullDossier();
      collections = fixture.store.mongo().getCollections().await(30, TimeUnit.SECONDS);
      for (String collection : collections) {
        for (JsonObject document : fixture.store.mongo().find(collection, new JsonObject()).await(30, TimeUnit.SECONDS)) {
          appendEveryValue(document, everything);
        }
      }
    } finally {
      fixture.close();
    }

    assertThat(collections).as("the dossier was written to several collections").hasSizeGreaterThan(4);
    assertThat(everything).as("the scan saw the dossier's ids").contains(written.trajectoryId(), written.clientId());
    for (String canary : CANARIES) {
      assertThat(everything.toString()).as("database values contain '%s'", canary).doesNotContain(canary);
    }

    byte[] file = readStoreFiles(dir.resolve("store"));
    assertThat(file.length).as("the store wrote its data file").isGreaterThan(10_000);
    String latin1 = new String(file, StandardCharsets.ISO_8859_1);
    String utf16 = new String(file, StandardCharsets.UTF_16LE) + new String(file, StandardCharsets.UTF_16BE);
    for (String canary : CANARIES) {
      assertThat(latin1.contains(canary) || utf16.contains(canary))
          .as("the store's file on disk contains '%s'", canary).isFalse();
    }
  }

  /** Strings as they are, binary values decoded: ciphertext is searched as bytes too. */
  private static void appendEveryValue(Object value, StringBuilder out) {
    if (value instanceof JsonObject object) {
      if (object.getValue("$binary") instanceof byte[] bytes) {
        out.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n');
        return;
      }
      object.forEach(entry -> {
        out.append(entry.getKey()).append('=');
        appendEveryValue(entry.getValue(), out);
      });
    } else if (value instanceof JsonArray array) {
      array.forEach(item -> appendEveryValue(item, out));
    } else if (value instanceof byte[] bytes) {
      out.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n');
    } else {
      out.append(value).append('\n');
    }
  }

  private static byte[] readStoreFiles(Path storeDir) throws Exception {
    List<byte[]> parts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(storeDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        parts.add(Files.readAllBytes(file));
      }
    }
    int size = parts.stream().mapToInt(p -> p.length).sum();
    byte[] all = new byte[size];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, offset, part.length);
      offset += part.length;
    }
    return all;
  }
}
