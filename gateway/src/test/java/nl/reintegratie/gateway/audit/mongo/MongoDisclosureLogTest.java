package nl.reintegratie.gateway.audit.mongo;

import static nl.reintegratie.gateway.audit.AuditFixtures.entry;
import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import nl.reintegratie.gateway.audit.AuditFixtures;
import nl.reintegratie.gateway.audit.ClientDisclosures;
import nl.reintegratie.gateway.audit.ConsistencyProof;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.EventIdConflictException;
import nl.reintegratie.gateway.audit.LogIntegrityException;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.ProvenEntry;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.VerificationResult;
import nl.reintegratie.gateway.store.Durability;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/** The log on the embedded store: appends, proofs, concurrency across instances, crashes and failed writes. */
class MongoDisclosureLogTest extends AuditStoreTestBase {

  @Test
  void appends_getIndexesFromZero_andTheLogVerifies() {
    MongoDisclosureLog log = openLog(4);

    List<LoggedEntry> logged = appendAll(log, 0, 10, 3);

    assertThat(logged).extracting(LoggedEntry::index).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(logged.get(4).entry()).isEqualTo(entry(4, "c-1"));
    assertThat(await(log.findByEvent("fetch-4"))).contains(logged.get(4));
    assertThat(await(log.findByEvent("fetch-99"))).isEmpty();
    SignedCheckpoint head = await(log.latestCheckpoint());
    assertThat(head.size()).isEqualTo(10);
    assertThat(signer.verifier().verify(head)).isTrue();
    assertThat(await(store.mongo().count(AuditCollections.CHECKPOINTS, new JsonObject()))).as("at 4 and 8").isEqualTo(2);
    VerificationResult result = await(log.verify());
    assertThat(result.ok()).as(result.summary()).isTrue();
    assertThat(result.treeSize()).isEqualTo(10);
    assertThat(result.checkpoint()).contains(head.checkpoint());
  }

  @Test
  void aClientsEntries_comeWithProofsAgainstTheSignedHead_andNoOneElsesEntries() {
    MongoDisclosureLog log = openLog(1000);
    appendAll(log, 0, 30, 3);

    ClientDisclosures mine = await(log.entriesOf("c-1"));

    assertThat(mine.entries()).extracting(proven -> proven.entry().index())
        .containsExactly(1L, 4L, 7L, 10L, 13L, 16L, 19L, 22L, 25L, 28L);
    assertThat(mine.entries()).allSatisfy(proven -> assertThat(proven.entry().entry().clientId()).isEqualTo("c-1"));
    assertThat(signer.verifier().verify(mine.checkpoint())).isTrue();
    assertThat(mine.checkpoint().size()).isEqualTo(30);
    for (ProvenEntry proven : mine.entries()) {
      assertThat(proven.verify(mine.checkpoint().root())).as("entry %d", proven.entry().index()).isTrue();
    }
    assertThat(await(log.entriesOf("nobody")).entries()).isEmpty();
  }

  @Test
  void consistencyProofs_connectArchivedCheckpointsToTheHead() {
    MongoDisclosureLog log = openLog(5);
    appendAll(log, 0, 23, 2);
    SignedCheckpoint head = await(log.latestCheckpoint());

    for (long size : List.of(5L, 10L, 15L, 20L)) {
      SignedCheckpoint archived = SignedCheckpoint.parse(
          document(AuditCollections.CHECKPOINTS, size).getString("checkpoint"));
      ConsistencyProof proof = await(log.consistencyProof(size, 23));
      assertThat(signer.verifier().verify(archived)).isTrue();
      assertThat(proof.verify(archived.root(), head.root())).as("from %d", size).isTrue();
    }
    assertThat(await(log.consistencyProof(0, 23)).path()).isEmpty();
    assertThat(await(log.consistencyProof(23, 23)).path()).isEmpty();
    assertThatThrownBy(() -> await(log.consistencyProof(5, 24))).cause()
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSameEventTwice_isLoggedOnce_andAnotherActionUnderItsIdIsRefused() {
    MongoDisclosureLog log = openLog(1000);
    LoggedEntry first = await(log.append(entry(1, "c-1")));

    LoggedEntry retried = await(log.append(entry(1, "c-1").withAt(AuditFixtures.T0.plusSeconds(60))));

    assertThat(retried).isEqualTo(first);
    assertThat(await(log.latestCheckpoint()).size()).isEqualTo(1);
    assertThatThrownBy(() -> await(log.append(entry(1, "c-2")))).cause()
        .isInstanceOf(EventIdConflictException.class)
        .satisfies(e -> assertThat(((EventIdConflictException) e).existingIndex()).isZero());
    assertThat(await(log.append(entry(2, "c-1"))).index()).as("the refused one took no index").isEqualTo(1);
  }

  @Test
  void twoInstancesAppendingAtOnce_makeOneSequenceWithoutGaps() throws Exception {
    MongoDisclosureLog one = openLog(16);
    MongoDisclosureLog two = openLog(16);
    List<Future<LoggedEntry>> appends = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch started = new CountDownLatch(2);
    fire(vertx.getOrCreateContext(), one, 0, appends, started);
    fire(vertx.getOrCreateContext(), two, 1, appends, started);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    List<LoggedEntry> logged = new ArrayList<>();
    for (Future<LoggedEntry> append : appends) {
      logged.add(await(append));
    }

    assertThat(logged).extracting(LoggedEntry::index)
        .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 300).boxed().toList());
    VerificationResult result = await(one.verify());
    assertThat(result.ok()).as(result.summary()).isTrue();
    assertThat(result.treeSize()).isEqualTo(300);
    for (LoggedEntry entry : logged) {
      assertThat(await(two.findByEvent(entry.entry().eventId()))).contains(entry);
    }
  }

  @Test
  void verifyingWhileAnotherInstanceAppends_raisesNoFalseAlarm() throws Exception {
    MongoDisclosureLog writer = openLog(16);
    appendAll(writer, 0, 100, 5);
    for (ScanMode mode : ScanMode.values()) {
      MongoDisclosureLog verifier = openLog(16, mode);
      List<Future<LoggedEntry>> appends = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch started = new CountDownLatch(1);
      int first = (int) await(writer.latestCheckpoint()).size();
      fire(vertx.getOrCreateContext(), writer, first, first + 300, appends, started);
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

      List<VerificationResult> results = new ArrayList<>();
      while (!appends.stream().allMatch(Future::isComplete)) {
        results.add(await(verifier.verify()));
      }
      results.add(await(verifier.verify()));
      appends.forEach(append -> await(append));

      assertThat(results).allSatisfy(result -> assertThat(result.ok()).as(mode + ": " + result.summary()).isTrue());
      assertThat(results.get(results.size() - 1).treeSize()).isEqualTo(first + 300);
    }
  }

  private static void fire(Context context, MongoDisclosureLog log, int from, int to,
      List<Future<LoggedEntry>> appends, CountDownLatch started) {
    context.runOnContext(v -> {
      for (int n = from; n < to; n++) {
        appends.add(log.append(entry(n, "c-" + (n % 7))));
      }
      started.countDown();
    });
  }

  private static void fire(Context context, MongoDisclosureLog log, int parity, List<Future<LoggedEntry>> appends,
      CountDownLatch started) {
    context.runOnContext(v -> {
      for (int n = parity; n < 300; n += 2) {
        appends.add(log.append(entry(n, "c-" + (n % 7))));
      }
      started.countDown();
    });
  }

  @Test
  void aCrashBetweenEntryAndHead_isRolledForwardAtTheNextStart() {
    MongoDisclosureLog log = openLog(4);
    appendAll(log, 0, 3, 2);
    LoggedEntry dangling = insertDanglingEntry(entry(3, "c-9")); // a gateway died right after its insert

    VerificationResult before = await(log.verify());
    assertThat(before.ok()).as(before.summary()).isTrue();
    assertThat(before.treeSize()).isEqualTo(3);
    assertThat(before.uncoveredEntries()).isEqualTo(1);

    MongoDisclosureLog restarted = openLog(4);

    assertThat(await(restarted.latestCheckpoint()).size()).isEqualTo(4);
    assertThat(await(restarted.entriesOf("c-9")).entries()).extracting(ProvenEntry::entry).containsExactly(dangling);
    assertThat(document(AuditCollections.CHECKPOINTS, 4L)).as("the due checkpoint was archived").isNotNull();
    assertThat(await(restarted.append(entry(4, "c-1"))).index()).isEqualTo(4);
    VerificationResult after = await(restarted.verify());
    assertThat(after.ok()).as(after.summary()).isTrue();
    assertThat(after.treeSize()).isEqualTo(5);
  }

  @Test
  void aDanglingEntryLeftByAnotherGateway_isRolledForwardByTheNextAppend() {
    MongoDisclosureLog log = openLog(1000);
    appendAll(log, 0, 5, 2);
    LoggedEntry dangling = insertDanglingEntry(entry(5, "c-1"));

    LoggedEntry next = await(log.append(entry(6, "c-0")));

    assertThat(next.index()).isEqualTo(6);
    assertThat(await(log.findByEvent("fetch-5"))).contains(dangling);
    assertThat(await(log.entriesOf("c-1")).entries()).extracting(proven -> proven.entry().index()).contains(5L);
    assertThat(await(log.verify()).ok()).isTrue();
  }

  @Test
  void aRetryOfAnActionWhoseAppendCrashed_getsTheEntryAlreadyWritten() {
    MongoDisclosureLog log = openLog(1000);
    appendAll(log, 0, 2, 2);
    LoggedEntry dangling = insertDanglingEntry(entry(2, "c-0"));

    LoggedEntry retried = await(log.append(entry(2, "c-0").withAt(AuditFixtures.T0.plusSeconds(600))));

    assertThat(retried).isEqualTo(dangling);
    assertThat(await(log.latestCheckpoint()).size()).isEqualTo(3);
  }

  @Test
  void anAppendWhoseCommitFails_fails_andItsRetryIsLoggedOnce() {
    AtomicBoolean diskFails = new AtomicBoolean();
    Store failing = withCommit(store, () -> diskFails.get()
        ? Future.failedFuture(new StoreUnavailableException("disk full"))
        : store.durability().commit());
    MongoDisclosureLog log = await(MongoDisclosureLog.open(vertx, failing, signer, signer.verifier(),
        Clock.systemUTC(), 1000, ScanMode.PAGES));
    appendAll(log, 0, 2, 2);
    diskFails.set(true);

    assertThatThrownBy(() -> await(log.append(entry(2, "c-0")))).cause()
        .isInstanceOf(StoreUnavailableException.class);

    diskFails.set(false);
    LoggedEntry retried = await(log.append(entry(2, "c-0")));
    assertThat(retried.index()).isEqualTo(2);
    assertThat(await(log.latestCheckpoint()).size()).isEqualTo(3);
  }

  @Test
  void anAppendOnAClosedStore_fails() {
    MongoDisclosureLog log = openLog(1000);
    appendAll(log, 0, 1, 1);
    await(store.close());

    assertThatThrownBy(() -> await(log.append(entry(1, "c-0")))).cause()
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void aForgedHead_stopsEveryAppend() {
    MongoDisclosureLog log = openLog(1000);
    appendAll(log, 0, 3, 1);
    JsonObject head = document(AuditCollections.HEAD, AuditCollections.HEAD_ID);
    SignedCheckpoint genuine = SignedCheckpoint.parse(head.getString("checkpoint"));
    SignedCheckpoint forged = AuditFixtures.newSigner().sign(genuine.size(), genuine.root(),
        genuine.checkpoint().time());
    replace(AuditCollections.HEAD, head.put("checkpoint", forged.note()));

    assertThatThrownBy(() -> await(log.append(entry(3, "c-0")))).cause()
        .isInstanceOf(LogIntegrityException.class);
    assertThat(document(AuditCollections.ENTRIES, 3L)).as("nothing written").isNull();
  }

  @Test
  void aLogWithEntriesButNoHead_doesNotOpen() {
    appendAll(openLog(1000), 0, 2, 1);
    delete(AuditCollections.HEAD, AuditCollections.HEAD_ID);

    assertThatThrownBy(() -> openLog(1000)).cause().isInstanceOf(LogIntegrityException.class)
        .hasMessageContaining("no head");
  }

  @Test
  void aDanglingEntryThatDoesNotFitTheTree_isNotRolledIn() {
    MongoDisclosureLog log = openLog(1000);
    appendAll(log, 0, 2, 1);
    insertDanglingEntry(entry(2, "c-0"));
    replace(AuditCollections.ENTRIES, document(AuditCollections.ENTRIES, 2L).put("client", "c-forged"));

    assertThatThrownBy(() -> openLog(1000)).cause().isInstanceOf(LogIntegrityException.class)
        .hasMessageContaining("does not fit");
    assertThatThrownBy(() -> await(log.append(entry(3, "c-0")))).cause()
        .isInstanceOf(LogIntegrityException.class);
  }

  @Test
  void batchesOfManyConcurrentAppendsOnOneInstance_allGetTheirOwnEntry() throws Exception {
    MongoDisclosureLog log = openLog(10);
    List<Future<LoggedEntry>> appends = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch fired = new CountDownLatch(1);
    vertx.getOrCreateContext().runOnContext(v -> {
      for (int n = 0; n < 200; n++) {
        DisclosureEntry entry = entry(n, "c-" + (n % 5));
        appends.add(log.append(entry).map(logged -> {
          assertThat(logged.entry()).isEqualTo(entry);
          return logged;
        }));
      }
      fired.countDown();
    });
    assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();

    List<Long> indexes = new ArrayList<>();
    for (Future<LoggedEntry> append : appends) {
      indexes.add(await(append).index());
    }

    assertThat(indexes).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 200).boxed().toList());
    assertThat(await(log.verify()).ok()).isTrue();
  }

  /** {@code store} with another commit: what the disk says. */
  private static Store withCommit(Store store, Durability commit) {
    return new Store() {
      @Override
      public MongoClient mongo() {
        return store.mongo();
      }

      @Override
      public Durability durability() {
        return commit;
      }

      @Override
      public Future<Void> ping() {
        return store.ping();
      }

      @Override
      public Future<Void> close() {
        return Future.succeededFuture();
      }
    };
  }
}
