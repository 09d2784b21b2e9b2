package nl.reintegratie.gateway.testsupport;

import nl.reintegratie.gateway.devstack.KeycloakProcess;
import nl.reintegratie.gateway.devstack.RealmImportFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real Keycloak per test JVM, started lazily from the distribution Maven unpacked
 * ({@code -Dkeycloak.home}) with the keys-dev realm and a fresh data dir.
 *
 * <p>The realm is imported once, so the {@code portal-bff} redirect URI must be known before
 * Keycloak starts. This class therefore reserves the gateway's port up front:
 * {@link #gatewayPort()} is a free port chosen once per JVM, the realm allows
 * {@code https://localhost:<gatewayPort>/bff/callback}, and gateway tests must bind the gateway to
 * exactly that port. Calling {@code gatewayPort()} does not start Keycloak.
 *
 * <p>Stopped (and its data dir deleted) by a JVM shutdown hook; the log stays in
 * {@code gateway/target/keycloak-test/} for post-mortems.
 */
public final class KeycloakTestServer {

  public static final String CLIENT_ID = RealmImportFile.BFF_CLIENT_ID;

  private static int gatewayPort;
  private static KeycloakTestServer instance;

  private final KeycloakProcess keycloak;
  private final String gatewayBaseUrl;
  private final String clientSecret;

  private KeycloakTestServer(KeycloakProcess keycloak, String gatewayBaseUrl, String clientSecret) {
    this.keycloak = keycloak;
    this.gatewayBaseUrl = gatewayBaseUrl;
    this.clientSecret = clientSecret;
  }

  /** The shared Keycloak, started on first use (~15-25 s). */
  public static synchronized KeycloakTestServer get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  /**
   * The shared Keycloak, checking that the caller's gateway URL is the one the realm was imported
   * with (the realm cannot be changed once imported).
   */
  public static synchronized KeycloakTestServer get(String gatewayBaseUrl) {
    KeycloakTestServer server = get();
    if (!server.gatewayBaseUrl.equals(stripTrailingSlash(gatewayBaseUrl))) {
      throw new IllegalArgumentException("The test Keycloak realm was imported for " + server.gatewayBaseUrl
          + ", not " + gatewayBaseUrl + "; bind the gateway to KeycloakTestServer.gatewayPort()");
    }
    return server;
  }

  /** The port the gateway under test must listen on (reserved once per JVM). */
  public static synchronized int gatewayPort() {
    if (gatewayPort == 0) {
      gatewayPort = freePort();
    }
    return gatewayPort;
  }

  /** {@code https://localhost:<gatewayPort>}. */
  public static String gatewayBaseUrl() {
    return "https://localhost:" + gatewayPort();
  }

  public KeycloakProcess process() {
    return keycloak;
  }

  public String issuer() {
    return keycloak.issuer();
  }

  public String baseUrl() {
    return keycloak.baseUrl();
  }

  public String clientId() {
    return CLIENT_ID;
  }

  public String clientSecret() {
    return clientSecret;
  }

  /** The redirect URI registered for {@code portal-bff} in this Keycloak. */
  public String redirectUri() {
    return gatewayBaseUrl + RealmImportFile.CALLBACK_PATH;
  }

  /** A browserless login against this Keycloak with the {@code portal-bff} client. */
  public OidcBrowserlessLogin login() {
    return new OidcBrowserlessLogin(issuer(), clientId(), clientSecret(), redirectUri());
  }

  // ---------------------------------------------------------------------------------------------

  /** Repository root (surefire passes {@code -Dproject.root}). */
  public static Path projectRoot() {
    return Path.of(requiredProperty("project.root")).toAbsolutePath().normalize();
  }

  /** The unpacked Keycloak distribution (surefire passes {@code -Dkeycloak.home}). */
  public static Path keycloakHome() {
    return Path.of(requiredProperty("keycloak.home")).toAbsolutePath().normalize();
  }

  /** The committed development realm. */
  public static Path devRealmFile() {
    return projectRoot().resolve("keys-dev/keycloak/realm-reintegratie.json");
  }

  public static String devClientSecret() {
    return readTrimmed(projectRoot().resolve("keys-dev/keycloak/portal-bff.secret"));
  }

  public static String devAdminPassword() {
    return readTrimmed(projectRoot().resolve("keys-dev/keycloak/admin.secret"));
  }

  /** {@code gateway/target/keycloak-test}: scratch space that {@code mvn clean} removes. */
  public static Path scratchDir() {
    return projectRoot().resolve("gateway/target/keycloak-test");
  }

  /** A free TCP port on 127.0.0.1 (free now; a small race with other processes is accepted). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  /** Settings for a throw-away Keycloak in a new directory under {@link #scratchDir()}. */
  public static KeycloakProcess.Settings freshSettings(String name, String gatewayBaseUrl) {
    try {
      Files.createDirectories(scratchDir());
      Path runDir = Files.createTempDirectory(scratchDir(), name + "-");
      Path realmFile = KeycloakProcess.writeImportFile(devRealmFile(), runDir.resolve("realm"), gatewayBaseUrl);
      int httpPort = freePort();
      int managementPort = freePort();
      while (managementPort == httpPort) {
        managementPort = freePort();
      }
      return new KeycloakProcess.Settings(keycloakHome(), runDir.resolve("data"), httpPort, managementPort,
          realmFile, devAdminPassword(), runDir.resolve("keycloak.log"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare Keycloak test dir", e);
    }
  }

  /** Deletes a directory tree, ignoring failures (best effort clean-up). */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort
        }
      });
    } catch (IOException ignored) {
      // best effort
    }
  }

  private static KeycloakTestServer start() {
    String gatewayBaseUrl = gatewayBaseUrl();
    KeycloakProcess.Settings settings = freshSettings("shared", gatewayBaseUrl);
    KeycloakProcess keycloak = KeycloakProcess.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      keycloak.close();
      deleteRecursively(settings.dataDir());
    }, "keycloak-test-server-stop"));
    System.out.printf("Test Keycloak %s started in %d ms (log %s)%n",
        keycloak.baseUrl(), keycloak.startupTime().toMillis(), settings.logFile());
    return new KeycloakTestServer(keycloak, gatewayBaseUrl, devClientSecret());
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + name + " is not set; run the tests through Maven");
    }
    return value;
  }

  private static String readTrimmed(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static String stripTrailingSlash(String url) {
    String result = url;
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
