package nl.reintegratie.gateway.audit.mongo;

import static nl.reintegratie.gateway.store.Awaits.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.audit.AuditFixtures;
import nl.reintegratie.gateway.audit.CheckpointSigner;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.LogHead;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.MerkleFrontier;
import nl.reintegratie.gateway.audit.TreeHasher;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each test gets a fresh embedded store (the real driver, mongo-java-server, an H2 file) and a fresh gateway key. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
abstract class AuditStoreTestBase {

  @TempDir
  Path dir;

  Vertx vertx;
  Store store;
  CheckpointSigner signer;

  @BeforeEach
  void openStore(Vertx vertx) {
    this.vertx = vertx;
    store = await(Stores.open(vertx, StoreSettings.embedded(dir, "test")));
    signer = AuditFixtures.newSigner();
  }

  @AfterEach
  void closeStore() {
    await(store.close());
  }

  MongoDisclosureLog openLog(long checkpointEvery) {
    return openLog(checkpointEvery, ScanMode.PAGES);
  }

  MongoDisclosureLog openLog(long checkpointEvery, ScanMode scanMode) {
    return await(MongoDisclosureLog.open(vertx, store, signer, signer.verifier(), Clock.systemUTC(), checkpointEvery,
        scanMode));
  }

  /** Appends {@code count} entries numbered from {@code first}, for clients c-0 .. c-(clients-1) in turn. */
  static List<LoggedEntry> appendAll(MongoDisclosureLog log, int first, int count, int clients) {
    List<LoggedEntry> logged = new java.util.ArrayList<>();
    for (int n = first; n < first + count; n++) {
      logged.add(await(log.append(AuditFixtures.entry(n, "c-" + (n % clients)))));
    }
    return logged;
  }

  JsonObject document(String collection, Object id) {
    return await(store.mongo().findOne(collection, new JsonObject().put("_id", id), null));
  }

  void replace(String collection, JsonObject document) {
    await(store.mongo().findOneAndReplace(collection, new JsonObject().put("_id", document.getValue("_id")),
        document));
  }

  void delete(String collection, Object id) {
    await(store.mongo().removeDocument(collection, new JsonObject().put("_id", id)));
  }

  void insert(String collection, JsonObject document) {
    await(store.mongo().insert(collection, document));
  }

  /**
   * What a gateway that crashed right after inserting its entry leaves: the entry document at the head's size,
   * exactly as {@link LogAppender} writes it, and nothing else.
   */
  LoggedEntry insertDanglingEntry(DisclosureEntry entry) {
    LogHead head = await(new HeadStore(store, signer.verifier()).read());
    TreeHasher hasher = new TreeHasher();
    LoggedEntry logged = new LoggedEntry(head.size(), entry);
    byte[] leaf = logged.leafHash().bytes();
    MerkleFrontier frontier = head.frontier(hasher);
    byte[][] nodes = frontier.append(leaf);
    insert(AuditCollections.ENTRIES, EntryCodec.toDocument(logged, leaf, nodes));
    return logged;
  }
}
