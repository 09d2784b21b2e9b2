package nl.reintegratie.gateway.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import nl.reintegratie.gateway.store.embedded.EmbeddedMongoServer;
import nl.reintegratie.gateway.store.embedded.GroupCommitDurability;
import nl.reintegratie.gateway.store.mongo.MongoClientConfig;
import nl.reintegratie.gateway.store.mongo.MongoStore;
import nl.reintegratie.gateway.store.mongo.WriteConcernDurability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the {@link Store} selected by {@link StoreSettings}. */
public final class Stores {

  /** How long {@link Store#ping()} waits for an answer before it reports the store unavailable. */
  public static final Duration PING_DEADLINE = Duration.ofSeconds(2);

  /** How long {@link #open} waits for the first ping; the driver may still be discovering the replica set. */
  public static final Duration OPEN_DEADLINE = MongoClientConfig.SERVER_SELECTION_TIMEOUT.plusSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(Stores.class);

  private Stores() {
  }

  /**
   * Opens the store: without {@code mongoUri} starts the embedded server on its data folder (blocking work runs on
   * a worker thread), with one connects to that MongoDB using write concern {@code majority} + journal.
   *
   * <p>Success: the store answered a ping. Failure: {@link StoreUnavailableException} when the embedded file or
   * port cannot be opened or the server does not answer within {@link #OPEN_DEADLINE}, {@link StoreException} for
   * an invalid {@code mongoUri}; anything started is released again.
   */
  public static Future<Store> open(Vertx vertx, StoreSettings settings) {
    return settings.isEmbedded() ? openEmbedded(vertx, settings) : openExternal(vertx, settings);
  }

  private static Future<Store> openEmbedded(Vertx vertx, StoreSettings settings) {
    return vertx.executeBlocking(() -> startEmbedded(vertx, settings))
        .compose(Stores::verifyReachable);
  }

  /** Blocking: opens the H2 file, binds the port, starts the commit thread and the client. */
  private static MongoStore startEmbedded(Vertx vertx, StoreSettings settings) {
    EmbeddedMongoServer server = EmbeddedMongoServer.start(settings.embeddedFile(), settings.embeddedPort());
    GroupCommitDurability durability =
        new GroupCommitDurability(vertx, server::commitToDisk, "store-group-commit-" + server.port());
    try {
      MongoClient client =
          MongoClient.create(vertx, MongoClientConfig.embedded(server.connectionString(), settings.database()));
      return new MongoStore(client, durability, server::isFileOpen,
          () -> vertx.executeBlocking(() -> stopEmbedded(durability, server)));
    } catch (RuntimeException e) {
      stopEmbedded(durability, server);
      throw e;
    }
  }

  private static Void stopEmbedded(GroupCommitDurability durability, EmbeddedMongoServer server) {
    // first the final group commit, while the H2 file is still open; then stop the server and close the file
    durability.close();
    server.stop();
    return null;
  }

  private static Future<Store> openExternal(Vertx vertx, StoreSettings settings) {
    String uri = settings.mongoUri().orElseThrow();
    // on a worker: parsing a mongodb+srv:// URI looks up DNS records
    return vertx.executeBlocking(() -> MongoClient.create(vertx, MongoClientConfig.external(uri, settings.database())))
        // no cause and no URI in the message: the URI may carry a password
        .recover(failure -> Future.failedFuture(
            new StoreException("invalid mongoUri: " + failure.getClass().getSimpleName())))
        .map(client -> new MongoStore(client, new WriteConcernDurability(), () -> true, Future::succeededFuture))
        .compose(Stores::verifyReachable)
        .onSuccess(store -> log.info("store: external MongoDB, database '{}', write concern majority with journal",
            settings.database()));
  }

  private static Future<Store> verifyReachable(MongoStore store) {
    return store.ping(OPEN_DEADLINE)
        .<Store>map(store)
        .recover(failure -> store.close().transform(ignored -> Future.failedFuture(failure)));
  }
}
