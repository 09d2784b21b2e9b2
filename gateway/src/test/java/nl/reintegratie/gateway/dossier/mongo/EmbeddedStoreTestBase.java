package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.store.Awaits.await;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each test gets a fresh embedded store (the real driver, mongo-java-server, an H2 file) with the dossier indexes. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class EmbeddedStoreTestBase {

  @TempDir
  Path dir;

  Store store;

  @BeforeEach
  void openStore(Vertx vertx) {
    store = await(Stores.open(vertx, StoreSettings.embedded(dir, "test")));
    await(Indexes.ensure(store, DossierIndexes.ALL));
  }

  @AfterEach
  void closeStore() {
    await(store.close());
  }
}
