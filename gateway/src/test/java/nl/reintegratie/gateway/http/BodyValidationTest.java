package nl.reintegratie.gateway.http;

import static nl.reintegratie.gateway.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.schemas.SchemaCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Request bodies checked against the JSON Schemas on a real router: a valid body reaches the
 * handler as parsed JSON; anything else is answered with problem+json before it gets there, an
 * invalid one listing every failing field by JSON pointer.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BodyValidationTest {

  private static final long BODY_LIMIT = 1024 * 1024;
  private static final String INVALID_BODY = "urn:nl-reintegratie:problem:invalid-body";
  private static final String BAD_REQUEST = "urn:nl-reintegratie:problem:bad-request";
  private static final SchemaCatalog CATALOG = SchemaCatalog.load();

  private static Vertx vertx;
  private static WebClient client;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Router router = GatewayRouter.create(vertx, BODY_LIMIT);
    for (String name : CATALOG.names()) {
      // echo what the next handler gets, so the tests see exactly that
      router.post("/validate/" + name)
          .handler(BodyValidation.against(CATALOG, name))
          .handler(ctx -> ctx.json(BodyValidation.body(ctx)));
    }
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(server.actualPort()));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static HttpResponse<Buffer> post(String schema, String body) {
    return post(schema, Buffer.buffer(body), "application/json");
  }

  private static HttpResponse<Buffer> post(String schema, Buffer body, String contentType) {
    var request = client.post("/validate/" + schema);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return request.sendBuffer(body).await();
  }

  private static JsonObject example(String schema, String kind, String name) {
    return new JsonObject(classpath("examples/" + schema + "/" + kind + "/" + name + ".json"));
  }

  private static List<String> pointers(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("pointer")).toList();
  }

  private static String detailAt(HttpResponse<Buffer> response, String pointer) {
    return response.bodyAsJsonObject().getJsonArray("errors").stream().map(JsonObject.class::cast)
        .filter(e -> pointer.equals(e.getString("pointer"))).findFirst().orElseThrow().getString("detail");
  }

  @Test
  void validBody_reachesTheHandlerAsParsedJson() {
    JsonObject body = example("end-report-submission", "valid", "placed");

    HttpResponse<Buffer> response = post("end-report-submission", body.encode());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject()).isEqualTo(body);
  }

  @Test
  void charsetUtf8_isAccepted() {
    String body = example("contact-moment", "valid", "phone-call").encode();

    assertThat(post("contact-moment", Buffer.buffer(body), "application/json; charset=UTF-8").statusCode())
        .isEqualTo(200);
  }

  @Test
  void invalidBody_isProblemJsonListingEveryField() {
    JsonObject body = example("end-report-submission", "valid", "placed");
    body.getJsonObject("content").put("ladderStepAtEnd", 9).remove("result");

    HttpResponse<Buffer> response = post("end-report-submission", body.encode());

    assertProblem(response, 400, INVALID_BODY);
    assertThat(pointers(response)).containsExactlyInAnyOrder("/content/result", "/content/ladderStepAtEnd");
    assertThat(detailAt(response, "/content/result")).isEqualTo("Dit veld ontbreekt. Vul het in.");
    assertThat(detailAt(response, "/content/ladderStepAtEnd"))
        .isEqualTo("Dit getal is te groot: het mag maximaal 6 zijn.");
  }

  @Test
  void problemDocument_hasTheAgreedShape() {
    HttpResponse<Buffer> response = post("contact-moment", "{\"channel\":\"fax\"}");

    assertProblem(response, 400, INVALID_BODY);
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.fieldNames()).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
    assertThat(problem.getString("title")).isEqualTo("De gegevens in het verzoek kloppen niet");
    assertThat(problem.getString("detail")).isEqualTo("Niet alle gegevens kloppen. Bij 'errors' staat per veld wat er mis is.");
    assertThat(problem.getString("instance")).isEqualTo("urn:uuid:" + response.getHeader(RequestIds.HEADER));
    JsonArray errors = problem.getJsonArray("errors");
    assertThat(errors).hasSize(3);
    for (Object error : errors) {
      assertThat(((JsonObject) error).fieldNames()).containsExactlyInAnyOrder("pointer", "detail");
      assertThat(((JsonObject) error).getString("detail")).isNotBlank();
    }
    assertThat(pointers(response)).containsExactlyInAnyOrder("/channel", "/dateTime", "/summary");
    assertThat(detailAt(response, "/channel")).isEqualTo("Kies een van deze waarden: in-person, phone, video, e-mail.");
  }

  @Test
  void unknownField_isReportedAtItsPointer() {
    JsonObject body = example("end-report-submission", "valid", "placed");
    body.getJsonObject("content").put("clientBsn", "999993653");

    HttpResponse<Buffer> response = post("end-report-submission", body.encode());

    assertProblem(response, 400, INVALID_BODY);
    assertThat(pointers(response)).containsExactly("/content/clientBsn");
    assertThat(detailAt(response, "/content/clientBsn")).isEqualTo("Dit veld kennen we niet. Haal het weg of controleer de naam.");
    assertThat(response.bodyAsString()).doesNotContain("999993653");
  }

  @Test
  void englishIsServedWhenAskedFor() {
    HttpResponse<Buffer> response = client.post("/validate/end-report-submission")
        .putHeader("Content-Type", "application/json").putHeader("Accept-Language", "en")
        .sendBuffer(Buffer.buffer("{\"properties\":{},\"content\":{}}")).await();

    assertProblem(response, 400, INVALID_BODY);
    assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("The request body is invalid");
    assertThat(response.bodyAsJsonObject().getString("detail")).startsWith("Some of the data is not right.");
    assertThat(detailAt(response, "/properties/confidentiality")).isEqualTo("This field is missing. Fill it in.");
  }

  @Test
  void everyInvalidExample_isAnsweredWithItsExpectedPointers() throws Exception {
    int checked = 0;
    for (String schema : CATALOG.names()) {
      for (Path file : examples(schema, "invalid")) {
        JsonObject expect = new JsonObject(Buffer.buffer(Files.readAllBytes(
            file.resolveSibling(file.getFileName().toString().replace(".json", ".expect.json")))));
        Set<String> expected = expect.getJsonArray("violations").stream()
            .map(v -> ((JsonObject) v).getString("pointer")).collect(Collectors.toCollection(TreeSet::new));

        HttpResponse<Buffer> response = post(schema, Buffer.buffer(Files.readAllBytes(file)), "application/json");

        assertProblem(response, 400, INVALID_BODY);
        assertThat(new TreeSet<>(pointers(response))).as(file.toString()).isEqualTo(expected);
        checked++;
      }
      for (Path file : examples(schema, "valid")) {
        assertThat(post(schema, Buffer.buffer(Files.readAllBytes(file)), "application/json").statusCode())
            .as(file.toString()).isEqualTo(200);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void manyErrors_areCappedSoTheAnswerStaysSmall() {
    JsonObject body = example("contact-moment", "valid", "phone-call");
    for (int i = 0; i < 150; i++) {
      body.put("unknown" + i, i);
    }

    HttpResponse<Buffer> response = post("contact-moment", body.encode());

    assertProblem(response, 400, INVALID_BODY);
    assertThat(response.bodyAsJsonObject().getJsonArray("errors")).hasSize(BodyValidation.MAX_ERRORS);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("eerste 100");
  }

  @Test
  void wrongOrMissingContentType_is415() {
    String body = example("contact-moment", "valid", "phone-call").encode();
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/jsonx",
        "application/json; charset=iso-8859-1", null}) {
      HttpResponse<Buffer> response = post("contact-moment", Buffer.buffer(body), type);
      assertProblem(response, 415, "urn:nl-reintegratie:problem:unsupported-media-type");
    }
  }

  @Test
  void malformedJson_is400BadRequest() {
    String valid = example("contact-moment", "valid", "phone-call").encode();
    for (String body : List.of(valid.substring(0, valid.length() - 5), valid + " {}", valid + "x",
        "{/* comment */ \"channel\": \"phone\"}", "{'channel': 'phone'}", "{channel: \"phone\"}",
        "{\"channel\": \"phone\",}", "[1, 2,]", "NaN", "   ")) {
      HttpResponse<Buffer> response = post("contact-moment", body);
      assertProblem(response, 400, BAD_REQUEST);
      assertThat(response.bodyAsJsonObject().getString("detail")).as(body).contains("geen geldige JSON");
    }
  }

  @Test
  void invalidUtf8_is400BadRequest() {
    Buffer body = Buffer.buffer("{\"summary\":\"").appendBytes(new byte[] {(byte) 0xC3, (byte) 0x28})
        .appendString("\"}");

    assertProblem(post("contact-moment", body, "application/json"), 400, BAD_REQUEST);
  }

  @Test
  void emptyBody_is400BadRequest() {
    HttpResponse<Buffer> response = post("contact-moment", Buffer.buffer(), "application/json");

    assertProblem(response, 400, BAD_REQUEST);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("geen gegevens");
  }

  @Test
  void duplicateKeys_are400BadRequest() {
    String body = "{\"dateTime\":\"2026-03-04T10:30:00+01:00\",\"channel\":\"phone\",\"summary\":\"a\","
        + "\"channel\":\"video\"}";

    HttpResponse<Buffer> response = post("contact-moment", body);

    assertProblem(response, 400, BAD_REQUEST);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("twee keer");
  }

  @Test
  void deeplyNestedJson_is400_withoutHarmingTheServer() {
    for (String body : List.of("[".repeat(10_000) + "]".repeat(10_000),
        "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
        "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1),
        "[".repeat(200_000))) {
      HttpResponse<Buffer> response = post("contact-moment", body);
      assertProblem(response, 400, BAD_REQUEST);
    }
    // still serving, and nesting up to the limit is not refused as too deep
    String deepButAllowed = "{\"summary\":" + "[".repeat(StrictJson.MAX_DEPTH - 1) + "]".repeat(StrictJson.MAX_DEPTH - 1) + "}";
    HttpResponse<Buffer> response = post("contact-moment", deepButAllowed);
    assertProblem(response, 400, INVALID_BODY);
  }

  @Test
  void tooDeep_saysSo() {
    HttpResponse<Buffer> response = post("contact-moment", "[".repeat(10_000) + "]".repeat(10_000));

    assertThat(response.bodyAsJsonObject().getString("detail")).contains("te diep genest");
  }

  @Test
  void numbersOutOfRange_are400BadRequest() {
    for (String number : List.of("1" + "0".repeat(30), "1e400", "-1e400")) {
      HttpResponse<Buffer> response = post("trajectory", "{\"sequenceNumber\":" + number + "}");
      assertProblem(response, 400, BAD_REQUEST);
    }
  }

  @Test
  void aBodyThatIsNotAnObject_isInvalidAtTheEmptyPointer() {
    HttpResponse<Buffer> response = post("trajectory", "[]");

    assertProblem(response, 400, INVALID_BODY);
    assertThat(pointers(response)).containsExactly("");
    assertThat(detailAt(response, "")).isEqualTo("Dit moet een object met velden ({ }) zijn.");
  }

  @Test
  void anUnknownSchema_isRefusedWhenTheRouteIsMounted() {
    assertThatThrownBy(() -> BodyValidation.against(CATALOG, "end-reprot"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end-reprot");
  }

  @Test
  void contentTypeCheck_acceptsOnlyJsonInUtf8() {
    assertThat(BodyValidation.isJson("application/json")).isTrue();
    assertThat(BodyValidation.isJson("Application/JSON ; charset=\"utf-8\"")).isTrue();
    assertThat(BodyValidation.isJson("application/json;charset=utf-16")).isFalse();
    assertThat(BodyValidation.isJson("application/problem+json")).isFalse();
    assertThat(BodyValidation.isJson(null)).isFalse();
  }

  /** The examples as files: the schemas module's sources, the same files its jar carries. */
  private static List<Path> examples(String schema, String kind) throws IOException {
    Path dir = ProjectFiles.root().resolve("schemas/src/main/resources/examples").resolve(schema).resolve(kind);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expect.json"))
          .sorted().toList();
    }
  }

  private static Buffer classpath(String resource) {
    try (InputStream in = BodyValidationTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
