package nl.reintegratie.gateway.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command as a user experiences it: the dev stack starts Keycloak, the store
 * and the gateway; a demo client logs in with Debian's Chromium on Keycloak's own login page
 * and is greeted by name; Ctrl-C (SIGTERM here) stops every process, Keycloak included; a
 * second start keeps the data of the first (the portal now shows the earlier login).
 */
class DevStackTest {

  @TempDir
  Path data;

  @Test
  void runCommand_startsTheStack_demoUserLogsInInABrowser_andARestartKeepsTheData() throws Exception {
    int gatewayPort = KeycloakTestServer.freePort();
    int keycloakPort = KeycloakTestServer.freePort();
    Map<String, String> env = Map.of(
        "DATA_DIR", data.toString(),
        "HTTP_PORT", Integer.toString(gatewayPort),
        "PUBLIC_BASE_URL", "https://localhost:" + gatewayPort,
        "KEYCLOAK_PORT", Integer.toString(keycloakPort),
        "KEYCLOAK_MANAGEMENT_PORT", Integer.toString(KeycloakTestServer.freePort()));

    try (RunningStack first = RunningStack.start(env)) {
      assertThat(first.output()).contains("https://localhost:" + gatewayPort + "/", "fatima", "casemanager");
      JsonObject login = browserLogin("https://localhost:" + gatewayPort, "eerste keer");
      assertThat(login.getString("heading")).contains("Fatima El Amrani");

      List<ProcessHandle> started = first.stopLikeCtrlC();
      assertThat(started).as("the stack started Keycloak as a child process").isNotEmpty();
      assertThat(started).noneMatch(ProcessHandle::isAlive);
      assertThat(accepts(keycloakPort)).as("Keycloak's port is closed").isFalse();
      assertThat(accepts(gatewayPort)).as("the gateway's port is closed").isFalse();
    }

    try (RunningStack second = RunningStack.start(env)) {
      JsonObject login = browserLogin("https://localhost:" + gatewayPort, "eerder ingelogd");
      assertThat(login.getString("heading")).contains("Fatima El Amrani");
      second.stopLikeCtrlC();
    }
    assertThat(data.resolve("store")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".mv.db"));
  }

  private static JsonObject browserLogin(String baseUrl, String expectedPageText) throws Exception {
    Path screenshot = Path.of("target/screenshots/devstack-login.png").toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    ProcessBuilder node = new ProcessBuilder("node", "e2e/login.mjs")
        .directory(ProjectFiles.nodeTools().toFile())
        .redirectErrorStream(true);
    node.environment().putAll(Map.of(
        "BASE_URL", baseUrl,
        "LOGIN_USER", "fatima",
        "LOGIN_PASSWORD", "fatima-demo-2026",
        "EXPECT_TEXT", "Fatima El Amrani",
        "EXPECT_PAGE_TEXT", expectedPageText,
        "SCREENSHOT", screenshot.toString()));
    Process process = node.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(150, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("browser login; output:%n%s", output).isZero();
    String result = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    JsonObject outcome = new JsonObject(result);
    assertThat(outcome.getJsonArray("consoleErrors")).as("no CSP violations or script errors").isEmpty();
    return outcome;
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code DevStack} in a child JVM, run from the project root as {@code run.sh} does. */
  private static final class RunningStack implements AutoCloseable {
    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private RunningStack(Process process) {
      this.process = process;
    }

    static RunningStack start(Map<String, String> env) throws Exception {
      ProcessBuilder builder = new ProcessBuilder(
          ProcessHandle.current().info().command().orElse("java"),
          "-Dkeycloak.home=" + System.getProperty("keycloak.home"),
          "-cp", System.getProperty("java.class.path"), DevStack.class.getName())
          .directory(ProjectFiles.root().toFile())
          .redirectErrorStream(true);
      builder.environment().putAll(env);
      RunningStack stack = new RunningStack(builder.start());
      CountDownLatch ready = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(stack.process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            stack.lines.add(line);
            if (line.contains("Stoppen: Ctrl-C")) {
              ready.countDown();
            }
          }
        } catch (IOException e) {
          // the process ended
        }
      }, "devstack-output");
      reader.setDaemon(true);
      reader.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (!ready.await(1, TimeUnit.SECONDS)) {
        assertThat(stack.process.isAlive()).as("dev stack is running; output:%n%s", stack.output()).isTrue();
        assertThat(System.nanoTime()).as("dev stack started in time; output:%n%s", stack.output()).isLessThan(deadline);
      }
      return stack;
    }

    String output() {
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }

    /** SIGTERM, as the terminal's Ctrl-C does; returns the child processes it had started. */
    List<ProcessHandle> stopLikeCtrlC() throws InterruptedException {
      List<ProcessHandle> children = process.descendants().toList();
      process.destroy();
      assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("dev stack stopped").isTrue();
      for (ProcessHandle child : children) {
        child.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> child).join();
      }
      return children;
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }
}
