package nl.reintegratie.gateway.devstack;

import nl.reintegratie.gateway.testsupport.DemoAccounts;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import nl.reintegratie.gateway.testsupport.OidcBrowserlessLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keycloak's state lives in the data dir we give it, survives a restart, and a Keycloak orphaned by a
 * killed launcher is cleaned up by the next start. Uses its own Keycloak instances (not the shared
 * test server) because it stops and restarts them.
 */
class KeycloakRestartTest {

  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    // Last registered first: stop processes before deleting their data dirs.
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  @Test
  void restartOnSameDataDirKeepsUsersAndDoesNotReimport() throws Exception {
    String gatewayBaseUrl = "https://localhost:" + KeycloakTestServer.freePort();
    KeycloakProcess.Settings settings = KeycloakTestServer.freshSettings("restart", gatewayBaseUrl);
    cleanup.add(() -> KeycloakTestServer.deleteRecursively(settings.dataDir()));

    // First start: imports the realm into a brand-new H2 database in the data dir.
    KeycloakProcess first = started(settings);
    OidcBrowserlessLogin login = new OidcBrowserlessLogin(first.issuer(), KeycloakTestServer.CLIENT_ID,
        KeycloakTestServer.devClientSecret(), gatewayBaseUrl + "/bff/callback");
    String subBefore = login.login(DemoAccounts.JAN.username(), DemoAccounts.JAN.password())
        .accessTokenClaims().getString("sub");
    ProcessHandle firstHandle = first.processHandle();
    List<ProcessHandle> firstTree = tree(firstHandle);

    first.close();
    first.close(); // idempotent

    assertThat(firstTree).noneMatch(ProcessHandle::isAlive);
    assertThat(first.isAlive()).isFalse();
    assertThat(settings.dataDir().resolve("keycloak.pid")).doesNotExist();
    assertThat(settings.dataDir().resolve("h2/keycloakdb.mv.db")).exists();
    assertThat(settings.home().resolve("data/h2")).as("nothing may be written into the shared dist").doesNotExist();

    // A stale pid file pointing at a live process, as a killed launcher would leave behind.
    Process orphan = new ProcessBuilder("sleep", "300").start();
    cleanup.add(orphan::destroyForcibly);
    Files.writeString(settings.dataDir().resolve("keycloak.pid"),
        orphan.pid() + " " + orphan.toHandle().info().startInstant().map(Instant::toString).orElse("-") + "\n",
        StandardCharsets.UTF_8);

    // Second start on the same data dir.
    KeycloakProcess second = started(settings);

    assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).as("stale process from the pid file is stopped").isTrue();
    String subAfter = login.login(DemoAccounts.JAN.username(), DemoAccounts.JAN.password())
        .accessTokenClaims().getString("sub");
    assertThat(subAfter).isEqualTo(subBefore);
    assertThat(logOf(settings)).contains("Realm 'reintegratie' imported")
        .containsPattern("Realm 'reintegratie' already exists. Import skipped|Not importing realm reintegratie");
    System.out.printf("Keycloak restart test: first start %d ms, second start %d ms%n",
        first.startupTime().toMillis(), second.startupTime().toMillis());
  }

  @Test
  void missingDistributionIsReportedClearly() {
    KeycloakProcess.Settings good = KeycloakTestServer.freshSettings("nodist", "https://localhost:8443");
    cleanup.add(() -> KeycloakTestServer.deleteRecursively(good.dataDir().getParent()));
    KeycloakProcess.Settings noDist = new KeycloakProcess.Settings(good.dataDir().resolve("no-such-dist"),
        good.dataDir(), good.httpPort(), good.managementPort(), good.realmFile(), "x", good.logFile());

    assertThatThrownBy(() -> KeycloakProcess.start(noDist))
        .isInstanceOf(KeycloakStartException.class)
        .hasMessageContaining("No Keycloak distribution");
  }

  private KeycloakProcess started(KeycloakProcess.Settings settings) {
    KeycloakProcess keycloak = KeycloakProcess.start(settings);
    cleanup.add(keycloak);
    assertThat(keycloak.startupTime()).isLessThan(Duration.ofSeconds(180));
    return keycloak;
  }

  private static List<ProcessHandle> tree(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>();
    root.descendants().forEach(all::add);
    all.add(root);
    return all;
  }

  private static String logOf(KeycloakProcess.Settings settings) throws IOException {
    return Files.readString(settings.logFile(), StandardCharsets.UTF_8);
  }
}
