package nl.reintegratie.gateway.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real Keycloak server, started from the distribution that Maven unpacks from Maven Central
 * ({@code org.keycloak:keycloak-quarkus-dist}), in {@code start-dev} mode on 127.0.0.1.
 *
 * <p>Blocking by design: it is used from a launcher's main thread and from test setup, never from a
 * Vert.x event loop.
 *
 * <p>Where things live, and why:
 * <ul>
 *   <li>The H2 {@code dev-file} database lives in {@code dataDir/h2}, selected with
 *       {@code --db-url}. By default it would sit in {@code <dist>/data/h2}, and then
 *       {@code mvn clean} or a new dist version would silently lose every user and session.</li>
 *   <li>The realm is imported from {@code dataDir/import}. {@code --import-realm} cannot be pointed
 *       anywhere but {@code <dist>/data/import} (checked in the 26.4.5 source: the directory is
 *       hard-coded in {@code ImportRealmMixin}). What that flag really does is set the system
 *       property {@code keycloak.migration.dir}; when that property is present at startup Keycloak
 *       imports every {@code <realm>-realm.json} in the directory with strategy
 *       {@code IGNORE_EXISTING}. So we pass the property ourselves ({@code kc.sh} forwards
 *       {@code -D} arguments to the JVM) and deliberately omit {@code --import-realm}, which would
 *       override our directory whenever a {@code data/import} exists in the shared dist.</li>
 *   <li>Narayana's transaction object store is moved to {@code dataDir/transaction-logs} so that
 *       two Keycloaks from one dist do not share it.</li>
 *   <li>Everything Keycloak prints goes to {@code logFile}; nothing reaches our console.</li>
 *   <li>The one thing that is written into the dist: the very first {@code start-dev} from a freshly
 *       unpacked dist re-augments Quarkus and rewrites {@code <dist>/lib/quarkus/} (later starts
 *       reuse it). {@link DistributionLock} keeps concurrent first starts from colliding.</li>
 * </ul>
 *
 * <p>An existing realm is never re-imported: changing the realm JSON needs a fresh data dir.
 */
public final class KeycloakProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KeycloakProcess.class);

  /**
   * Measured with 26.4.5 on JDK 17: 8-12 s on an existing data dir, 16-24 s with a fresh database
   * (schema creation + realm import), 10-15 s more for the first start from a new dist.
   */
  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
  static final Duration STOP_GRACE = Duration.ofSeconds(30);
  static final String LOOPBACK = "127.0.0.1";
  static final String BOOTSTRAP_ADMIN_USERNAME = "admin";
  private static final int LOG_TAIL_LINES = 40;
  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  /**
   * What to start.
   *
   * @param home            the unpacked distribution ({@code bin/kc.sh} lives here); only read
   * @param dataDir         Keycloak's runtime state (H2 database, import dir, pid file); survives restarts
   * @param httpPort        HTTP port on 127.0.0.1
   * @param managementPort  management interface port on 127.0.0.1
   * @param realmFile       the realm JSON to import on the first start (see {@link #writeImportFile})
   * @param adminPassword   password of the bootstrap admin user {@code admin} in the master realm
   * @param logFile         where Keycloak's output is appended
   */
  public record Settings(Path home, Path dataDir, int httpPort, int managementPort, Path realmFile,
                         String adminPassword, Path logFile) {

    public Settings {
      Objects.requireNonNull(home, "home");
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(realmFile, "realmFile");
      Objects.requireNonNull(adminPassword, "adminPassword");
      Objects.requireNonNull(logFile, "logFile");
      requirePort(httpPort, "httpPort");
      requirePort(managementPort, "managementPort");
      if (httpPort == managementPort) {
        throw new IllegalArgumentException("httpPort and managementPort must differ");
      }
      if (adminPassword.isBlank()) {
        throw new IllegalArgumentException("adminPassword must not be blank");
      }
      home = home.toAbsolutePath().normalize();
      dataDir = dataDir.toAbsolutePath().normalize();
      realmFile = realmFile.toAbsolutePath().normalize();
      logFile = logFile.toAbsolutePath().normalize();
    }

    /** Never print the admin password. */
    @Override
    public String toString() {
      return "Settings[home=" + home + ", dataDir=" + dataDir + ", httpPort=" + httpPort
          + ", managementPort=" + managementPort + ", realmFile=" + realmFile + ", logFile=" + logFile + "]";
    }

    private static void requirePort(int port, String name) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(name + " out of range: " + port);
      }
    }
  }

  private final Settings settings;
  private final String realm;
  private final Process process;
  private final PidFile pidFile;
  private final Duration startupTime;
  private final AtomicBoolean closed = new AtomicBoolean();

  private KeycloakProcess(Settings settings, String realm, Process process, PidFile pidFile, Duration startupTime) {
    this.settings = settings;
    this.realm = realm;
    this.process = process;
    this.pidFile = pidFile;
    this.startupTime = startupTime;
  }

  /**
   * Starts Keycloak and blocks until the realm's OpenID discovery document answers 200.
   *
   * @throws KeycloakStartException if Keycloak dies, times out or cannot be launched; the message
   *     contains the last lines of the log
   */
  public static KeycloakProcess start(Settings s) {
    Objects.requireNonNull(s, "settings");
    Path kcScript = s.home().resolve("bin").resolve(isWindows() ? "kc.bat" : "kc.sh");
    if (!Files.isRegularFile(kcScript)) {
      throw new KeycloakStartException("No Keycloak distribution at " + s.home()
          + " (missing " + kcScript.getFileName() + "); run `mvn -DskipTests install` to unpack it");
    }
    String realm = RealmImportFile.realmName(s.realmFile());

    createDirectories(s.dataDir());
    createDirectories(s.logFile().getParent());
    PidFile pidFile = PidFile.in(s.dataDir());
    stopStaleProcess(pidFile);
    Path importDir = prepareImportDir(s.dataDir(), s.realmFile(), realm);

    DistributionLock lock = DistributionLock.acquire(s.home());
    try {
      requireFreePort(s.httpPort(), s);
      requireFreePort(s.managementPort(), s);
      long logOffset = appendMarker(s.logFile());

      Instant begin = Instant.now();
      Process process = launch(kcScript, s, importDir);
      pidFile.write(process.toHandle());
      try {
        awaitReady(process, s, issuer(s, realm), logOffset);
      } catch (RuntimeException e) {
        ProcessTree.stop(process.toHandle(), STOP_GRACE);
        pidFile.delete();
        throw e;
      }
      Duration took = Duration.between(begin, Instant.now());
      LOG.info("Keycloak started in {} ms on {} (data dir {})", took.toMillis(), baseUrl(s), s.dataDir());
      return new KeycloakProcess(s, realm, process, pidFile, took);
    } finally {
      lock.close();
    }
  }

  /**
   * Copies the keys-dev realm JSON into {@code targetDir}, rewriting the {@code portal-bff} client's
   * redirect URI, post-logout redirect URI and web origin for a gateway at {@code gatewayBaseUrl}.
   *
   * @return the written file (name {@code <realm>-realm.json})
   */
  public static Path writeImportFile(Path realmTemplate, Path targetDir, String gatewayBaseUrl) {
    return RealmImportFile.write(realmTemplate, targetDir, gatewayBaseUrl);
  }

  /** {@code http://127.0.0.1:<port>/realms/<realm>}: the {@code iss} of every token. */
  public String issuer() {
    return issuer(settings, realm);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return baseUrl(settings);
  }

  public int port() {
    return settings.httpPort();
  }

  public String realm() {
    return realm;
  }

  public Settings settings() {
    return settings;
  }

  /** Wall-clock time from launching {@code kc.sh} until the realm answered. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The launched process ({@code kc.sh}, which may later {@code exec} into the Keycloak JVM). */
  public ProcessHandle processHandle() {
    return process.toHandle();
  }

  public boolean isAlive() {
    return process.isAlive() || process.toHandle().descendants().anyMatch(ProcessHandle::isAlive);
  }

  /** Stops Keycloak and every process it started: SIGTERM, up to 30 s grace, then SIGKILL. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    boolean graceful = ProcessTree.stop(process.toHandle(), STOP_GRACE);
    if (!graceful) {
      LOG.warn("Keycloak on port {} did not stop within {} s and was killed", port(), STOP_GRACE.toSeconds());
    }
    awaitReaped();
    pidFile.delete();
  }

  /** The JDK updates {@link Process#isAlive()} slightly after the process handle reports the exit. */
  private void awaitReaped() {
    try {
      process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String baseUrl(Settings s) {
    return "http://" + LOOPBACK + ":" + s.httpPort();
  }

  private static String issuer(Settings s, String realm) {
    return baseUrl(s) + "/realms/" + realm;
  }

  private static void awaitReady(Process process, Settings s, String issuer, long logOffset) {
    URI discovery = URI.create(issuer + "/.well-known/openid-configuration");
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    HttpRequest request = HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).GET().build();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (true) {
      if (!process.isAlive()) {
        throw failure(s, "Keycloak exited with code " + process.exitValue() + " during startup", logOffset);
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure(s, "Interrupted while waiting for Keycloak", logOffset);
      }
      if (Instant.now().isAfter(deadline)) {
        throw failure(s, "Keycloak did not serve " + discovery + " within " + STARTUP_TIMEOUT.toSeconds() + " s",
            logOffset);
      }
      sleep(POLL_INTERVAL);
    }
  }

  private static KeycloakStartException failure(Settings s, String reason, long logOffset) {
    return new KeycloakStartException(reason + " (" + s.logFile() + "). Last log lines:"
        + System.lineSeparator() + LogTail.lastLines(s.logFile(), logOffset, LOG_TAIL_LINES));
  }

  private static Process launch(Path kcScript, Settings s, Path importDir) {
    Path h2Database = s.dataDir().resolve("h2").resolve("keycloakdb");
    List<String> command = new ArrayList<>(List.of(
        kcScript.toString(),
        "start-dev",
        "--http-host=" + LOOPBACK,
        "--http-port=" + s.httpPort(),
        "--http-management-port=" + s.managementPort(),
        "--hostname=http://" + LOOPBACK + ":" + s.httpPort(),
        // Same H2 flags as Keycloak's default dev-file URL, but in our data dir.
        "--db-url=jdbc:h2:file:" + h2Database + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE",
        "-Dkeycloak.migration.dir=" + importDir,
        "-Dquarkus.transaction-manager.object-store.directory=" + s.dataDir().resolve("transaction-logs")));

    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(s.dataDir().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(s.logFile().toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    configureEnvironment(builder.environment(), s);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new KeycloakStartException("Cannot launch " + kcScript, e);
    }
  }

  private static void configureEnvironment(Map<String, String> env, Settings s) {
    // A developer's shell may carry KC_DB, KC_HOSTNAME, JAVA_OPTS, ... for some other Keycloak;
    // none of that may leak into this one.
    env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_")
        || name.startsWith("QUARKUS_") || name.startsWith("JAVA_OPTS") || name.equals("DEBUG")
        || name.equals("DEBUG_PORT") || name.equals("PRINT_ENV"));
    // Run Keycloak on the JDK we run on, not on whatever `java` is first on the PATH.
    env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString());
    // Via the environment, not the command line: arguments are visible to every local user (ps).
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN_USERNAME);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", s.adminPassword());
  }

  /**
   * A fresh import directory per start, holding only our realm under the file name Keycloak's
   * directory import insists on. Keycloak skips it once the realm exists in the database.
   */
  private static Path prepareImportDir(Path dataDir, Path realmFile, String realm) {
    Path importDir = dataDir.resolve("import");
    try {
      Files.createDirectories(importDir);
      try (DirectoryStream<Path> old = Files.newDirectoryStream(importDir)) {
        for (Path file : old) {
          Files.deleteIfExists(file);
        }
      }
      Files.copy(realmFile, importDir.resolve(RealmImportFile.fileNameFor(realm)),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare realm import dir " + importDir, e);
    }
    return importDir;
  }

  private static void stopStaleProcess(PidFile pidFile) {
    pidFile.liveProcess().ifPresent(stale -> {
      LOG.warn("Stopping stale Keycloak (pid {}) left behind by an earlier run", stale.pid());
      ProcessTree.stop(stale, STOP_GRACE);
    });
    pidFile.delete();
  }

  /**
   * Refuses to start when something already listens on the port: the readiness check would
   * otherwise happily talk to that other server.
   */
  private static void requireFreePort(int port, Settings s) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
    } catch (IOException e) {
      throw new KeycloakStartException("Port " + port + " on " + LOOPBACK
          + " is already in use; cannot start Keycloak for " + s.dataDir(), e);
    }
  }

  /** Marks where this run's output starts, so error messages only show this run's log lines. */
  private static long appendMarker(Path logFile) {
    try {
      long offset = Files.exists(logFile) ? Files.size(logFile) : 0;
      Files.writeString(logFile, "=== KeycloakProcess start " + Instant.now() + " ===" + System.lineSeparator(),
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return offset;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write Keycloak log " + logFile, e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir, e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(isWindows() ? "NUL" : "/dev/null");
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeycloakStartException("Interrupted while waiting for Keycloak", e);
    }
  }
}
