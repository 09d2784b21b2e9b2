package nl.reintegratie.gateway.signature.mongo;

import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The nonce ledger on the embedded store: first use, replay, replay across instances, crash, purge. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MongoNonceLedgerTest {

  static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

  @TempDir
  Path dir;
  Store store;

  @BeforeEach
  void openStore(Vertx vertx) {
    store = await(Stores.open(vertx, StoreSettings.embedded(dir, "test")));
  }

  @AfterEach
  void closeStore() {
    await(store.close());
  }

  @Test
  void firstUseIsTrue_replayIsFalse_perKey() {
    MongoNonceLedger ledger = new MongoNonceLedger(store);

    assertThat(await(ledger.firstUse("key-a", "n-1", NOW))).isTrue();
    assertThat(await(ledger.firstUse("key-a", "n-1", NOW))).isFalse();
    assertThat(await(ledger.firstUse("key-b", "n-1", NOW))).isTrue();
    assertThat(await(ledger.firstUse("key-a", "n-2", NOW))).isTrue();
  }

  @Test
  void twoLedgersOnOneStore_catchEachOthersReplays() {
    MongoNonceLedger first = new MongoNonceLedger(store);
    MongoNonceLedger second = new MongoNonceLedger(store);

    assertThat(await(first.firstUse("key-a", "n-1", NOW))).isTrue();
    assertThat(await(second.firstUse("key-a", "n-1", NOW))).isFalse();
  }

  @Test
  void concurrentUses_exactlyOneIsFirst() {
    MongoNonceLedger first = new MongoNonceLedger(store);
    MongoNonceLedger second = new MongoNonceLedger(store);
    List<Future<Boolean>> uses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      uses.add((i % 2 == 0 ? first : second).firstUse("key-a", "same", NOW));
    }
    await(Future.join(uses));

    assertThat(uses.stream().filter(use -> use.result()).count()).isEqualTo(1);
  }

  @Test
  void aNonceSurvivesARestartOfTheStore(Vertx vertx) {
    assertThat(await(new MongoNonceLedger(store).firstUse("key-a", "n-1", NOW))).isTrue();
    await(store.close());
    store = await(Stores.open(vertx, StoreSettings.embedded(dir, "test")));

    assertThat(await(new MongoNonceLedger(store).firstUse("key-a", "n-1", NOW))).isFalse();
  }

  @Test
  void purge_removesExpiredEntries_andKeepsLiveOnes() {
    MongoNonceLedger ledger = new MongoNonceLedger(store);
    int expired = NoncePurge.BATCH + 7; // more than one batch
    List<Future<Boolean>> writes = new ArrayList<>();
    for (int i = 0; i < expired; i++) {
      writes.add(ledger.firstUse("key-a", "old-" + i, NOW.minus(Duration.ofMinutes(10))));
    }
    writes.add(ledger.firstUse("key-a", "within-margin", NOW.minus(Duration.ofSeconds(30))));
    writes.add(ledger.firstUse("key-a", "live", NOW.plus(Duration.ofMinutes(5))));
    await(Future.all(writes));
    NoncePurge purge = new NoncePurge(store, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1));

    assertThat(await(purge.run())).isEqualTo(expired);

    assertThat(count()).isEqualTo(2);
    assertThat(await(ledger.firstUse("key-a", "live", NOW))).isFalse();
    assertThat(await(ledger.firstUse("key-a", "within-margin", NOW))).isFalse();
    assertThat(await(ledger.firstUse("key-a", "old-0", NOW))).isTrue(); // forgotten, as allowed after expiry
    assertThat(await(purge.run())).isZero();
  }

  @Test
  void purgeTimer_runsUntilStopped(Vertx vertx) throws Exception {
    MongoNonceLedger ledger = new MongoNonceLedger(store);
    await(ledger.firstUse("key-a", "old", NOW.minus(Duration.ofHours(1))));
    NoncePurge purge = new NoncePurge(store, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1));

    purge.start(vertx, Duration.ofMillis(50));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (count() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    purge.stop();

    assertThat(count()).isZero();
  }

  private long count() {
    return await(store.read(mongo -> mongo.count(SignatureCollections.NONCES, new JsonObject())));
  }
}
