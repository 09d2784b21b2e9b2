package nl.reintegratie.gateway.audit.mongo;

import static nl.reintegratie.gateway.audit.mongo.AuditCollections.CHECKPOINTS;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.CLIENT_ENTRIES;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.ENTRIES;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.HEAD;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.HEAD_ID;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import nl.reintegratie.gateway.audit.CheckpointVerifier;
import nl.reintegratie.gateway.audit.ClientLists;
import nl.reintegratie.gateway.audit.LogIntegrityException;
import nl.reintegratie.gateway.audit.LogVerifier;
import nl.reintegratie.gateway.audit.StoredCheckpoint;
import nl.reintegratie.gateway.audit.StoredHead;
import nl.reintegratie.gateway.audit.VerificationProblem;
import nl.reintegratie.gateway.audit.VerificationResult;
import nl.reintegratie.gateway.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full verification of a stored log ({@link LogVerifier}), read-only: archived checkpoints first, then the head,
 * then the client lists, then (reading in {@link ScanMode#PAGES}) a count of the entry collection, then every entry
 * in {@code _id} order ({@link CursorScan} or {@link PagedScan}), hashed on a worker thread. In that order, an append racing with the run cannot produce a false alarm: a
 * checkpoint is archived before the head passes it, an entry is listed before the head passes it, entries appended
 * after the head was read are checked but reported as not yet covered, and appends only add to what the scan reads
 * after the count. Pages only ask for the {@code _id}s 0, 1, 2, ...: so when the collection held more documents than
 * the scan then met, some document is outside that sequence (an {@code _id} that is no leaf index, or far beyond
 * the end), and it is looked up and reported. A cursor meets every document in sort order by itself. (Appends during the run can hide such a document from that run, never invent one; on
 * MongoDB the {@code count} command reads collection metadata, which can be off after an unclean shutdown until
 * {@code validate} runs.)
 *
 * <p>A run whose reading fails is repeated, up to {@value #ATTEMPTS} times in all, {@value #PAUSE_SECONDS} s apart:
 * the embedded store can fail a long read ("Chunk ... not found") while H2 rewrites its file after heavy writes, and
 * verification only reads, so a repeat is harmless. A store that stays down fails the verification.
 *
 * <p>A problem is reported only when a second run finds it again (the same kind at the same index); otherwise the
 * second run's result stands. The embedded server can hand out a document half-way through an in-place update (see
 * {@link HeadStore}): the head and the client lists are updated while appends go on, and such a torn read must not
 * look like tampering. Tampering stays where it is and is found twice; the second run costs time only then.
 */
public final class MongoLogVerification {

  private static final Logger log = LoggerFactory.getLogger(MongoLogVerification.class);
  private static final int ATTEMPTS = 3;
  private static final long PAUSE_SECONDS = 2;

  private final Vertx vertx;
  private final Store store;
  private final CheckpointVerifier keys;
  private final ScanMode mode;

  public MongoLogVerification(Vertx vertx, Store store, CheckpointVerifier keys, ScanMode mode) {
    this.vertx = vertx;
    this.store = store;
    this.keys = keys;
    this.mode = mode;
  }

  /** Verifies the whole log; a problem found is the result, only an unreadable store is a failure. */
  public Future<VerificationResult> run() {
    return attempt(1).compose(first -> first.ok()
        ? Future.succeededFuture(first)
        : attempt(1).map(second -> {
          if (second.problem().equals(first.problem())) {
            return first;
          }
          log.warn("event=log-verification-problem-not-confirmed kind={} index={}",
              first.problem().get().kind().code(), first.problem().get().index());
          return second;
        }));
  }

  private Future<VerificationResult> attempt(int number) {
    return once().recover(failure -> {
      if (number >= ATTEMPTS) {
        return Future.failedFuture(failure);
      }
      log.warn("event=log-verification-read-failed attempt={} cause={}", number, failure.getClass().getSimpleName());
      return vertx.timer(PAUSE_SECONDS, TimeUnit.SECONDS).compose(paused -> attempt(number + 1));
    });
  }

  private Future<VerificationResult> once() {
    return archivedCheckpoints().compose(archived -> store.read(mongo ->
            mongo.findOne(HEAD, new JsonObject().put("_id", HEAD_ID), null))
        .compose(headDocument -> {
          Optional<StoredHead> head;
          try {
            head = Optional.ofNullable(headDocument).map(HeadCodec::head);
          } catch (LogIntegrityException e) {
            return Future.succeededFuture(malformedHead(headDocument));
          }
          long headSize = head.map(StoredHead::size).orElse(0L);
          return clientLists().compose(lists -> {
            LogVerifier verifier = new LogVerifier(head, archived, lists, keys);
            return mode == ScanMode.CURSOR
                ? CursorScan.run(vertx, store, ENTRIES, feed(verifier)).map(read -> verifier.finish())
                : count().compose(counted -> paged(verifier, headSize, counted));
          });
        }));
  }

  private Future<VerificationResult> paged(LogVerifier verifier, long headSize, long counted) {
    return PagedScan.run(vertx, store, ENTRIES, headSize, feed(verifier))
        .compose(scanned -> verifier.problemFound() || counted <= scanned
            ? Future.succeededFuture(verifier.finish())
            : reportOutsideTheSequence(verifier, counted - scanned).map(reported -> verifier.finish()));
  }

  /** Feeds a batch of documents, in order, to the verifier; false once it found a problem. Runs on a worker. */
  private static Predicate<List<JsonObject>> feed(LogVerifier verifier) {
    return batch -> {
      for (JsonObject document : batch) {
        if (!verifier.accept(EntryCodec.stored(document))) {
          return false;
        }
      }
      return true;
    };
  }

  /** One command on either kind of server (the embedded one answers from its map's size, MongoDB from metadata). */
  private Future<Long> count() {
    return store.read(mongo -> mongo.runCommand("count", new JsonObject().put("count", ENTRIES)))
        .map(counted -> ((Number) counted.getValue("n")).longValue());
  }

  /**
   * Names the first document whose {@code _id} is not a whole number or is negative, where it would sort; else
   * reports the surplus at the end of the sequence (documents far beyond it, past a gap the pages did not reach).
   */
  private Future<Void> reportOutsideTheSequence(LogVerifier verifier, long surplus) {
    JsonObject notAnIndex = new JsonObject().put("$or", new JsonArray()
        .add(new JsonObject().put("_id", new JsonObject().put("$not",
            new JsonObject().put("$type", new JsonArray().add("int").add("long")))))
        .add(new JsonObject().put("_id", new JsonObject().put("$lt", 0L))));
    return store.read(mongo -> mongo.findWithOptions(ENTRIES, notAnIndex, new FindOptions()
            .setFields(new JsonObject().put("_id", 1)).setSort(new JsonObject().put("_id", 1)).setLimit(1)))
        .map(found -> {
          long end = verifier.entriesSeen();
          if (found.isEmpty()) {
            verifier.unexpectedDocument(end, surplus + " more in the collection than entries 0 to " + (end - 1));
          } else {
            Object id = found.get(0).getValue("_id");
            verifier.unexpectedDocument(placeOf(id, end), EntryCodec.describe(id));
          }
          return null;
        });
  }

  /** Where a document with this {@code _id} would sort among the entries: before the next whole index. */
  private static long placeOf(Object id, long end) {
    if (id instanceof Number number && number.doubleValue() >= 0 && number.doubleValue() < end) {
      return (long) Math.ceil(number.doubleValue());
    }
    return end;
  }

  private Future<List<StoredCheckpoint>> archivedCheckpoints() {
    return store.read(mongo -> mongo.find(CHECKPOINTS, new JsonObject())).map(documents -> {
      List<StoredCheckpoint> checkpoints = new ArrayList<>(documents.size());
      for (JsonObject document : documents) {
        Object size = document.getValue("_id");
        Object note = document.getValue(HeadCodec.CHECKPOINT);
        // a checkpoint under an _id that is no size, or without a note, is reported at size 0 / unreadable
        checkpoints.add(new StoredCheckpoint(size instanceof Long || size instanceof Integer
            ? ((Number) size).longValue() : 0, note instanceof String ? (String) note : ""));
      }
      return checkpoints;
    });
  }

  /** The client lists: a few thousand documents, converted on a worker (a million indexes in all). */
  private Future<ClientLists> clientLists() {
    return store.read(mongo -> mongo.find(CLIENT_ENTRIES, new JsonObject()))
        .compose(documents -> vertx.executeBlocking(() -> {
          Map<String, long[]> lists = new HashMap<>(documents.size() * 2);
          for (JsonObject document : documents) {
            JsonArray entries = document.getJsonArray("entries", new JsonArray());
            long[] indexes = new long[entries.size()];
            for (int i = 0; i < indexes.length; i++) {
              indexes[i] = entries.getValue(i) instanceof Number number ? number.longValue() : -1;
            }
            lists.put(String.valueOf(document.getValue("_id")), indexes);
          }
          return ClientLists.of(lists);
        }));
  }

  private static VerificationResult malformedHead(JsonObject document) {
    Object size = document.getValue(HeadCodec.SIZE);
    long index = size instanceof Number number ? number.longValue() : 0;
    return new VerificationResult(0, Optional.empty(), 0, Optional.of(new VerificationProblem(
        VerificationProblem.Kind.HEAD_INVALID, index, "the head document is malformed")));
  }
}
