package nl.reintegratie.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.app.Gateway;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document is the providers' contract: every API route the gateway registers is in
 * it, and it passes Logius's NL API Design Rules linter without errors.
 */
class OpenApiContractTest {

  private static final String API_PREFIX = "/api/v1";

  @TempDir
  Path dir;

  @Test
  void everyRegisteredApiRoute_isDocumented() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (TestGateway gateway = TestGateway.start(vertx, dir, "http://127.0.0.1:9/realms/none", 0)) {
      JsonObject paths = OpenApiRoute.load().getJsonObject("paths");
      List<String> missing = new ArrayList<>();
      List<Gateway.RouteDescription> apiRoutes = gateway.gateway().routes().stream()
          .filter(r -> r.path().startsWith(API_PREFIX))
          .toList();
      for (Gateway.RouteDescription route : apiRoutes) {
        String documented = route.path().substring(API_PREFIX.length()).replaceAll(":([A-Za-z0-9_]+)", "{$1}");
        JsonObject operations = paths.getJsonObject(documented);
        if (operations == null) {
          missing.add(route.path());
          continue;
        }
        for (String method : route.methods()) {
          if (!operations.containsKey(method.toLowerCase(Locale.ROOT))) {
            missing.add(method + " " + route.path());
          }
        }
      }
      assertThat(apiRoutes).isNotEmpty();
      assertThat(missing).as("API routes missing from openapi.json").isEmpty();
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void document_passesTheNlApiDesignRulesLinter() throws Exception {
    Path document = dir.resolve("openapi.json");
    Files.writeString(document, OpenApiRoute.load().encodePrettily(), StandardCharsets.UTF_8);
    Path tools = ProjectFiles.nodeTools();
    Path ruleset = tools.resolve("lint/nl-api-design-rules.spectral.yaml");
    Path report = dir.resolve("spectral.json");

    Process spectral = new ProcessBuilder(tools.resolve("node_modules/.bin/spectral").toString(),
        "lint", document.toString(), "--ruleset", ruleset.toString(), "--format", "json",
        "--output", report.toString(), "--fail-severity", "error")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("spectral.log").toFile())
        .start();
    assertThat(spectral.waitFor(120, TimeUnit.SECONDS)).as("spectral finished").isTrue();

    assertThat(report).as("spectral wrote its report; log: %s",
        Files.exists(dir.resolve("spectral.log")) ? Files.readString(dir.resolve("spectral.log")) : "").exists();
    JsonArray results = new JsonArray(Files.readString(report));
    List<String> errors = results.stream()
        .map(JsonObject.class::cast)
        .filter(r -> r.getInteger("severity") == 0)
        .map(r -> r.getString("code") + " at " + r.getJsonArray("path") + ": " + r.getString("message"))
        .toList();
    assertThat(errors).as("NL API Design Rules errors").isEmpty();
    assertThat(spectral.exitValue()).isZero();
  }
}
