package nl.reintegratie.gateway.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import nl.reintegratie.gateway.store.Durability;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreUnavailableException;
import nl.reintegratie.gateway.store.Stores;

/**
 * The {@link Store} over a vertx-mongo-client, the same code for the embedded server and an external MongoDB;
 * they differ only in the {@link Durability}, the extra health check and what closing releases.
 */
public final class MongoStore implements Store {

  private final MongoClient mongo;
  private final Durability durability;
  private final BooleanSupplier serverHealthy;
  private final Supplier<Future<Void>> releaseServer;
  private Future<Void> closed; // guarded by this

  /**
   * @param serverHealthy  a cheap, non-blocking check of server-side resources (embedded: the H2 file is open)
   * @param releaseServer  called once the client is closed, e.g. to stop the embedded server
   */
  public MongoStore(MongoClient mongo, Durability durability, BooleanSupplier serverHealthy,
      Supplier<Future<Void>> releaseServer) {
    this.mongo = mongo;
    this.durability = durability;
    this.serverHealthy = serverHealthy;
    this.releaseServer = releaseServer;
  }

  @Override
  public MongoClient mongo() {
    return mongo;
  }

  @Override
  public Durability durability() {
    return durability;
  }

  @Override
  public Future<Void> ping() {
    return ping(Stores.PING_DEADLINE);
  }

  /** {@link #ping()} with another deadline; used while opening, when the driver is still discovering servers. */
  public Future<Void> ping(Duration deadline) {
    if (isClosed()) {
      return Future.failedFuture(new StoreUnavailableException("the store is closed"));
    }
    if (!serverHealthy.getAsBoolean()) {
      return Future.failedFuture(new StoreUnavailableException("the embedded store file is closed"));
    }
    return mongo.runCommand("ping", new JsonObject().put("ping", 1))
        .<Void>mapEmpty()
        .timeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(
            new StoreUnavailableException("the store did not answer a ping (deadline " + deadline.toMillis() + " ms)",
                failure)));
  }

  private synchronized boolean isClosed() {
    return closed != null;
  }

  @Override
  public synchronized Future<Void> close() {
    if (closed == null) {
      closed = mongo.close()
          .transform(ignored -> releaseServer.get());
    }
    return closed;
  }
}
