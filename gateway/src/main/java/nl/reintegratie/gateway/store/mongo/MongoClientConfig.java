package nl.reintegratie.gateway.store.mongo;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The vertx-mongo-client configuration for both kinds of server. Only documented vertx-mongo-client keys are
 * used; they override the same options in the connection string.
 */
public final class MongoClientConfig {

  /**
   * How long an operation waits for a usable server before it fails (and the HTTP layer answers 503). The driver's
   * default is 30 s, far too long for a request.
   */
  public static final Duration SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(3);

  /** How long opening a TCP connection may take. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private MongoClientConfig() {
  }

  /** For the embedded server: acknowledged writes ({@code w=1}); durability comes from the group commit. */
  public static JsonObject embedded(String connectionString, String database) {
    return common(connectionString, database);
  }

  /**
   * For an external MongoDB: every write is acknowledged only once it is journaled on a majority of the replica
   * set ({@code w=majority, j=true}), whatever the connection string says, so an acknowledged write survives the
   * loss of the primary and a crash.
   */
  public static JsonObject external(String connectionString, String database) {
    return common(connectionString, database)
        .put("w", "majority")
        .put("j", true);
  }

  private static JsonObject common(String connectionString, String database) {
    return new JsonObject()
        .put("connection_string", connectionString)
        .put("db_name", database)
        .put("serverSelectionTimeoutMS", SERVER_SELECTION_TIMEOUT.toMillis())
        .put("connectTimeoutMS", (int) CONNECT_TIMEOUT.toMillis());
  }
}
