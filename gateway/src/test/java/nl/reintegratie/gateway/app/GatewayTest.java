package nl.reintegratie.gateway.app;

import static nl.reintegratie.gateway.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ServerSocket;
import java.nio.file.Path;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gateway over HTTPS with the embedded store, while Keycloak is NOT running: what
 * works without it, and that it says clearly what does not.
 */
class GatewayTest {

  @TempDir
  static Path storeDir;
  private static Vertx vertx;
  private static TestGateway gateway;
  private static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort(); // nothing listens here once the socket is closed
    }
    gateway = TestGateway.start(vertx, storeDir, "http://127.0.0.1:" + deadPort + "/realms/reintegratie", 0);
    client = gateway.client();
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
  }

  @Test
  void live_isUpOverHttpsWithTheDevCertificate() {
    HttpResponse<Buffer> response = client.get("/health/live").send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    assertThat(response.getHeader("API-Version")).isEqualTo("1.0.0");
  }

  @Test
  void ready_isDownAndSaysWhichPartWhileKeycloakIsUnreachable() {
    HttpResponse<Buffer> response = client.get("/health/ready").send().await();

    assertProblem(response, 503, "urn:nl-reintegratie:problem:service-unavailable");
    JsonObject checks = response.bodyAsJsonObject().getJsonObject("checks");
    assertThat(checks.getString("store")).isEqualTo("UP");
    assertThat(checks.getString("identity")).isEqualTo("DOWN");
  }

  @Test
  void openApiDocument_isServedAsJson() {
    HttpResponse<Buffer> response = client.get("/api/v1/openapi.json").send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("openapi")).startsWith("3.1");
    assertThat(response.bodyAsJsonObject().getJsonObject("info").getString("version")).isEqualTo("1.0.0");
  }

  @Test
  void portalPage_isServedUnderTheStrictPolicy() {
    HttpResponse<Buffer> response = client.get("/").send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/html");
    assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(response.bodyAsString()).contains("<html").doesNotContain("<script>");
  }

  @Test
  void me_withoutSession_is401Problem() {
    HttpResponse<Buffer> response = client.get("/bff/me").send().await();

    assertProblem(response, 401, "urn:nl-reintegratie:problem:unauthenticated");
  }

  @Test
  void logout_withoutThePortalHeader_isRefusedAsCrossSite() {
    HttpResponse<Buffer> response = client.post("/bff/logout").send().await();

    assertProblem(response, 403, "urn:nl-reintegratie:problem:cross-site-request");
  }

  @Test
  void logout_fromAnotherOrigin_isRefused() {
    HttpResponse<Buffer> response = client.post("/bff/logout")
        .putHeader("X-Portal-Request", "1").putHeader("Origin", "https://evil.example").send().await();

    assertProblem(response, 403, "urn:nl-reintegratie:problem:cross-site-request");
  }

  @Test
  void logout_withoutSession_sendsTheBrowserHome() {
    HttpResponse<Buffer> response = client.post("/bff/logout").putHeader("X-Portal-Request", "1").send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("redirect")).isEqualTo("/");
  }

  @Test
  void login_whileKeycloakIsDown_is503Problem() {
    HttpResponse<Buffer> response = client.get("/bff/login").send().await();

    assertProblem(response, 503, "urn:nl-reintegratie:problem:service-unavailable");
  }

  @Test
  void callback_withoutALoginInProgress_isRefused() {
    HttpResponse<Buffer> response = client.get("/bff/callback?code=abc&state=def").send().await();

    assertProblem(response, 401, "urn:nl-reintegratie:problem:login-failed");
  }

  @Test
  void overlongUri_is414Problem() {
    // the gateway closes such a connection: use one of its own, not the shared pool
    HttpResponse<Buffer> response = gateway.client().get("/" + "a".repeat(HttpVerticle.MAX_REQUEST_LINE + 10)).send().await();

    assertProblem(response, 414, "urn:nl-reintegratie:problem:uri-too-long");
  }

  @Test
  void oversizedHeaders_are431Problem() {
    HttpResponse<Buffer> response = gateway.client().get("/health/live")
        .putHeader("X-Filler", "b".repeat(HttpVerticle.MAX_HEADERS + 10)).send().await();

    assertProblem(response, 431, "urn:nl-reintegratie:problem:headers-too-large");
  }

  @Test
  void bodyOverTheConfiguredLimit_is413Problem() {
    Buffer body = Buffer.buffer(new byte[(int) gateway.config().http().maxBodyBytes() + 1]);
    HttpResponse<Buffer> response = client.post("/bff/logout").putHeader("X-Portal-Request", "1")
        .putHeader("Content-Type", "application/json").sendBuffer(body).await();

    assertProblem(response, 413, "urn:nl-reintegratie:problem:body-too-large");
  }
}
