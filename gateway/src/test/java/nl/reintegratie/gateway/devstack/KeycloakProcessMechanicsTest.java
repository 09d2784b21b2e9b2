package nl.reintegratie.gateway.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The process handling of {@link KeycloakProcess} against a fake {@code kc.sh}, so failures, the
 * command line and process-tree clean-up are checked in milliseconds instead of Keycloak start-ups.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class KeycloakProcessMechanicsTest {

  private static final String ADMIN_PASSWORD = "dev-only-never-in-messages";

  @TempDir
  Path tmp;

  private final List<Process> spawned = new ArrayList<>();

  @AfterEach
  void killSpawned() {
    spawned.forEach(p -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    });
  }

  @Test
  void processThatDiesDuringStartupIsReportedWithTheLastLogLines() throws IOException {
    Path home = fakeDistribution("""
        #!/bin/sh
        echo "args: $*"
        echo "admin user: $KC_BOOTSTRAP_ADMIN_USERNAME"
        echo "java: $JAVA"
        i=1
        while [ $i -le 100 ]; do echo "noise line $i"; i=$((i+1)); done
        echo "ERROR: boom"
        exit 3
        """);
    KeycloakProcess.Settings settings = settings(home, freePort());
    Files.createDirectories(settings.logFile().getParent());
    Files.writeString(settings.logFile(), "output of an earlier run\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> KeycloakProcess.start(settings))
        .isInstanceOf(KeycloakStartException.class)
        .hasMessageContaining("exited with code 3")
        .hasMessageContaining("ERROR: boom")
        .hasMessageContaining("noise line 100")
        .hasMessageContaining("noise line 62")
        .hasMessageNotContaining("noise line 61\n")
        .hasMessageNotContaining("earlier run")
        .hasMessageNotContaining(ADMIN_PASSWORD);

    String log = Files.readString(settings.logFile(), StandardCharsets.UTF_8);
    Path dataDir = settings.dataDir();
    assertThat(log)
        .contains("output of an earlier run")
        .contains("args: start-dev --http-host=127.0.0.1 --http-port=" + settings.httpPort())
        .contains("--http-management-port=" + settings.managementPort())
        .contains("--hostname=http://127.0.0.1:" + settings.httpPort())
        .contains("--db-url=jdbc:h2:file:" + dataDir.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE")
        .contains("-Dkeycloak.migration.dir=" + dataDir.resolve("import"))
        .contains("-Dquarkus.transaction-manager.object-store.directory=" + dataDir.resolve("transaction-logs"))
        .doesNotContain("--import-realm")
        .contains("admin user: admin")
        .contains("java: " + Path.of(System.getProperty("java.home"), "bin", "java"))
        .doesNotContain(ADMIN_PASSWORD);
    assertThat(dataDir.resolve("import")).isDirectoryContaining(p -> p.getFileName().toString()
        .equals("reintegratie-realm.json"));
    assertThat(dataDir.resolve("keycloak.pid")).doesNotExist();
  }

  @Test
  void portAlreadyInUseIsRefusedBeforeLaunching() throws IOException {
    Path home = fakeDistribution("#!/bin/sh\necho launched\nexit 1\n");
    try (ServerSocket occupied = new ServerSocket()) {
      occupied.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      KeycloakProcess.Settings settings = settings(home, occupied.getLocalPort());

      assertThatThrownBy(() -> KeycloakProcess.start(settings))
          .isInstanceOf(KeycloakStartException.class)
          .hasMessageContaining("already in use");
      assertThat(Files.exists(settings.logFile()) ? Files.readString(settings.logFile()) : "")
          .doesNotContain("launched");
    }
  }

  @Test
  void processTreeIsStoppedIncludingForkedChildren() throws IOException {
    Process parent = spawn("sh", "-c", "sleep 300 & sleep 300 & wait");
    awaitDescendants(parent.toHandle(), 2);
    List<ProcessHandle> children = parent.toHandle().descendants().toList();

    boolean graceful = ProcessTree.stop(parent.toHandle(), Duration.ofSeconds(10));

    assertThat(graceful).isTrue();
    assertThat(parent.toHandle().isAlive()).isFalse();
    assertThat(children).hasSize(2).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void processIgnoringSigtermIsKilledAfterTheGracePeriod() throws IOException, InterruptedException {
    Process stubborn = spawn("sh", "-c", "trap '' TERM; echo ready; while true; do sleep 1; done");
    // Only stop it once the trap is installed.
    assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(stubborn.getInputStream(),
        StandardCharsets.UTF_8)).readLine()).isEqualTo("ready");

    boolean graceful = ProcessTree.stop(stubborn.toHandle(), Duration.ofMillis(500));

    assertThat(graceful).isFalse();
    // Process.isAlive() is updated by the JDK's reaper shortly after the handle's onExit completes.
    assertThat(stubborn.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void pidFileOnlyMatchesTheSameProcess() throws IOException {
    Process sleeper = spawn("sleep", "300");
    PidFile pidFile = PidFile.in(tmp);

    pidFile.write(sleeper.toHandle());
    assertThat(pidFile.liveProcess()).map(ProcessHandle::pid).contains(sleeper.pid());

    // Same pid, other start time: a recycled pid must not be killed.
    Files.writeString(pidFile.path(), sleeper.pid() + " 2001-01-01T00:00:00Z\n");
    assertThat(pidFile.liveProcess()).isEmpty();

    Files.writeString(pidFile.path(), "garbage\n");
    assertThat(pidFile.liveProcess()).isEmpty();

    pidFile.delete();
    assertThat(pidFile.liveProcess()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  private Path fakeDistribution(String kcSh) throws IOException {
    Path home = Files.createDirectories(tmp.resolve("fake-keycloak"));
    Path script = Files.createDirectories(home.resolve("bin")).resolve("kc.sh");
    Files.writeString(script, kcSh, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  private KeycloakProcess.Settings settings(Path home, int httpPort) throws IOException {
    Path realm = tmp.resolve("realm.json");
    Files.writeString(realm, "{\"realm\":\"reintegratie\",\"clients\":[{\"clientId\":\"portal-bff\"}]}");
    int managementPort = freePort();
    while (managementPort == httpPort) {
      managementPort = freePort();
    }
    return new KeycloakProcess.Settings(home, tmp.resolve("data"), httpPort, managementPort, realm,
        ADMIN_PASSWORD, tmp.resolve("logs/keycloak.log"));
  }

  private Process spawn(String... command) throws IOException {
    Process process = new ProcessBuilder(command).start();
    spawned.add(process);
    return process;
  }

  private static void awaitDescendants(ProcessHandle parent, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (parent.descendants().count() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
