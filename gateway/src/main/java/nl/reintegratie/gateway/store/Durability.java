package nl.reintegratie.gateway.store;

import io.vertx.core.Future;

/**
 * Makes acknowledged writes durable. A request may only be answered with a 2xx after what it wrote is durable,
 * so repositories wrap their writes in {@link Store#durably(java.util.function.Function)} (or
 * {@link #durably(Future)}).
 *
 * <p>Embedded store: a group commit of the H2 MVStore (one dedicated thread; concurrent callers share commits).
 * External MongoDB: writes are acknowledged with write concern {@code majority} and {@code journal=true}, so
 * {@link #commit()} has nothing left to do.
 */
public interface Durability {

  /**
   * Success: every write acknowledged before this call is on disk (embedded: written and fsync'ed to the H2 file;
   * external: journaled on a majority). Completes on the caller's Vert.x context, never on a commit thread.
   * Failure: a {@link StoreUnavailableException} when the commit could not be done (store closed, disk error);
   * nothing is known about the durability of those writes then.
   */
  Future<Void> commit();

  /**
   * Waits for {@code write}, then for {@link #commit()}, and yields {@code write}'s result.
   *
   * <p>Failure: {@code write}'s failure translated by {@link StoreErrors}, or the commit's failure.
   */
  default <T> Future<T> durably(Future<T> write) {
    return write
        .recover(StoreErrors::failed)
        .compose(result -> commit().map(result));
  }
}
