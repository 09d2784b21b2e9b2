package nl.reintegratie.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.signature.HealthDataAttestation;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.ProviderRegistry;
import nl.reintegratie.gateway.signature.mongo.MongoProviderRegistry;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dev start registers the demo providers of keys-dev once; a second start on the same data changes nothing. A
 * provider folder may carry a health data attestation, either with the statement's own dates or as a period from
 * registration (the demo providers'), registered only where the organisation has none.
 */
@Timeout(120)
class ProviderFoldersTest {

  static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

  @TempDir
  Path dir;

  @Test
  void devStart_registersTheDemoProvidersOnce_andARestartKeepsThem() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      String issuer = "http://127.0.0.1:" + freePort() + "/realms/none";
      TestGateway.start(vertx, dir, issuer, 0).close();
      ProviderRegistry.Contents first = contents(vertx);
      TestGateway.start(vertx, dir, issuer, 0).close();

      ProviderRegistry.Contents contents = contents(vertx);
      assertThat(contents.organisations()).extracting(o -> o.id())
          .containsExactlyInAnyOrder("kansrijk", "startlijn", "werkpad");
      assertThat(contents.organisations()).allSatisfy(o -> assertThat(o.encryptionKey()).isPresent());
      assertThat(contents.keys()).extracting(k -> k.keyId()).containsExactlyInAnyOrder(
          "kansrijk-ed25519-2026-1", "startlijn-ed25519-2026-1", "werkpad-ed25519-2026-1");
      assertThat(contents.organisations()).containsExactlyInAnyOrderElementsOf(first.organisations());
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** What the demo relies on: health data may go to kansrijk, for two years from its registration, not to werkpad. */
  @Test
  void devStart_givesKansrijkTheAttestationOfItsFolder_andWerkpadAndStartlijnNone() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      LocalDate today = LocalDate.now(NETHERLANDS);
      TestGateway.start(vertx, dir, "http://127.0.0.1:" + freePort() + "/realms/none", 0).close();

      ProviderRegistry.Contents contents = contents(vertx);
      HealthDataAttestation kansrijk = organisation(contents, "kansrijk").healthDataAttestation().orElseThrow();
      JsonObject folder = new JsonObject(Files.readString(
          ProjectFiles.keysDev().resolve("providers/kansrijk/provider.json")));
      assertThat(kansrijk.reference()).isEqualTo(folder.getString("healthDataAttestationReference"));
      assertThat(kansrijk.recordedBy()).isEqualTo(HealthDataAttestation.FROM_PROVIDER_FOLDER);
      assertThat(kansrijk.attestedOn()).isEqualTo(today.minusDays(1));
      assertThat(kansrijk.validUntil()).isEqualTo(today.minusDays(1).plusYears(2));
      assertThat(organisation(contents, "kansrijk").attestsHealthDataOn(today)).isTrue();
      assertThat(organisation(contents, "kansrijk").attestsHealthDataOn(today.plusYears(2).minusDays(1))).isTrue();
      assertThat(organisation(contents, "werkpad").attestsHealthDataOn(today)).isFalse();
      assertThat(organisation(contents, "werkpad").healthDataAttestation()).isEmpty();
      assertThat(organisation(contents, "startlijn").healthDataAttestation()).isEmpty();
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFolderWithTheStatementsOwnDates_registersExactlyThose_unlessTheOrganisationHasOne() throws Exception {
    Path folder = folder("proef", """
        "healthDataAttestationReference":"PR-VGV-2026-7","healthDataAttestationAttestedOn":"2026-01-15",
        "healthDataAttestationValidUntil":"2029-01-14",""");
    Path other = folder("ander", "");
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    Vertx vertx = Vertx.vertx();
    try {
      Store store = Stores.open(vertx, StoreSettings.embedded(dir.resolve("store"), "reintegratie")).await();
      try {
        MongoProviderRegistry registry = new MongoProviderRegistry(store);
        ProviderFolders proef = ProviderFolders.readOne(folder);
        proef.registerAbsent(registry, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(30)).await();
        ProviderFolders.readOne(other).registerAbsent(registry, Clock.systemUTC(), Duration.ofDays(30)).await();

        HealthDataAttestation registered = registry.findOrganisation("proef").await().orElseThrow()
            .healthDataAttestation().orElseThrow();
        assertThat(registered).isEqualTo(new HealthDataAttestation(LocalDate.parse("2026-01-15"),
            LocalDate.parse("2029-01-14"), "PR-VGV-2026-7", "provider-folder", now));
        assertThat(registry.findOrganisation("ander").await().orElseThrow().healthDataAttestation()).isEmpty();

        HealthDataAttestation bySupervisor = new HealthDataAttestation(LocalDate.parse("2026-10-01"),
            LocalDate.parse("2027-09-30"), "PR-VGV-2026-9", "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", now);
        registry.setHealthDataAttestation("proef", bySupervisor).await();
        proef.registerAbsent(registry, Clock.systemUTC(), Duration.ofDays(30)).await();
        assertThat(registry.findOrganisation("proef").await().orElseThrow().healthDataAttestation())
            .contains(bySupervisor);
      } finally {
        store.close().await();
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFolderWithAnIncompleteOrImpossibleStatement_isRefusedWhenRead_beforeAnythingIsRegistered()
      throws Exception {
    assertRefused(folder("alleen-ref", """
        "healthDataAttestationReference":"PR-1",""")).hasMessageContaining("ValidFor");
    assertRefused(folder("geen-ref", """
        "healthDataAttestationValidFor":"P2Y",""")).hasMessageContaining("Reference");
    assertRefused(folder("beide", """
        "healthDataAttestationReference":"PR-1","healthDataAttestationValidFor":"P2Y",
        "healthDataAttestationAttestedOn":"2026-01-15","healthDataAttestationValidUntil":"2027-01-14",""")).isNotNull();
    assertRefused(folder("vier-jaar", """
        "healthDataAttestationReference":"PR-1","healthDataAttestationValidFor":"P4Y",""")).isNotNull();
    assertRefused(folder("nederlandse-datum", """
        "healthDataAttestationReference":"PR-1","healthDataAttestationAttestedOn":"15-01-2026",
        "healthDataAttestationValidUntil":"14-01-2027",""")).isNotNull();
    assertRefused(folder("vrije-tekst", """
        "healthDataAttestationReference":"signed by the director","healthDataAttestationValidFor":"P2Y",""")).isNotNull();
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path folder) {
    return assertThatThrownBy(() -> ProviderFolders.readOne(folder)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A provider folder with werkpad's dev keys, a fresh id and OIN, and {@code attestation} (members, comma after). */
  private Path folder(String id, String attestation) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("folders").resolve(id));
    String oin = String.format("%020d", Math.floorMod(id.hashCode(), 1_000_000_000L));
    Files.writeString(folder.resolve("provider.json"), "{\"id\":\"" + id + "\",\"name\":\"Proef B.V.\",\"kvk\":"
        + "\"90000017\",\"oin\":\"" + oin + "\",\"signingKeyId\":\"" + id + "-ed25519-2026-1\"," + attestation
        + "\"purpose\":\"development-only\"}");
    for (String file : new String[] {"signing-ed25519.pub", "encryption-x25519.pub"}) {
      Files.copy(ProjectFiles.keysDev().resolve("providers/werkpad").resolve(file), folder.resolve(file));
    }
    return folder;
  }

  private ProviderRegistry.Contents contents(Vertx vertx) {
    Store store = Stores.open(vertx, StoreSettings.embedded(dir, "reintegratie")).await();
    try {
      return new MongoProviderRegistry(store).all().await();
    } finally {
      store.close().await();
    }
  }

  private static ProviderOrganisation organisation(ProviderRegistry.Contents contents, String id) {
    return contents.organisations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
