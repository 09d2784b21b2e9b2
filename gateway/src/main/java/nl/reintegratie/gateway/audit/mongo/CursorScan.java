package nl.reintegratie.gateway.audit.mongo;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.FindOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreErrors;

/**
 * Reads a whole collection with one query sorted by {@code _id}, streamed, and hands it to a consumer in batches of
 * {@value #BATCH} documents on a worker thread, one batch after the other. The event loop only collects documents;
 * the work on them (hashing, for the verifier) runs on the worker while the next batches arrive. At most
 * {@value #MAX_IN_FLIGHT} batches wait: then reading pauses.
 *
 * <p>On MongoDB the sort walks the {@code _id} index and the cursor streams in constant memory: the way to read a
 * large log there. The embedded server collects the whole result in the heap before sending any of it, and H2 may
 * meanwhile rewrite chunks the query still reads; there {@link PagedScan} is used (see {@link ScanMode}).
 */
final class CursorScan {

  static final int BATCH = 1000;
  private static final int MAX_IN_FLIGHT = 4;

  private final Context context;
  private final Store store;
  private final String collection;
  private final Predicate<List<JsonObject>> consumer;
  private final Promise<Long> done = Promise.promise();
  private ReadStream<JsonObject> stream;
  private List<JsonObject> batch = new ArrayList<>(BATCH);
  private long documents;
  private int inFlight;
  private boolean paused;
  private boolean ended;
  private volatile boolean stopped;

  private CursorScan(Context context, Store store, String collection, Predicate<List<JsonObject>> consumer) {
    this.context = context;
    this.store = store;
    this.collection = collection;
    this.consumer = consumer;
  }

  /**
   * Streams every document of {@code collection} in {@code _id} order to {@code consumer}, which runs on a worker,
   * one batch at a time, in order, and returns false to stop. Succeeds with the number of documents read; fails
   * with the store's failure, translated, or the consumer's exception.
   */
  static Future<Long> run(Vertx vertx, Store store, String collection, Predicate<List<JsonObject>> consumer) {
    Context context = vertx.getOrCreateContext();
    CursorScan scan = new CursorScan(context, store, collection, consumer);
    context.runOnContext(v -> scan.start());
    return scan.done.future();
  }

  private void start() {
    try {
      stream = store.mongo().findBatchWithOptions(collection, new JsonObject(),
          new FindOptions().setSort(new JsonObject().put("_id", 1)).setBatchSize(BATCH));
    } catch (RuntimeException e) { // the driver throws once the client is closed
      done.tryFail(StoreErrors.translate(e));
      return;
    }
    stream.exceptionHandler(failure -> {
      stop();
      done.tryFail(StoreErrors.translate(failure));
    });
    stream.endHandler(v -> {
      ended = true;
      flush();
      finishIfDone();
    });
    stream.handler(document -> {
      batch.add(document);
      if (batch.size() == BATCH) {
        flush();
      }
    });
  }

  private void flush() {
    if (batch.isEmpty() || stopped) {
      return;
    }
    List<JsonObject> full = batch;
    batch = new ArrayList<>(BATCH);
    documents += full.size();
    inFlight++;
    if (inFlight >= MAX_IN_FLIGHT && !paused) {
      paused = true;
      stream.pause();
    }
    context.executeBlocking(() -> !stopped && consumer.test(full), true).onComplete(consumed -> {
      inFlight--;
      if (consumed.failed()) {
        stop();
        done.tryFail(consumed.cause());
      } else if (!consumed.result()) {
        stop();
      } else if (paused && inFlight < MAX_IN_FLIGHT) {
        paused = false;
        stream.resume();
      }
      finishIfDone();
    });
  }

  private void stop() {
    if (!stopped) {
      stopped = true;
      stream.handler(null); // cancels the cursor; no end handler follows
    }
  }

  private void finishIfDone() {
    if ((ended || stopped) && inFlight == 0) {
      done.tryComplete(documents);
    }
  }
}
