package nl.reintegratie.gateway.signature.mongo;

import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.signature.HealthDataAttestation;
import nl.reintegratie.gateway.signature.ProviderDirectory;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.ProviderRegistryException;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.gateway.signature.X25519PublicKey;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider registry on the embedded store (with its codec), and the key directory snapshot on top of it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MongoProviderRegistryTest {

  static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
  static final ProviderOrganisation WERKPAD =
      ProviderOrganisation.of("werkpad", "Werkpad Re-integratie B.V.", "91234567", "00000003912345670000");
  static final ProviderOrganisation KANSRIJK =
      ProviderOrganisation.of("kansrijk", "Kansrijk Werk & Talent B.V.", "92345678", "00000003923456780000");

  @TempDir
  Path dir;
  Store store;

  @BeforeEach
  void openStore(Vertx vertx) {
    store = await(Stores.open(vertx, StoreSettings.embedded(dir, "test")));
    await(Indexes.ensure(store, SignatureCollections.INDEXES));
  }

  @AfterEach
  void closeStore() {
    await(store.close());
  }

  static byte[] pem(String relative) throws Exception {
    String text = Files.readString(ProjectFiles.keysDev().resolve(relative));
    return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
  }

  static RegisteredKey key(String keyId, String organisationId) throws Exception {
    return new RegisteredKey(keyId, organisationId, "ed25519", pem("providers/werkpad/signing-ed25519.pub"), FROM,
        UNTIL, false);
  }

  @Test
  void organisationAndKeys_roundTrip() throws Exception {
    MongoProviderRegistry registry = new MongoProviderRegistry(store);
    X25519PublicKey encryption = X25519PublicKey.of(pem("providers/werkpad/encryption-x25519.pub"));

    await(registry.register(WERKPAD));
    await(registry.addSigningKey(key("werkpad-ed25519-2026-1", "werkpad")));
    await(registry.setEncryptionKey("werkpad", encryption));

    ProviderOrganisation found = await(registry.findOrganisation("werkpad")).orElseThrow();
    assertThat(found.name()).isEqualTo(WERKPAD.name());
    assertThat(found.kvkNumber()).isEqualTo("91234567");
    assertThat(found.oin()).isEqualTo("00000003912345670000");
    assertThat(found.active()).isTrue();
    assertThat(found.encryptionKey()).contains(encryption);
    assertThat(encryption.raw()).hasSize(32);
    assertThat(await(registry.findKey("werkpad-ed25519-2026-1"))).contains(key("werkpad-ed25519-2026-1", "werkpad"));
    assertThat(await(registry.findOrganisation("nobody"))).isEmpty();
    assertThat(await(registry.findKey("nobody-key"))).isEmpty();
  }

  @Test
  void aKeyIdBelongsToOneOrganisationForGood() throws Exception {
    MongoProviderRegistry registry = new MongoProviderRegistry(store);
    await(registry.register(WERKPAD));
    await(registry.register(KANSRIJK));
    await(registry.addSigningKey(key("shared-id", "werkpad")));

    assertRefused(() -> await(registry.addSigningKey(key("shared-id", "kansrijk"))),
        ProviderRegistryException.Kind.KEY_ID_TAKEN);
    await(registry.revokeKey("shared-id"));
    assertRefused(() -> await(registry.addSigningKey(key("shared-id", "kansrijk"))),
        ProviderRegistryException.Kind.KEY_ID_TAKEN);
    assertThat(await(registry.findKey("shared-id")).orElseThrow().organisationId()).isEqualTo("werkpad");
  }

  @Test
  void invalidChanges_areRefused() throws Exception {
    MongoProviderRegistry registry = new MongoProviderRegistry(store);
    await(registry.register(WERKPAD));

    assertRefused(() -> await(registry.register(WERKPAD)), ProviderRegistryException.Kind.ORGANISATION_EXISTS);
    assertRefused(() -> await(registry.register(ProviderOrganisation.of("other", "Other", "11111111",
        WERKPAD.oin()))), ProviderRegistryException.Kind.ORGANISATION_EXISTS);
    assertRefused(() -> await(registry.addSigningKey(key("k-1", "nobody"))),
        ProviderRegistryException.Kind.UNKNOWN_ORGANISATION);
    assertRefused(() -> await(registry.addSigningKey(key("has:colon", "werkpad"))),
        ProviderRegistryException.Kind.INVALID_KEY);
    assertRefused(() -> await(registry.addSigningKey(new RegisteredKey("k-2", "werkpad", "rsa-pss-sha512",
        pem("providers/werkpad/signing-ed25519.pub"), FROM, UNTIL, false))), ProviderRegistryException.Kind.INVALID_KEY);
    assertRefused(() -> await(registry.setEncryptionKey("nobody",
        X25519PublicKey.of(new byte[32]))), ProviderRegistryException.Kind.UNKNOWN_ORGANISATION);
    assertThatThrownBy(() -> X25519PublicKey.of(pem("providers/werkpad/signing-ed25519.pub")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProviderOrganisation.of("x", "X", "1234567", "00000003912345670000"))
        .hasMessageContaining("kvkNumber");
    assertThatThrownBy(() -> ProviderOrganisation.of("x", "X", "12345678", "0000000391234567000"))
        .hasMessageContaining("oin");
  }

  @Test
  void revocation_keepsItsFirstTime_whenRepeated() throws Exception {
    Instant first = Instant.parse("2026-05-04T10:15:30.123Z");
    MongoProviderRegistry registry = new MongoProviderRegistry(store, Clock.fixed(first, ZoneOffset.UTC));
    MongoProviderRegistry later = new MongoProviderRegistry(store,
        Clock.fixed(first.plus(Duration.ofDays(2)), ZoneOffset.UTC));
    await(registry.register(WERKPAD));
    await(registry.addSigningKey(key("werkpad-ed25519-2026-1", "werkpad")));
    assertThat(await(registry.findKey("werkpad-ed25519-2026-1")).orElseThrow().revokedAt()).isEmpty();

    assertThat(await(registry.revokeKey("werkpad-ed25519-2026-1"))).isTrue();
    assertThat(await(later.revokeKey("werkpad-ed25519-2026-1"))).isTrue();

    RegisteredKey revoked = await(later.findKey("werkpad-ed25519-2026-1")).orElseThrow();
    assertThat(revoked.revoked()).isTrue();
    assertThat(revoked.revokedAt()).contains(first);
  }

  @Test
  void keysOf_listsOneOrganisationsKeys_revokedOnesIncluded() throws Exception {
    MongoProviderRegistry registry = new MongoProviderRegistry(store);
    await(registry.register(WERKPAD));
    await(registry.register(KANSRIJK));
    await(registry.addSigningKey(key("werkpad-1", "werkpad")));
    await(registry.addSigningKey(key("werkpad-2", "werkpad")));
    await(registry.addSigningKey(key("kansrijk-1", "kansrijk")));
    await(registry.revokeKey("werkpad-1"));

    assertThat(await(registry.keysOf("werkpad"))).extracting(RegisteredKey::keyId)
        .containsExactlyInAnyOrder("werkpad-1", "werkpad-2");
    assertThat(await(registry.keysOf("nobody"))).isEmpty();
  }

  @Test
  void aSigningKeyThatIsNoUsableCurvePoint_isRefused() throws Exception {
    MongoProviderRegistry registry = new MongoProviderRegistry(store);
    await(registry.register(WERKPAD));
    byte[] identityPoint = new byte[32];
    identityPoint[0] = 1;

    assertRefused(() -> await(registry.addSigningKey(new RegisteredKey("k-1", "werkpad", "ed25519", identityPoint,
        FROM, UNTIL, false))), ProviderRegistryException.Kind.INVALID_KEY);
    assertRefused(() -> await(registry.addSigningKey(new RegisteredKey("k-2", "werkpad", "ed25519",
        pem("providers/werkpad/signing-ed25519.pub"), FROM, UNTIL, true))), ProviderRegistryException.Kind.INVALID_KEY);
    assertThat(await(registry.keysOf("werkpad"))).isEmpty();
  }

  @Test
  void revocation_takesEffectAtOnceHere_andAfterARefreshOnAnotherInstance(Vertx vertx) throws Exception {
    ProviderDirectory here = new ProviderDirectory(new MongoProviderRegistry(store));
    ProviderDirectory there = new ProviderDirectory(new MongoProviderRegistry(store));
    await(here.start(vertx, Duration.ofMinutes(10)));
    await(there.start(vertx, Duration.ofMinutes(10)));
    await(here.register(WERKPAD));
    await(here.addSigningKey(key("werkpad-ed25519-2026-1", "werkpad")));
    assertThat(here.find("werkpad-ed25519-2026-1")).isPresent(); // in-process: no refresh needed
    await(there.refresh());
    assertThat(there.find("werkpad-ed25519-2026-1").orElseThrow().revoked()).isFalse();

    assertThat(await(here.revokeKey("werkpad-ed25519-2026-1"))).isTrue();

    assertThat(here.find("werkpad-ed25519-2026-1").orElseThrow().revoked()).isTrue();
    assertThat(there.find("werkpad-ed25519-2026-1").orElseThrow().revoked()).isFalse(); // until its refresh
    await(there.refresh());
    assertThat(there.find("werkpad-ed25519-2026-1").orElseThrow().revoked()).isTrue();
    assertThat(await(here.revokeKey("nothing-here"))).isFalse();
    here.stop();
    there.stop();
  }

  @Test
  void keysOfAnInactiveOrganisation_areRevokedInTheDirectory(Vertx vertx) throws Exception {
    ProviderDirectory directory = new ProviderDirectory(new MongoProviderRegistry(store));
    await(directory.start(vertx, Duration.ofMinutes(10)));
    await(directory.register(WERKPAD));
    await(directory.addSigningKey(key("werkpad-ed25519-2026-1", "werkpad")));

    assertThat(await(directory.setActive("werkpad", false))).isTrue();

    assertThat(directory.find("werkpad-ed25519-2026-1").orElseThrow().revoked()).isTrue();
    assertThat(await(directory.findOrganisation("werkpad")).orElseThrow().active()).isFalse();
    assertThat(await(directory.setActive("werkpad", true))).isTrue();
    assertThat(directory.find("werkpad-ed25519-2026-1").orElseThrow().revoked()).isFalse();
    directory.stop();
  }

  @Test
  void periodicRefresh_picksUpAnotherInstancesChanges(Vertx vertx) throws Exception {
    ProviderDirectory here = new ProviderDirectory(new MongoProviderRegistry(store));
    ProviderDirectory there = new ProviderDirectory(new MongoProviderRegistry(store));
    await(there.start(vertx, Duration.ofMillis(100)));
    await(here.register(WERKPAD));
    await(here.addSigningKey(key("werkpad-ed25519-2026-1", "werkpad")));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (there.find("werkpad-ed25519-2026-1").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(there.find("werkpad-ed25519-2026-1")).isPresent();
    there.stop();
  }

  // ------------------------------------------------------------------------------- health data attestation

  static final HealthDataAttestation ATTESTED = new HealthDataAttestation(LocalDate.parse("2026-03-02"),
      LocalDate.parse("2028-03-01"), "KR-VGV-2026-001", "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
      Instant.parse("2026-03-03T08:15:00.123Z"));

  @Test
  void anOrganisationWithEverything_survivesTheCodec_andWithoutAnAttestationHasNoField() throws Exception {
    ProviderOrganisation full = new ProviderOrganisation("kansrijk", KANSRIJK.name(), KANSRIJK.kvkNumber(),
        KANSRIJK.oin(), false, Optional.of(X25519PublicKey.of(pem("providers/kansrijk/encryption-x25519.pub"))),
        Optional.of(ATTESTED));

    JsonObject document = ProviderCodec.toDocument(full);

    assertThat(ProviderCodec.organisation(document)).isEqualTo(full);
    JsonObject stored = document.getJsonObject(ProviderCodec.HEALTH_DATA_ATTESTATION);
    assertThat(stored.getString("attestedOn")).isEqualTo("2026-03-02");
    assertThat(stored.getString("validUntil")).isEqualTo("2028-03-01");
    assertThat(stored.getJsonObject("recordedAt").getString("$date")).isEqualTo("2026-03-03T08:15:00.123Z");
    assertThat(ProviderCodec.toDocument(KANSRIJK).containsKey(ProviderCodec.HEALTH_DATA_ATTESTATION)).isFalse();
    assertThat(ProviderCodec.organisation(ProviderCodec.toDocument(KANSRIJK)).healthDataAttestation()).isEmpty();
  }

  @Test
  void anAttestation_isStored_replaced_andWithdrawn_leavingTheRestOfTheOrganisationAsItWas() throws Exception {
    MongoProviderRegistry registry = new MongoProviderRegistry(store);
    X25519PublicKey encryption = X25519PublicKey.of(pem("providers/kansrijk/encryption-x25519.pub"));
    await(registry.register(KANSRIJK));
    await(registry.setEncryptionKey("kansrijk", encryption));
    await(registry.register(WERKPAD));

    await(registry.setHealthDataAttestation("kansrijk", ATTESTED));

    ProviderOrganisation attested = await(registry.findOrganisation("kansrijk")).orElseThrow();
    assertThat(attested.healthDataAttestation()).contains(ATTESTED);
    assertThat(attested.encryptionKey()).contains(encryption);
    assertThat(attested.attestsHealthDataOn(LocalDate.parse("2027-01-01"))).isTrue();
    assertThat(await(registry.all()).organisations()).filteredOn(o -> o.id().equals("kansrijk"))
        .extracting(ProviderOrganisation::healthDataAttestation).containsExactly(Optional.of(ATTESTED));
    assertThat(await(registry.findOrganisation("werkpad")).orElseThrow().healthDataAttestation()).isEmpty();

    HealthDataAttestation renewed = new HealthDataAttestation(LocalDate.parse("2028-02-15"),
        LocalDate.parse("2031-02-14"), "KR-VGV-2028-004", "9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0",
        Instant.parse("2028-02-16T09:00:00Z"));
    await(registry.setHealthDataAttestation("kansrijk", renewed));
    assertThat(await(registry.findOrganisation("kansrijk")).orElseThrow().healthDataAttestation()).contains(renewed);

    assertThat(await(registry.withdrawHealthDataAttestation("kansrijk"))).isTrue();
    ProviderOrganisation withdrawn = await(registry.findOrganisation("kansrijk")).orElseThrow();
    assertThat(withdrawn.healthDataAttestation()).isEmpty();
    assertThat(withdrawn.attestsHealthDataOn(LocalDate.parse("2029-01-01"))).isFalse();
    assertThat(withdrawn.encryptionKey()).contains(encryption);
    assertThat(withdrawn.active()).isTrue();
    assertThat(await(registry.withdrawHealthDataAttestation("kansrijk"))).isTrue();
  }

  @Test
  void anAttestationOfAnUnregisteredOrganisation_isRefused_andRegistersNothing() {
    MongoProviderRegistry registry = new MongoProviderRegistry(store);

    assertRefused(() -> await(registry.setHealthDataAttestation("nobody", ATTESTED)),
        ProviderRegistryException.Kind.UNKNOWN_ORGANISATION);
    assertThat(await(registry.withdrawHealthDataAttestation("nobody"))).isFalse();
    assertThat(await(registry.findOrganisation("nobody"))).isEmpty();
    assertThat(await(registry.all()).organisations()).isEmpty();
  }

  @Test
  void anAttestationSetThroughADirectory_isReadAtOnce_hereAndOnAnotherInstance(Vertx vertx) throws Exception {
    ProviderDirectory here = new ProviderDirectory(new MongoProviderRegistry(store));
    ProviderDirectory there = new ProviderDirectory(new MongoProviderRegistry(store));
    await(here.start(vertx, Duration.ofMinutes(10)));
    await(there.start(vertx, Duration.ofMinutes(10)));
    await(here.register(KANSRIJK));
    LocalDate today = LocalDate.parse("2026-06-01");
    assertThat(await(there.findOrganisation("kansrijk")).orElseThrow().attestsHealthDataOn(today)).isFalse();

    await(here.setHealthDataAttestation("kansrijk", ATTESTED));

    // no refresh on either: organisations are read from the store, not from the key snapshot
    assertThat(await(here.findOrganisation("kansrijk")).orElseThrow().attestsHealthDataOn(today)).isTrue();
    assertThat(await(there.findOrganisation("kansrijk")).orElseThrow().attestsHealthDataOn(today)).isTrue();

    assertThat(await(here.withdrawHealthDataAttestation("kansrijk"))).isTrue();

    assertThat(await(here.findOrganisation("kansrijk")).orElseThrow().attestsHealthDataOn(today)).isFalse();
    assertThat(await(there.findOrganisation("kansrijk")).orElseThrow().attestsHealthDataOn(today)).isFalse();
    here.stop();
    there.stop();
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      ProviderRegistryException.Kind kind) {
    assertThatThrownBy(call).isInstanceOf(CompletionException.class).cause()
        .isInstanceOfSatisfying(ProviderRegistryException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
