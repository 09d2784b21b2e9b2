package nl.reintegratie.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.config.ConfigLoader;
import nl.reintegratie.gateway.config.GatewayConfig;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DossierFixture;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotation as an operator runs it: add a version, re-wrap, retire the old one, all still readable. */
class AdminTest {

  @TempDir
  Path dir;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @Test
  void rotation_addRewrapRetire_leavesEveryDocumentReadable() throws Exception {
    DossierFixture.Written written;
    try (DossierFixture fixture = DossierFixture.open(dir)) {
      written = fixture.writeFullDossier();
    }
    GatewayConfig config = ConfigLoader.load(Map.of(
        "GATEWAY_PROFILE", "dev",
        "KEK_FILE", dir.resolve("kek.json").toString(),
        "STORE_DIR", dir.resolve("store").toString(),
        "MONGO_DATABASE", "test",
        "OIDC_CLIENT_SECRET_FILE", ProjectFiles.keysDev().resolve("keycloak/portal-bff.secret").toString()));

    assertThat(run(config, "add-kek")).isZero();
    assertThat(run(config, "retire-kek", "1")).as("v1 still wraps the client's key").isEqualTo(1);
    assertThat(run(config, "rotate-keys")).isZero();
    assertThat(run(config, "retire-kek", "1")).isZero();

    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("Sleutelversie 2 toegevoegd", "wordt nog door 1 klantsleutels gebruikt", "1 omgezet",
            "Sleutelversie 1 verwijderd");
    try (DossierFixture reopened = DossierFixture.open(dir)) {
      assertThat(reopened.keys.versions()).containsExactly(2);
      for (DocumentHeader header : written.headers()) {
        assertThat(reopened.service.readDocument(header.documentId(), OptionalInt.empty())
            .await(30, TimeUnit.SECONDS).content()).isNotEmpty();
      }
    }
  }

  @Test
  void registerProviderFromItsFolder_thenRevokeItsKey() throws Exception {
    GatewayConfig config = ConfigLoader.load(Map.of(
        "GATEWAY_PROFILE", "dev",
        "STORE_DIR", dir.resolve("store").toString(),
        "OIDC_CLIENT_SECRET_FILE", ProjectFiles.keysDev().resolve("keycloak/portal-bff.secret").toString()));
    Path werkpad = ProjectFiles.keysDev().resolve("providers/werkpad");
    String keyId = new io.vertx.core.json.JsonObject(java.nio.file.Files.readString(werkpad.resolve("provider.json")))
        .getString("signingKeyId");

    assertThat(run(config, "register-provider", werkpad.toString())).isZero();
    assertThat(run(config, "register-provider", werkpad.toString())).as("idempotent").isZero();
    assertThat(run(config, "revoke-key", keyId)).isZero();
    assertThat(run(config, "revoke-key", "no-such-key")).isEqualTo(1);

    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      var store = nl.reintegratie.gateway.store.Stores.open(vertx,
          nl.reintegratie.gateway.store.StoreSettings.embedded(dir.resolve("store"), "reintegratie"))
          .await(30, TimeUnit.SECONDS);
      var registry = new nl.reintegratie.gateway.signature.mongo.MongoProviderRegistry(store);
      assertThat(registry.findOrganisation("werkpad").await(30, TimeUnit.SECONDS)).isPresent();
      assertThat(registry.findKey(keyId).await(30, TimeUnit.SECONDS).orElseThrow().revoked()).isTrue();
      store.close().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await();
    }
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("Aanbieder werkpad staat in het register",
        "Sleutel " + keyId + " ingetrokken", "Sleutel no-such-key bestaat niet");
  }

  @Test
  void unknownCommand_isAUsageError() throws Exception {
    GatewayConfig config = ConfigLoader.load(Map.of("GATEWAY_PROFILE", "dev",
        "OIDC_CLIENT_SECRET_FILE", ProjectFiles.keysDev().resolve("keycloak/portal-bff.secret").toString()));

    assertThat(run(config, "rotate-everything")).isEqualTo(2);
    assertThat(run(config)).isEqualTo(2);
  }

  private int run(GatewayConfig config, String... args) {
    return Admin.run(args, config, new PrintStream(output, true, StandardCharsets.UTF_8));
  }
}
