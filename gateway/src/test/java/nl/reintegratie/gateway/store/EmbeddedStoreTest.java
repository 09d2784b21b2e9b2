package nl.reintegratie.gateway.store;

import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedStoreTest {

  private static final String DOSSIERS = "dossiers";

  private final List<Store> opened = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void closeStores() {
    opened.forEach(store -> await(store.close()));
  }

  @Test
  void open_withoutMongoUri_servesTheRealDriverFromAnH2FileOnLoopback(Vertx vertx) {
    Store store = open(vertx, StoreSettings.embedded(dir, "gw"));

    String id = await(store.durably(mongo -> mongo.insert(DOSSIERS, new JsonObject().put("name", "a"))));
    JsonObject found = await(store.read(mongo -> mongo.findOne(DOSSIERS, new JsonObject().put("_id", id), null)));

    assertThat(found.getString("name")).isEqualTo("a");
    assertThat(dir.resolve("store.mv.db")).isRegularFile();
  }

  @Test
  void open_withFixedPort_listensOn127001ForAnyMongoClient(Vertx vertx) throws Exception {
    int port = freePort();
    Store store = open(vertx, new StoreSettings(java.util.Optional.empty(), "gw", dir, port));
    await(store.durably(store.mongo().insert(DOSSIERS, new JsonObject().put("_id", "d-1"))));

    try (MongoClient syncClient = MongoClients.create("mongodb://127.0.0.1:" + port)) {
      Document doc = syncClient.getDatabase("gw").getCollection(DOSSIERS).find(new Document("_id", "d-1")).first();
      assertThat(doc).isNotNull();
    }
  }

  @Test
  void closeGracefullyAndReopen_keepsAcknowledgedData(Vertx vertx) {
    Store first = await(Stores.open(vertx, StoreSettings.embedded(dir, "gw")));
    // plain acknowledged writes, no commit(): the graceful close alone must persist them
    for (int i = 0; i < 100; i++) {
      await(first.mongo().insert(DOSSIERS, new JsonObject().put("_id", "d-" + i).put("n", i)));
    }
    await(first.close());

    Store second = open(vertx, StoreSettings.embedded(dir, "gw"));

    assertThat(await(second.mongo().count(DOSSIERS, new JsonObject()))).isEqualTo(100L);
    assertThat(await(second.mongo().findOne(DOSSIERS, new JsonObject().put("_id", "d-42"), null)).getInteger("n"))
        .isEqualTo(42);
  }

  @Test
  void close_calledTwice_succeedsBothTimes(Vertx vertx) {
    Store store = await(Stores.open(vertx, StoreSettings.embedded(dir, "gw")));

    await(store.close());
    await(store.close());
  }

  @Test
  void durably_yieldsTheWriteResult(Vertx vertx) {
    Store store = open(vertx, StoreSettings.embedded(dir, "gw"));

    String id = await(store.durably(store.mongo().insert(DOSSIERS, new JsonObject())));

    assertThat(id).isNotBlank();
  }

  @Test
  void durably_whenWriteFails_failsWithTranslatedErrorAndSkipsCommit(Vertx vertx) {
    Store store = open(vertx, StoreSettings.embedded(dir, "gw"));
    await(store.durably(store.mongo().insert(DOSSIERS, new JsonObject().put("_id", "same"))));

    Future<String> second = store.durably(store.mongo().insert(DOSSIERS, new JsonObject().put("_id", "same")));

    assertThatThrownBy(() -> await(second)).hasCauseInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void ping_whenOpen_succeeds(Vertx vertx) {
    Store store = open(vertx, StoreSettings.embedded(dir, "gw"));

    await(store.ping());
  }

  @Test
  void ping_afterClose_failsWithStoreUnavailable(Vertx vertx) {
    Store store = await(Stores.open(vertx, StoreSettings.embedded(dir, "gw")));
    await(store.close());

    assertThatThrownBy(() -> await(store.ping())).hasCauseInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void commitAfterClose_failsWithStoreUnavailable(Vertx vertx) {
    Store store = await(Stores.open(vertx, StoreSettings.embedded(dir, "gw")));
    await(store.close());

    assertThatThrownBy(() -> await(store.durability().commit()))
        .hasCauseInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void writeAfterClose_failsWithStoreUnavailable(Vertx vertx) {
    Store store = await(Stores.open(vertx, StoreSettings.embedded(dir, "gw")));
    await(store.close());

    assertThatThrownBy(() -> await(store.durably(mongo -> mongo.insert(DOSSIERS, new JsonObject()))))
        .hasCauseInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> await(store.read(mongo -> mongo.count(DOSSIERS, new JsonObject()))))
        .hasCauseInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void open_whenDataFileIsInUse_failsWithStoreUnavailable(Vertx vertx) {
    open(vertx, StoreSettings.embedded(dir, "gw"));

    Future<Store> second = Stores.open(vertx, StoreSettings.embedded(dir, "gw"));

    assertThatThrownBy(() -> await(second)).hasCauseInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void open_whenPortIsTaken_failsWithStoreUnavailable(Vertx vertx) throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Future<Store> store =
          Stores.open(vertx, new StoreSettings(java.util.Optional.empty(), "gw", dir, taken.getLocalPort()));

      assertThatThrownBy(() -> await(store)).hasCauseInstanceOf(StoreUnavailableException.class);
    }
    // the failed attempt released the file again
    open(vertx, StoreSettings.embedded(dir, "gw"));
    assertThat(Files.exists(dir.resolve("store.mv.db"))).isTrue();
  }

  private Store open(Vertx vertx, StoreSettings settings) {
    Store store = await(Stores.open(vertx, settings));
    opened.add(store);
    return store;
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
