package nl.reintegratie.gateway.audit.mongo;

import static nl.reintegratie.gateway.audit.mongo.AuditCollections.ENTRIES;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.EntryEncoding;
import nl.reintegratie.gateway.audit.EventIdConflictException;
import nl.reintegratie.gateway.audit.LogHead;
import nl.reintegratie.gateway.audit.LogIntegrityException;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.MerkleFrontier;
import nl.reintegratie.gateway.audit.TreeHasher;
import nl.reintegratie.gateway.store.DuplicateKeyException;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreUnavailableException;

/**
 * Appends entries: inserts each at the next leaf index, then has the {@link LogAdvancer} move the head over them,
 * then waits for a durable commit before answering.
 *
 * <p><b>One gap-free sequence across gateways, without transactions.</b> An entry is inserted with
 * {@code _id = head.size} (plus its place in the batch); the unique {@code _id} lets exactly one writer have each
 * index. A writer that loses an index to another gateway rolls that gateway's entries into the tree (they are
 * complete documents, see {@link LogAdvancer}) and tries again on the new head. Nothing is ever written at an
 * index other than the next one after entries that exist, so no gap can arise.
 *
 * <p><b>Batches.</b> Appends on one gateway go through one queue: while a batch is being written, new appends
 * wait and then go together (up to {@value #MAX_BATCH}), sharing one head read, one compare-and-set and one group
 * commit. Without the queue, concurrent appends on one gateway would all race for the same index.
 */
final class LogAppender {

  static final int MAX_BATCH = 64;
  private static final int MAX_ATTEMPTS = 50;

  private record Waiting(DisclosureEntry entry, Promise<LoggedEntry> promise, Context caller) {
  }

  /**
   * What became of a batch's entries: in the tree, or already logged by an earlier attempt of the same action, or
   * refused. Filled step by step by one batch's future chain, so only one thread touches it at a time.
   */
  private static final class Outcome {
    final Map<Waiting, LoggedEntry> logged = new HashMap<>();
    final List<Waiting> alreadyLogged = new ArrayList<>();
    final Map<Waiting, RuntimeException> refused = new HashMap<>();
  }

  /** One pass of inserts on one head: what went in, and what was not tried because another gateway took an index. */
  private record Insertion(List<LogAdvancer.Appended> appended, Map<Waiting, LoggedEntry> logged,
      List<Waiting> notTried) {
  }

  private final Store store;
  private final LogAdvancer advancer;
  private final HeadStore heads;
  private final Function<String, Future<Optional<LoggedEntry>>> findByEvent;
  private final Deque<Waiting> queue = new ArrayDeque<>(); // guarded by this
  private boolean writing; // guarded by this

  LogAppender(Store store, HeadStore heads, LogAdvancer advancer,
      Function<String, Future<Optional<LoggedEntry>>> findByEvent) {
    this.store = store;
    this.heads = heads;
    this.advancer = advancer;
    this.findByEvent = findByEvent;
  }

  Future<LoggedEntry> append(DisclosureEntry entry) {
    Waiting waiting = new Waiting(entry, Promise.promise(), Vertx.currentContext());
    boolean start;
    synchronized (this) {
      queue.add(waiting);
      start = !writing;
      writing = true;
    }
    if (start) {
      writeNextBatch();
    }
    return waiting.promise().future();
  }

  private void writeNextBatch() {
    List<Waiting> batch = new ArrayList<>();
    synchronized (this) {
      while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
        batch.add(queue.poll());
      }
      if (batch.isEmpty()) {
        writing = false;
        return;
      }
    }
    Future<Outcome> written;
    try {
      written = write(batch, new Outcome(), 1);
    } catch (RuntimeException e) {
      written = Future.failedFuture(e);
    }
    // the next batch starts once this one's head moved; this batch's commit overlaps with it (group commit)
    written.onComplete(ignored -> writeNextBatch());
    store.durably(written.compose(this::resolveAlreadyLogged)).onComplete(result -> answer(batch, result));
  }

  /** Writes {@code batch} on the current head; what another gateway's entries pushed out, again on the next one. */
  private Future<Outcome> write(List<Waiting> batch, Outcome outcome, int attempt) {
    if (attempt > MAX_ATTEMPTS) {
      return Future.failedFuture(new StoreUnavailableException("the disclosure log is too contended to append"));
    }
    return heads.read().compose(head -> insert(head, batch, outcome).compose(insertion -> {
      Future<Void> advanced = insertion.appended().isEmpty()
          ? Future.succeededFuture()
          : advancer.advance(head, insertion.appended());
      return advanced.compose(done -> {
        outcome.logged.putAll(insertion.logged());
        return insertion.notTried().isEmpty()
            ? Future.succeededFuture(outcome)
            : advancer.rollForwardAll().compose(rolled -> write(insertion.notTried(), outcome, attempt + 1));
      });
    }));
  }

  /** Inserts the entries one after the other at the head's size onwards, each with its leaf and subtree hashes. */
  private Future<Insertion> insert(LogHead head, List<Waiting> batch, Outcome outcome) {
    Insertion insertion = new Insertion(new ArrayList<>(), new HashMap<>(), new ArrayList<>());
    return insertFrom(batch, 0, head.frontier(new TreeHasher()), insertion, outcome);
  }

  private Future<Insertion> insertFrom(List<Waiting> batch, int next, MerkleFrontier frontier, Insertion insertion,
      Outcome outcome) {
    if (next == batch.size()) {
      return Future.succeededFuture(insertion);
    }
    Waiting waiting = batch.get(next);
    LoggedEntry logged = new LoggedEntry(frontier.size(), waiting.entry());
    TreeHasher hasher = new TreeHasher();
    byte[] leaf = new EntryEncoding().leafHash(logged.fields(), hasher);
    MerkleFrontier extended = frontier.copy();
    byte[][] nodes = extended.append(leaf);
    JsonObject document = EntryCodec.toDocument(logged, leaf, nodes);
    return store.read(mongo -> mongo.insert(ENTRIES, document)).transform(inserted -> {
      if (inserted.succeeded()) {
        insertion.appended().add(new LogAdvancer.Appended(logged.index(), waiting.entry().clientId(), leaf));
        insertion.logged().put(waiting, logged);
        return insertFrom(batch, next + 1, extended, insertion, outcome);
      }
      if (inserted.cause() instanceof DuplicateKeyException duplicate) {
        if (AuditCollections.EVENT_INDEX.equals(duplicate.index())) {
          outcome.alreadyLogged.add(waiting); // nothing was written: this index stays for the next entry
          return insertFrom(batch, next + 1, frontier, insertion, outcome);
        }
        insertion.notTried().addAll(batch.subList(next, batch.size()));
        return Future.succeededFuture(insertion);
      }
      return Future.failedFuture(inserted.cause());
    });
  }

  /**
   * Entries whose event id was taken: answered with the entry already logged for it (once the head covers it) when
   * it records the same action, refused otherwise.
   */
  private Future<Outcome> resolveAlreadyLogged(Outcome outcome) {
    if (outcome.alreadyLogged.isEmpty()) {
      return Future.succeededFuture(outcome);
    }
    Future<Void> chain = advancer.rollForwardAll().mapEmpty();
    for (Waiting waiting : outcome.alreadyLogged) {
      chain = chain.compose(done -> findByEvent.apply(waiting.entry().eventId()).map(existing -> {
        LoggedEntry earlier = existing.orElseThrow(() ->
            new LogIntegrityException("an event id is taken but no entry has it"));
        if (earlier.entry().sameActionAs(waiting.entry())) {
          outcome.logged.put(waiting, earlier);
        } else {
          outcome.refused.put(waiting, new EventIdConflictException(earlier.index()));
        }
        return null;
      }));
    }
    return chain.map(outcome);
  }

  /** Completes each caller's future on the caller's own context. */
  private static void answer(List<Waiting> batch, AsyncResult<Outcome> result) {
    for (Waiting waiting : batch) {
      Runnable complete = () -> {
        if (result.failed()) {
          waiting.promise().fail(result.cause());
        } else if (result.result().logged.containsKey(waiting)) {
          waiting.promise().complete(result.result().logged.get(waiting));
        } else {
          waiting.promise().fail(result.result().refused.getOrDefault(waiting,
              new IllegalStateException("an entry was neither logged nor refused")));
        }
      };
      if (waiting.caller() != null) {
        waiting.caller().runOnContext(v -> complete.run());
      } else {
        complete.run();
      }
    }
  }
}
