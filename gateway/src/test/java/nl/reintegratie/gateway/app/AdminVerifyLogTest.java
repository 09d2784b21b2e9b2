package nl.reintegratie.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.audit.AuditFixtures;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.mongo.AuditCollections;
import nl.reintegratie.gateway.config.ConfigLoader;
import nl.reintegratie.gateway.config.GatewayConfig;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./admin.sh verify-log} as an operator runs it: one line, exit 0 while the log holds, 1 once it does not. */
class AdminVerifyLogTest {

  @TempDir
  Path dir;

  @Test
  void verifyLog_passesAnIntactLog_andNamesTheFirstChangedEntry() throws Exception {
    GatewayConfig config = ConfigLoader.load(Map.of(
        "GATEWAY_PROFILE", "dev",
        "STORE_DIR", dir.resolve("store").toString(),
        "GATEWAY_SIGNING_KEY_FILE", ProjectFiles.keysDev().resolve("gateway/signing-ed25519.key").toString(),
        "OIDC_CLIENT_SECRET_FILE", ProjectFiles.keysDev().resolve("keycloak/portal-bff.secret").toString()));
    withStore(config, (vertx, store) -> {
      DisclosureLog log = DisclosureLogs.open(vertx, store, config).await(30, TimeUnit.SECONDS);
      for (int n = 0; n < 5; n++) {
        log.append(AuditFixtures.entry(n, "c-" + n)).await(30, TimeUnit.SECONDS);
      }
    });

    ByteArrayOutputStream intact = new ByteArrayOutputStream();
    assertThat(Admin.run(new String[] {"verify-log"}, config, new PrintStream(intact, true, StandardCharsets.UTF_8)))
        .isZero();
    assertThat(intact.toString(StandardCharsets.UTF_8)).startsWith("verify-log: OK 5 entries, root ")
        .hasLineCount(1);

    withStore(config, (vertx, store) -> store.mongo().findOneAndUpdate(AuditCollections.ENTRIES,
            new JsonObject().put("_id", 2L), new JsonObject().put("$set", new JsonObject().put("org", "kansrijk")))
        .await(30, TimeUnit.SECONDS));

    ByteArrayOutputStream changed = new ByteArrayOutputStream();
    assertThat(Admin.run(new String[] {"verify-log"}, config, new PrintStream(changed, true, StandardCharsets.UTF_8)))
        .isEqualTo(1);
    assertThat(changed.toString(StandardCharsets.UTF_8))
        .startsWith("verify-log: FAILED entry-changed at index 2: ").hasLineCount(1);
  }

  private interface StoreWork {
    void run(Vertx vertx, Store store) throws Exception;
  }

  private static void withStore(GatewayConfig config, StoreWork work) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Store store = Stores.open(vertx, Gateway.storeSettings(config)).await(30, TimeUnit.SECONDS);
      try {
        work.run(vertx, store);
      } finally {
        store.close().await(30, TimeUnit.SECONDS);
      }
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }
}
