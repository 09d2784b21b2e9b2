package nl.reintegratie.gateway.signature.mongo;

import static nl.reintegratie.gateway.signature.mongo.SignatureCollections.NONCES;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import nl.reintegratie.gateway.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.reintegratie.gateway.store.BsonJson;

/**
 * Deletes nonce ledger entries whose {@code expiresAt} lies more than {@code margin} in the past. The gateway
 * purges itself because the embedded store has no TTL indexes (on MongoDB a TTL index on {@code expiresAt} may be
 * added as well; this job then finds little to do). Forgetting a nonce after its expiry is safe: the verifier
 * refuses a signature whose {@code created} is that old before it asks the ledger. The margin covers clock
 * differences between gateway instances.
 *
 * <p>Off the request path: {@code expiresAt} has no index the embedded store uses, so each batch is a scan.
 */
public final class NoncePurge {

  private static final Logger LOG = LoggerFactory.getLogger(NoncePurge.class);
  static final int BATCH = 500;

  private final Store store;
  private final Clock clock;
  private final Duration margin;
  private Vertx vertx;
  private long timerId = -1;
  private boolean running;

  public NoncePurge(Store store, Clock clock, Duration margin) {
    this.store = Objects.requireNonNull(store);
    this.clock = Objects.requireNonNull(clock);
    this.margin = Objects.requireNonNull(margin);
  }

  /**
   * One purge: deletes, in batches of {@value #BATCH}, every entry with {@code expiresAt < now - margin}. Success:
   * how many were deleted. Failure: the store's failure; entries deleted before it stay deleted.
   */
  public Future<Long> run() {
    Instant before = clock.instant().minus(margin);
    return batch(before, 0);
  }

  /** Runs {@link #run} every {@code every}; a run still under way is not overlapped. */
  public synchronized void start(Vertx vertx, Duration every) {
    stop();
    this.vertx = vertx;
    this.timerId = vertx.setPeriodic(every.toMillis(), id -> tick());
  }

  /** Stops the timer; a run under way finishes. Idempotent. */
  public synchronized void stop() {
    if (vertx != null && timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    timerId = -1;
  }

  private synchronized void tick() {
    if (running) {
      return;
    }
    running = true;
    run().onComplete(outcome -> {
      synchronized (this) {
        running = false;
      }
      if (outcome.succeeded()) {
        LOG.debug("event=nonce-purge deleted={}", outcome.result());
      } else {
        LOG.warn("event=nonce-purge-failed failure={}", outcome.cause().getClass().getSimpleName());
      }
    });
  }

  private Future<Long> batch(Instant before, long sofar) {
    JsonObject expired = new JsonObject().put(MongoNonceLedger.EXPIRES_AT,
        new JsonObject().put("$lt", BsonJson.date(before)));
    FindOptions options = new FindOptions().setFields(new JsonObject().put("_id", 1)).setLimit(BATCH);
    return store.read(mongo -> mongo.findWithOptions(NONCES, expired, options)).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(sofar);
      }
      JsonArray ids = new JsonArray();
      found.forEach(document -> ids.add(document.getValue("_id")));
      JsonObject byIds = new JsonObject().put("_id", new JsonObject().put("$in", ids));
      return store.durably(mongo -> mongo.removeDocuments(NONCES, byIds)).compose(result -> {
        long total = sofar + result.getRemovedCount();
        return found.size() < BATCH ? Future.succeededFuture(total) : batch(before, total);
      });
    });
  }
}
