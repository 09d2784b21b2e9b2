package nl.reintegratie.gateway.audit.mongo;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import nl.reintegratie.gateway.store.Store;

/**
 * Reads the entries in {@code _id} order, {@value #PAGE} at a time: each page one query for the {@code _id}s
 * {@code [k, k + PAGE)} by {@code $in}, the only multi-document lookup the embedded server answers from its
 * index, sorted on arrival, handed to the consumer on a worker thread, one page after the other. While the worker
 * hashes a page, the next {@value #PREFETCH} are being read.
 *
 * <p><b>Why pages, not one cursor.</b> The embedded server (mongo-java-server on H2) answers a query by collecting
 * every matching document first: one query over a million entries holds them all in the heap (about 4 GB), and
 * H2's background writer may meanwhile rewrite the chunks that query still reads ("Chunk ... not found": a bare
 * scan of a million entries failed that way twice in two tries). Short queries hold nothing for long. On MongoDB
 * the pages are index lookups. Documents outside the pages (an {@code _id} that is no index, or beyond a gap) are
 * not read here; the verifier counts the collection for them ({@link MongoLogVerification}).
 *
 * <p>The page size balances round trips against the embedded server matching each document against the whole
 * {@code $in} list (quadratic in the page size).
 */
final class PagedScan {

  static final int PAGE = 200;
  private static final int PREFETCH = 3;

  private final Context context;
  private final Store store;
  private final String collection;
  private final long knownSize;
  private final Predicate<List<JsonObject>> consumer;
  private final Deque<Future<List<JsonObject>>> reading = new ArrayDeque<>();
  private final Promise<Long> done = Promise.promise();
  private long nextPage;
  private long pagesHandedOver;
  private long documents;

  private PagedScan(Context context, Store store, String collection, long knownSize,
      Predicate<List<JsonObject>> consumer) {
    this.context = context;
    this.store = store;
    this.collection = collection;
    this.knownSize = knownSize;
    this.consumer = consumer;
  }

  /**
   * Hands every document with {@code _id} 0, 1, 2, ... to {@code consumer} (on a worker, page by page, in order)
   * until {@code knownSize} is passed and a page comes back short; the consumer returns false to stop early.
   * Succeeds with the number of documents read; fails with the store's failure, translated, or the consumer's
   * exception.
   */
  static Future<Long> run(Vertx vertx, Store store, String collection, long knownSize,
      Predicate<List<JsonObject>> consumer) {
    Context context = vertx.getOrCreateContext();
    PagedScan scan = new PagedScan(context, store, collection, knownSize, consumer);
    context.runOnContext(v -> {
      scan.readAhead();
      scan.next();
    });
    return scan.done.future();
  }

  private void readAhead() {
    while (reading.size() < PREFETCH) {
      reading.add(read(nextPage++));
    }
  }

  private Future<List<JsonObject>> read(long page) {
    JsonArray ids = new JsonArray(new ArrayList<>(PAGE));
    for (long id = page * PAGE; id < (page + 1) * PAGE; id++) {
      ids.add(id);
    }
    return store.read(mongo -> mongo.find(collection, new JsonObject().put("_id", new JsonObject().put("$in", ids))));
  }

  private void next() {
    long page = pagesHandedOver++;
    reading.poll().compose(found -> {
      List<JsonObject> sorted = new ArrayList<>(found);
      sorted.sort(Comparator.comparingLong(document -> ((Number) document.getValue("_id")).longValue()));
      documents += sorted.size();
      boolean last = (page + 1) * PAGE >= knownSize && sorted.size() < PAGE;
      return context.executeBlocking(() -> consumer.test(sorted), true).map(goOn -> goOn && !last);
    }).onComplete(more -> {
      if (more.failed()) {
        done.tryFail(more.cause());
      } else if (more.result()) {
        readAhead();
        next();
      } else {
        done.tryComplete(documents);
      }
    });
  }
}
