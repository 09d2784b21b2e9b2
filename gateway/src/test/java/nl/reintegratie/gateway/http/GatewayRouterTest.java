package nl.reintegratie.gateway.http;

import static nl.reintegratie.gateway.http.ProblemAssertions.assertProblem;
import static nl.reintegratie.gateway.http.ProblemAssertions.assertSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The behaviour every route shares, checked on a router with a few routes of its own: every
 * error is problem+json with a stable type, nothing of an unexpected failure leaks, and every
 * response carries the security headers and API-Version.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class GatewayRouterTest {

  private static final long BODY_LIMIT = 1024;
  private static Vertx vertx;
  private static HttpServer server;
  private static WebClient client;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Router router = GatewayRouter.create(vertx, BODY_LIMIT);
    router.get("/things/:id").handler(ctx -> ctx.json(new JsonObject().put("id", ctx.pathParam("id"))));
    router.post("/things").consumes("application/json").handler(ctx ->
        ctx.response().setStatusCode(201).end(ctx.body().buffer()));
    router.get("/explode").handler(ctx -> {
      throw new IllegalStateException("secret internals: jdbc:h2:/var/data password=hunter2");
    });
    router.get("/refused").handler(ctx -> ctx.fail(new ApiException(ProblemType.CONFLICT, "Al gedaan.")));
    router.get("/store-down").handler(ctx -> ctx.fail(
        new nl.reintegratie.gateway.store.StoreUnavailableException("ping timed out")));
    router.get("/tampered").handler(ctx -> {
      try (var key = nl.reintegratie.protocol.crypto.DataKey.generate()) {
        key.open(new byte[64], nl.reintegratie.protocol.crypto.AssociatedData.of("test")); // fails to authenticate
      }
    });
    router.get("/shredded").handler(ctx -> ctx.fail(new nl.reintegratie.gateway.dossier.ShreddedException()));
    router.get("/duplicate").handler(ctx -> ctx.fail(
        new nl.reintegratie.gateway.store.DuplicateKeyException("bsnHash_1")));
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(server.actualPort()));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void unknownPath_isProblemJson404WithStableType() {
    HttpResponse<Buffer> response = client.get("/nothing-here").send().await();

    assertProblem(response, 404, "urn:nl-reintegratie:problem:not-found");
    assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("Niet gevonden");
    assertThat(response.bodyAsJsonObject().getString("instance"))
        .isEqualTo("urn:uuid:" + response.getHeader(RequestIds.HEADER));
  }

  @Test
  void englishIsServedWhenAskedFor() {
    HttpResponse<Buffer> response = client.get("/nothing-here").putHeader("Accept-Language", "en-GB,en;q=0.8")
        .send().await();

    assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("Not found");
    assertThat(response.getHeader("Content-Language")).isEqualTo("en");
  }

  @Test
  void wrongMethod_is405ListingAllowedMethods() {
    HttpResponse<Buffer> response = client.delete("/things/42").send().await();

    assertProblem(response, 405, "urn:nl-reintegratie:problem:method-not-allowed");
    assertThat(response.getHeader("Allow")).isEqualTo("GET, HEAD");
  }

  @Test
  void bodyOverTheLimit_is413AndNeverReachesTheHandler() {
    Buffer big = Buffer.buffer("{\"x\":\"" + "a".repeat((int) BODY_LIMIT) + "\"}");
    HttpResponse<Buffer> response = client.post("/things").putHeader("Content-Type", "application/json")
        .sendBuffer(big).await();

    assertProblem(response, 413, "urn:nl-reintegratie:problem:body-too-large");
  }

  @Test
  void wrongContentType_is415() {
    HttpResponse<Buffer> response = client.post("/things").putHeader("Content-Type", "text/plain")
        .sendBuffer(Buffer.buffer("hi")).await();

    assertProblem(response, 415, "urn:nl-reintegratie:problem:unsupported-media-type");
  }

  @Test
  void unexpectedFailure_is500WithoutAnythingOfTheCause() {
    HttpResponse<Buffer> response = client.get("/explode").send().await();

    assertProblem(response, 500, "urn:nl-reintegratie:problem:internal-error");
    String body = response.bodyAsString();
    assertThat(body).doesNotContain("IllegalStateException", "secret", "hunter2", "jdbc", "at nl.");
  }

  @Test
  void apiException_keepsItsTypeAndDetail() {
    HttpResponse<Buffer> response = client.get("/refused").send().await();

    assertProblem(response, 409, "urn:nl-reintegratie:problem:conflict");
    assertThat(response.bodyAsJsonObject().getString("detail")).isEqualTo("Al gedaan.");
  }

  @Test
  void storeUnavailable_is503AndDuplicateKeyIs409_withoutInternals() {
    HttpResponse<Buffer> down = client.get("/store-down").send().await();
    HttpResponse<Buffer> duplicate = client.get("/duplicate").send().await();

    assertProblem(down, 503, "urn:nl-reintegratie:problem:service-unavailable");
    assertProblem(duplicate, 409, "urn:nl-reintegratie:problem:conflict");
    assertThat(down.bodyAsString()).doesNotContain("ping timed out");
    assertThat(duplicate.bodyAsString()).doesNotContain("bsnHash");
  }

  @Test
  void integrityFailure_isItsOwnProblem_andShreddedDataIsGone() {
    HttpResponse<Buffer> tampered = client.get("/tampered").send().await();
    HttpResponse<Buffer> shredded = client.get("/shredded").send().await();

    assertProblem(tampered, 500, "urn:nl-reintegratie:problem:integrity-failure");
    assertProblem(shredded, 410, "urn:nl-reintegratie:problem:gone");
  }

  @Test
  void successfulResponses_carrySecurityHeadersAndApiVersion() {
    HttpResponse<Buffer> response = client.get("/things/7").send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertSecurityHeaders(response);
  }

  @Test
  void headRequestToUnknownPath_stillCarriesHeaders() {
    HttpResponse<Buffer> response = client.request(HttpMethod.HEAD, "/nothing-here").send().await();

    assertThat(response.statusCode()).isEqualTo(404);
    assertSecurityHeaders(response);
  }
}
