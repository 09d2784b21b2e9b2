package nl.reintegratie.gateway.store.mongo;

import io.vertx.core.Future;
import nl.reintegratie.gateway.store.Durability;

/**
 * Durability on an external MongoDB. The client is configured with write concern {@code majority} and
 * {@code journal=true} ({@link MongoClientConfig#external}), so a write is acknowledged only once it is durable
 * and there is nothing left to commit.
 */
public final class WriteConcernDurability implements Durability {

  /** {@inheritDoc} Always an already-succeeded future. */
  @Override
  public Future<Void> commit() {
    return Future.succeededFuture();
  }
}
