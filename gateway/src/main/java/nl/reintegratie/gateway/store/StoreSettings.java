package nl.reintegratie.gateway.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the gateway keeps its documents.
 *
 * <p>Without a {@code mongoUri} the gateway starts its own MongoDB-wire-protocol server (mongo-java-server with
 * the H2 MVStore backend) on 127.0.0.1 and keeps its data in {@link #embeddedFile()}. With a {@code mongoUri} it
 * connects to that MongoDB instead (a replica set in production) and starts nothing.
 *
 * @param mongoUri     connection string of an external MongoDB; empty selects the embedded server
 * @param database     database name, used on either kind of server
 * @param embeddedDir  folder for the embedded server's data file; may be {@code null} only with a {@code mongoUri}
 * @param embeddedPort port the embedded server binds on 127.0.0.1; {@code 0} picks a free port
 */
public record StoreSettings(Optional<String> mongoUri, String database, Path embeddedDir, int embeddedPort) {

  /** Name of the embedded server's H2 MVStore file inside {@link #embeddedDir()}. */
  public static final String EMBEDDED_FILE_NAME = "store.mv.db";

  public StoreSettings {
    Objects.requireNonNull(mongoUri, "mongoUri (use Optional.empty() for the embedded store)");
    if (database == null || database.isBlank()) {
      throw new IllegalArgumentException("database must not be blank");
    }
    if (mongoUri.isPresent() && mongoUri.get().isBlank()) {
      throw new IllegalArgumentException("mongoUri must not be blank when present");
    }
    if (mongoUri.isEmpty() && embeddedDir == null) {
      throw new IllegalArgumentException("embeddedDir is required when no mongoUri is set");
    }
    if (embeddedPort < 0 || embeddedPort > 65_535) {
      throw new IllegalArgumentException("embeddedPort must be within 0..65535, was " + embeddedPort);
    }
  }

  /** Settings for the embedded server with its data in {@code dir}, on a free port. */
  public static StoreSettings embedded(Path dir, String database) {
    return new StoreSettings(Optional.empty(), database, dir, 0);
  }

  /** Settings for an external MongoDB reached through {@code mongoUri}. */
  public static StoreSettings external(String mongoUri, String database) {
    return new StoreSettings(Optional.of(mongoUri), database, null, 0);
  }

  /** Whether these settings select the embedded server. */
  public boolean isEmbedded() {
    return mongoUri.isEmpty();
  }

  /** The embedded server's data file; only meaningful when {@link #isEmbedded()}. */
  public Path embeddedFile() {
    return embeddedDir.resolve(EMBEDDED_FILE_NAME);
  }
}
