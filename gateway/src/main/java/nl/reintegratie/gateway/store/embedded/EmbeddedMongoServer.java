package nl.reintegratie.gateway.store.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.reintegratie.gateway.store.StoreUnavailableException;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-wire-protocol server: mongo-java-server with its H2 backend, persisting to one MVStore file
 * and listening on 127.0.0.1 only.
 *
 * <p>{@link #start}, {@link #commitToDisk()} and {@link #stop()} block (file and socket I/O); call them from a worker
 * or a dedicated thread, never from an event loop.
 */
public final class EmbeddedMongoServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
  private static final String LOOPBACK = "127.0.0.1";

  private final MongoServer server;
  private final MVStore mvStore;
  private final H2Backend backend;
  private final int port;
  private boolean stopped;

  private EmbeddedMongoServer(MongoServer server, MVStore mvStore, H2Backend backend, int port) {
    this.server = server;
    this.mvStore = mvStore;
    this.backend = backend;
    this.port = port;
  }

  /**
   * Opens (or creates) {@code file} and binds the server to 127.0.0.1:{@code port} (0 = a free port).
   *
   * <p>Failure: {@link StoreUnavailableException} when the folder cannot be created, the file is locked by another
   * process or corrupt, or the port is taken.
   */
  public static EmbeddedMongoServer start(Path file, int port) {
    MVStore mvStore = openMvStore(file);
    H2Backend backend;
    try {
      backend = new H2Backend(mvStore);
    } catch (RuntimeException e) {
      mvStore.closeImmediately();
      throw new StoreUnavailableException("cannot open the embedded store in " + file, e);
    }
    MongoServer server = new MongoServer(backend);
    try {
      server.bind(LOOPBACK, port);
    } catch (Exception e) { // Netty rethrows a checked BindException without declaring it
      // bind() only cleans up after RuntimeExceptions; shutting down again is harmless and closes the H2 file
      releaseAfterFailedBind(server, e);
      throw new StoreUnavailableException("cannot bind the embedded store to " + LOOPBACK + ":" + port, e);
    }
    InetSocketAddress address = server.getLocalAddress();
    log.info("embedded store listening on {}:{}, data in {}", LOOPBACK, address.getPort(), file);
    return new EmbeddedMongoServer(server, mvStore, backend, address.getPort());
  }

  private static void releaseAfterFailedBind(MongoServer server, Exception bindFailure) {
    try {
      server.shutdownNow();
    } catch (RuntimeException e) {
      bindFailure.addSuppressed(e);
    }
  }

  private static MVStore openMvStore(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      // H2's own background writer stays on (about one commit per second plus housekeeping such as chunk
      // compaction); durability does not rely on it, see commitToDisk().
      return new MVStore.Builder()
          .fileName(file.toString())
          .backgroundExceptionHandler((thread, e) -> log.error("H2 background writer failed", e))
          .open();
    } catch (IOException | RuntimeException e) {
      throw new StoreUnavailableException("cannot open the embedded store file " + file, e);
    }
  }

  /** The connection string for the real MongoDB driver. */
  public String connectionString() {
    return "mongodb://" + LOOPBACK + ":" + port;
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** Whether the H2 file is still open; H2 closes it itself after an unrecoverable write error ("panic"). */
  public boolean isFileOpen() {
    return !mvStore.isClosed();
  }

  /**
   * Makes every write this server has acknowledged so far durable. Blocks for one H2 commit plus an fsync.
   *
   * <p>Three steps, because {@link H2Backend#commit()} alone is not enough:
   * <ol>
   *   <li>{@code H2Backend.commit()} ({@code MVStore.commit()}) writes the current version synchronously.</li>
   *   <li>It returns without writing when H2's background writer has just taken those changes into an asynchronous
   *       store that may still sit in H2's serialization/write executors; {@code executeFilestoreOperation} first
   *       drains both executors, so that store is in the file too.</li>
   *   <li>{@code MVStore.sync()} forces the file to the device ({@code FileChannel.force}); without it the data
   *       would survive a killed process but not a power cut.</li>
   * </ol>
   *
   * @throws RuntimeException (an H2 {@code MVStoreException}) when the file is closed or cannot be written
   */
  public void commitToDisk() {
    backend.commit();
    mvStore.executeFilestoreOperation(mvStore::sync);
  }

  /**
   * Stops listening, closes client connections and closes the H2 file, which stores what is not yet stored.
   * Idempotent.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    // shutdown(), not shutdownNow(): the driver may still be closing its connections; Netty closes whatever is
    // left when its event loops stop, without a warning per client
    server.shutdown();
    log.info("embedded store on port {} stopped", port);
  }
}
