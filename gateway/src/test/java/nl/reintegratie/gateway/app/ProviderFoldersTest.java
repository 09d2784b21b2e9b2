package nl.reintegratie.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.signature.ProviderRegistry;
import nl.reintegratie.gateway.signature.mongo.MongoProviderRegistry;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A dev start registers the demo providers of keys-dev once; a second start on the same data changes nothing. */
@Timeout(120)
class ProviderFoldersTest {

  @TempDir
  Path dir;

  @Test
  void devStart_registersTheDemoProvidersOnce_andARestartKeepsThem() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      String issuer = "http://127.0.0.1:" + freePort() + "/realms/none";
      TestGateway.start(vertx, dir, issuer, 0).close();
      TestGateway.start(vertx, dir, issuer, 0).close();

      Store store = Stores.open(vertx, StoreSettings.embedded(dir, "reintegratie")).await();
      try {
        ProviderRegistry.Contents contents = new MongoProviderRegistry(store).all().await();
        assertThat(contents.organisations()).extracting(o -> o.id())
            .containsExactlyInAnyOrder("kansrijk", "startlijn", "werkpad");
        assertThat(contents.organisations()).allSatisfy(o -> assertThat(o.encryptionKey()).isPresent());
        assertThat(contents.keys()).extracting(k -> k.keyId()).containsExactlyInAnyOrder(
            "kansrijk-ed25519-2026-1", "startlijn-ed25519-2026-1", "werkpad-ed25519-2026-1");
      } finally {
        store.close().await();
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
