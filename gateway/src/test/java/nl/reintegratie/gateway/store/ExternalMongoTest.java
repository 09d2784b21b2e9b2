package nl.reintegratie.gateway.store;

import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mongoUri} path, against a separately started in-memory mongo-java-server standing in for an external
 * MongoDB (the write concern majority/journal is accepted there, but only a real replica set honours it).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExternalMongoTest {

  private MongoServer external;
  private String uri;

  @TempDir
  Path dir;

  @BeforeEach
  void startExternalServer() {
    external = new MongoServer(new MemoryBackend());
    uri = "mongodb://127.0.0.1:" + external.bind().getPort();
  }

  @AfterEach
  void stopExternalServer() {
    external.shutdownNow();
  }

  @Test
  void open_withMongoUri_usesThatServerAndStartsNoEmbeddedOne(Vertx vertx) throws Exception {
    Store store = await(Stores.open(vertx, new StoreSettings(Optional.of(uri), "gw", dir, 0)));
    try {
      String id = await(store.durably(store.mongo().insert("dossiers", new JsonObject().put("name", "a"))));

      try (com.mongodb.client.MongoClient direct = com.mongodb.client.MongoClients.create(uri)) {
        assertThat(direct.getDatabase("gw").getCollection("dossiers").countDocuments()).isEqualTo(1L);
      }
      assertThat(id).isNotBlank();
      try (var files = Files.list(dir)) {
        assertThat(files).isEmpty();
      }
    } finally {
      await(store.close());
    }
  }

  @Test
  void commit_onExternalMongo_isAlreadyComplete(Vertx vertx) {
    Store store = await(Stores.open(vertx, StoreSettings.external(uri, "gw")));
    try {
      assertThat(store.durability().commit().succeeded()).isTrue();
    } finally {
      await(store.close());
    }
  }

  @Test
  void ping_whenServerGoesDown_failsWithStoreUnavailableWithinDeadline(Vertx vertx) {
    Store store = await(Stores.open(vertx, StoreSettings.external(uri, "gw")));
    try {
      await(store.ping());
      external.shutdownNow();

      long started = System.nanoTime();
      Future<Void> ping = store.ping();

      assertThatThrownBy(() -> await(ping)).hasCauseInstanceOf(StoreUnavailableException.class);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      // the contract is the deadline; the slack only absorbs scheduling on a busy build machine
      assertThat(took).isLessThan(Stores.PING_DEADLINE.plusMillis(1_500));
    } finally {
      await(store.close());
    }
  }

  @Test
  void write_whenServerIsDown_failsWithStoreUnavailable(Vertx vertx) {
    Store store = await(Stores.open(vertx, StoreSettings.external(uri, "gw")));
    try {
      external.shutdownNow();

      Future<String> write = store.durably(store.mongo().insert("dossiers", new JsonObject().put("name", "a")));

      assertThatThrownBy(() -> await(write)).hasCauseInstanceOf(StoreUnavailableException.class);
    } finally {
      await(store.close());
    }
  }

  @Test
  void open_whenServerIsDown_failsWithStoreUnavailable(Vertx vertx) {
    external.shutdownNow();

    assertThatThrownBy(() -> await(Stores.open(vertx, StoreSettings.external(uri, "gw"))))
        .hasCauseInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void open_withInvalidUri_failsWithoutEchoingTheUri(Vertx vertx) {
    assertThatThrownBy(() -> await(Stores.open(vertx, StoreSettings.external("mongodb://user:s3cret@", "gw"))))
        .cause()
        .isInstanceOf(StoreException.class)
        .hasMessageNotContaining("s3cret");
  }
}
