package nl.reintegratie.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: Debian's Chromium, driven by playwright-core, opens the portal on a phone-sized
 * screen, follows "Inloggen" to Keycloak's own login page, logs in as a demo client and comes
 * back to a page that greets them by the name Keycloak knows. The screenshot stays in
 * {@code target/} for a person to look at.
 */
class PortalBrowserLoginTest {

  @TempDir
  Path storeDir;

  @Test
  void demoClient_logsInInChromium_andIsGreetedByName() throws Exception {
    KeycloakTestServer keycloak = KeycloakTestServer.get(KeycloakTestServer.gatewayBaseUrl());
    Vertx vertx = Vertx.vertx();
    try (TestGateway gateway = TestGateway.start(vertx, storeDir, keycloak.issuer(),
        KeycloakTestServer.gatewayPort())) {
      Path screenshot = Path.of("target/screenshots/portal-after-login.png").toAbsolutePath();
      Files.createDirectories(screenshot.getParent());

      ProcessBuilder node = new ProcessBuilder(List.of("node", "e2e/login.mjs"))
          .directory(ProjectFiles.nodeTools().toFile())
          .redirectErrorStream(true);
      node.environment().put("BASE_URL", gateway.url());
      node.environment().put("LOGIN_USER", "jan");
      node.environment().put("LOGIN_PASSWORD", "jan-demo-2026");
      node.environment().put("EXPECT_TEXT", "Jan de Vries");
      node.environment().put("SCREENSHOT", screenshot.toString());
      node.environment().put("ACTION", "logout-after");
      Process process = node.start();
      boolean finished = process.waitFor(150, TimeUnit.SECONDS);
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!finished) {
        process.destroyForcibly();
      }

      assertThat(finished).as("browser script finished; output: %s", output).isTrue();
      assertThat(process.exitValue()).as("browser script output: %s", output).isZero();
      String result = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
      JsonObject outcome = new JsonObject(result);
      assertThat(outcome.getBoolean("ok")).isTrue();
      assertThat(outcome.getString("heading")).contains("Jan de Vries");
      assertThat(screenshot).exists();
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
