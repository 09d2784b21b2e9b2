package nl.reintegratie.gateway.store;

import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IndexesTest {

  private static final String VERSIONS = "dossierVersions";
  private static final List<IndexSpec> DECLARED = List.of(IndexSpec.unique(VERSIONS, "key"));

  @TempDir
  Path dir;

  @Test
  void uniqueSingleFieldIndex_secondDocumentWithSameKey_failsWithDuplicateKey(Vertx vertx) {
    Store store = await(Stores.open(vertx, StoreSettings.embedded(dir, "gw")));
    try {
      await(Indexes.ensure(store, DECLARED));
      await(store.durably(store.mongo().insert(VERSIONS, version("d-1:1"))));

      assertThatThrownBy(() -> await(store.durably(store.mongo().insert(VERSIONS, version("d-1:1")))))
          .cause()
          .isInstanceOf(DuplicateKeyException.class)
          .hasMessageNotContaining("d-1:1")
          .satisfies(e -> assertThat(((DuplicateKeyException) e).index()).isEqualTo("key_1"));
      assertThat(await(store.mongo().count(VERSIONS, new JsonObject()))).isEqualTo(1L);
    } finally {
      await(store.close());
    }
  }

  @Test
  void ensure_calledAgainAfterRestart_isIdempotentAndIndexStillEnforced(Vertx vertx) {
    Store first = await(Stores.open(vertx, StoreSettings.embedded(dir, "gw")));
    await(Indexes.ensure(first, DECLARED));
    await(Indexes.ensure(first, DECLARED));
    await(first.durably(first.mongo().insert(VERSIONS, version("d-1:1"))));
    await(first.close());

    Store second = await(Stores.open(vertx, StoreSettings.embedded(dir, "gw")));
    try {
      await(Indexes.ensure(second, DECLARED));
      JsonArray indexes = await(second.mongo().listIndexes(VERSIONS));

      assertThat(indexes.stream().map(index -> ((JsonObject) index).getString("name"))).contains("key_1");
      assertThatThrownBy(() -> await(second.mongo().insert(VERSIONS, version("d-1:1"))))
          .hasCauseInstanceOf(com.mongodb.MongoWriteException.class);
      assertThatThrownBy(() -> await(StoreErrors.translated(second.mongo().insert(VERSIONS, version("d-1:1")))))
          .hasCauseInstanceOf(DuplicateKeyException.class);
    } finally {
      await(second.close());
    }
  }

  @Test
  void ensure_whenExistingDocumentsViolateNewUniqueIndex_failsWithDuplicateKey(Vertx vertx) {
    Store store = await(Stores.open(vertx, StoreSettings.embedded(dir, "gw")));
    try {
      await(store.mongo().insert(VERSIONS, version("same")));
      await(store.mongo().insert(VERSIONS, version("same")));

      assertThatThrownBy(() -> await(Indexes.ensure(store, DECLARED)))
          .hasCauseInstanceOf(DuplicateKeyException.class);
    } finally {
      await(store.close());
    }
  }

  @Test
  void indexSpec_withOperatorAsField_isRejected() {
    assertThatThrownBy(() -> IndexSpec.unique(VERSIONS, "$where")).isInstanceOf(IllegalArgumentException.class);
  }

  private static JsonObject version(String key) {
    return new JsonObject().put("key", key).put("state", "draft");
  }
}
