package nl.reintegratie.gateway.store;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import java.util.function.Function;

/**
 * The gateway's document store: a MongoDB reached through the real driver, either the embedded
 * MongoDB-wire-protocol server or an external MongoDB (see {@link StoreSettings}). Obtain one with
 * {@link Stores#open}.
 *
 * <p>Repositories use {@link #durably(Function)} for writes and {@link #read(Function)} for reads; both hand them
 * the {@link MongoClient} and translate failures ({@link StoreErrors}). Only features that both kinds of server
 * support may be used: no transactions or sessions, no change streams, no TTL indexes. Hot queries must be
 * single-field lookups (see {@link Indexes}).
 */
public interface Store {

  /**
   * The Vert.x MongoDB client, bound to the configured database. Writes through it are acknowledged but not
   * necessarily durable, its failures are the driver's, and after {@link #close()} its methods throw instead of
   * failing their future; prefer {@link #durably(Function)} and {@link #read(Function)}.
   */
  MongoClient mongo();

  /** How acknowledged writes are made durable on this store. */
  Durability durability();

  /**
   * Runs {@code write} against the client, then waits for a {@link Durability#commit()}.
   *
   * <p>Success: {@code write}'s result, and what it wrote (with everything acknowledged before) is on disk; only
   * now may the request be answered with a 2xx. Failure: {@link DuplicateKeyException} (a unique index refused the
   * write, nothing written), {@link StoreUnavailableException} (store down, closed, too slow, or the commit failed;
   * the write may or may not survive a crash) or {@link StoreException}. Never throws.
   */
  default <T> Future<T> durably(Function<MongoClient, Future<T>> write) {
    return durability().durably(invoke(write));
  }

  /**
   * Waits for an already started {@code write}, then for a {@link Durability#commit()}; same outcomes as
   * {@link #durably(Function)}.
   */
  default <T> Future<T> durably(Future<T> write) {
    return durability().durably(write);
  }

  /**
   * Runs {@code query} against the client. Success: its result. Failure: its failure translated by
   * {@link StoreErrors} ({@link StoreUnavailableException} when the store is down or closed). Never throws.
   */
  default <T> Future<T> read(Function<MongoClient, Future<T>> query) {
    return StoreErrors.translated(invoke(query));
  }

  /**
   * Readiness check: asks the server for a {@code ping}.
   *
   * <p>Success: the server answered within {@link Stores#PING_DEADLINE} (and, for the embedded server, its data
   * file is still open). Failure: a {@link StoreUnavailableException}, at the latest after the deadline.
   */
  Future<Void> ping();

  /**
   * Closes the client and, for the embedded store, commits everything acknowledged so far, closes the H2 file and
   * stops the server. Succeeds once that is done; idempotent. Afterwards {@link #durably}, {@link #read} and
   * {@link #ping()} fail with a {@link StoreUnavailableException}.
   */
  Future<Void> close();

  private <T> Future<T> invoke(Function<MongoClient, Future<T>> operation) {
    try {
      return operation.apply(mongo());
    } catch (RuntimeException e) {
      // the driver throws instead of failing the future, e.g. once the client is closed
      return StoreErrors.failed(e);
    }
  }
}
