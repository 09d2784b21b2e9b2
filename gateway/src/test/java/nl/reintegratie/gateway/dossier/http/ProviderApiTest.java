package nl.reintegratie.gateway.dossier.http;

import static nl.reintegratie.gateway.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.reintegratie.protocol.crypto.Ed25519;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.Goal;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.dossier.ProviderDossiers;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.SubmissionEvidence;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryType;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.http.RequestIds;
import nl.reintegratie.protocol.signature.ContentDigest;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.MessageSigner;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.protocol.signature.SignatureBase;
import nl.reintegratie.protocol.signature.SignatureParams;
import nl.reintegratie.gateway.signature.SignatureVerifier;
import nl.reintegratie.gateway.signature.VerificationPolicy;
import nl.reintegratie.gateway.signature.VerifiedSignature;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The provider API end to end on a real gateway (dev profile, so the demo providers of keys-dev are registered at
 * start): HTTPS requests signed with werkpad's and kansrijk's dev keys, responses checked with the gateway's dev
 * public key. Trajectories are created through the dossier service, since there is no commissioner API yet.
 */
@Timeout(180)
class ProviderApiTest {

  static final String WERKPAD_KEY_ID = "werkpad-ed25519-2026-1";
  static final String KANSRIJK_KEY_ID = "kansrijk-ed25519-2026-1";
  static final Ed25519SigningKey WERKPAD = signingKey("providers/werkpad/signing-ed25519.key");
  static final Ed25519SigningKey KANSRIJK = signingKey("providers/kansrijk/signing-ed25519.key");
  static final String GATEWAY_KEY_ID = "gateway-dev-ed25519-1";

  static final String END_REPORT = """
      {"properties":{"confidentiality":"standard","clientVisible":true,"transferability":"always"},
       "content":{"result":"placed","endDate":"2026-07-17","ladderStepAtStart":3,"ladderStepAtEnd":6,
        "placement":{"employerSector":"logistiek","contractType":"fixed-term","hoursPerWeek":24,
         "contractDurationMonths":12},
        "whatWasTried":["Sollicitatietraining in een groep.","Heftruckcertificaat."],
        "endConversation":{"held":true,"date":"2026-07-14",
         "experiences":"Ik vond de training eerst spannend, maar ik heb veel geleerd.",
         "expectations":"Ik wil na een jaar een vast contract."},
        "advice":{"text":"Nazorg de eerste drie maanden: een keer per maand contact."}}}
      """;

  @TempDir
  static Path storeDir;
  static Vertx vertx;
  static TestGateway gateway;
  static WebClient client;
  static String origin;
  static DossierService dossiers;
  static String werkpadFirst;
  static String werkpadSecond;
  static String kansrijkOnly;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    // the public base URL must name the real port: signatures cover the target URI
    gateway = TestGateway.start(vertx, storeDir, "http://127.0.0.1:" + freePort() + "/realms/reintegratie",
        freePort());
    client = gateway.client();
    origin = gateway.url();
    dossiers = gateway.gateway().dossiers();
    String fatima = dossiers.registerClient("999993653", new PersonalData("Fatima", "El Amrani",
        Optional.empty(), Optional.empty())).await();
    String jan = dossiers.registerClient("999991772", new PersonalData("Jan", "de Vries",
        Optional.empty(), Optional.empty())).await();
    werkpadFirst = trajectory(fatima, "werkpad", 1);
    kansrijkOnly = trajectory(jan, "kansrijk", 1);
    werkpadSecond = trajectory(jan, "werkpad", 2);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
  }

  static String trajectory(String clientId, String provider, int sequenceNumber) {
    Trajectory planned = Trajectory.plan(UUID.randomUUID().toString(), clientId, "gemeente-deventer", provider,
        Regime.PARTICIPATIEWET, TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 7, 5), sequenceNumber, Instant.now());
    return dossiers.createTrajectory(planned).await().trajectoryId();
  }

  // ------------------------------------------------------------------------------------------ reading

  @Test
  void list_showsExactlyTheCallersTrajectories_oldestFirst() {
    HttpResponse<Buffer> response = get(WERKPAD, WERKPAD_KEY_ID, "/api/v1/trajectories");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonArray trajectories = response.bodyAsJsonObject().getJsonArray("trajectories");
    // other tests add werkpad trajectories later; the two of the setup are the oldest
    assertThat(trajectories.stream().map(t -> ((JsonObject) t).getString("trajectoryId")).toList())
        .startsWith(werkpadFirst, werkpadSecond).doesNotContain(kansrijkOnly);
    assertThat(trajectories.stream().map(t -> ((JsonObject) t).getString("providerId")).distinct().toList())
        .containsExactly("werkpad");
    assertSignedByTheGateway(response);

    HttpResponse<Buffer> kansrijk = get(KANSRIJK, KANSRIJK_KEY_ID, "/api/v1/trajectories");
    assertThat(kansrijk.bodyAsJsonObject().getJsonArray("trajectories").stream()
        .map(t -> ((JsonObject) t).getString("trajectoryId")).toList()).containsExactly(kansrijkOnly);
  }

  @Test
  void ownTrajectory_isShownWithItsClearMetadataOnly() {
    HttpResponse<Buffer> response = get(WERKPAD, WERKPAD_KEY_ID, "/api/v1/trajectories/" + werkpadFirst);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject trajectory = response.bodyAsJsonObject();
    assertThat(trajectory.getString("trajectoryId")).isEqualTo(werkpadFirst);
    assertThat(trajectory.getString("commissionerId")).isEqualTo("gemeente-deventer");
    assertThat(trajectory.getString("providerId")).isEqualTo("werkpad");
    assertThat(trajectory.getString("regime")).isEqualTo("participatiewet");
    assertThat(trajectory.getString("type")).isEqualTo("placement");
    assertThat(trajectory.getString("goal")).isEqualTo("paid-work");
    assertThat(trajectory.getString("plannedStartDate")).isEqualTo("2026-01-05");
    assertThat(trajectory.getString("status")).isEqualTo("planned");
    assertThat(trajectory.getInteger("sequenceNumber")).isEqualTo(1);
    assertThat(response.bodyAsString()).doesNotContain("999993653", "Fatima", "Amrani");
    assertSignedByTheGateway(response);
  }

  @Test
  void anotherProvidersTrajectory_isNotFound_likeOneThatDoesNotExist() {
    HttpResponse<Buffer> foreign = get(WERKPAD, WERKPAD_KEY_ID, "/api/v1/trajectories/" + kansrijkOnly);
    HttpResponse<Buffer> missing = get(WERKPAD, WERKPAD_KEY_ID, "/api/v1/trajectories/" + UUID.randomUUID());

    assertProblem(foreign, 404, ProblemType.NOT_FOUND.uri());
    assertProblem(missing, 404, ProblemType.NOT_FOUND.uri());
    assertThat(foreign.bodyAsJsonObject().getString("detail"))
        .isEqualTo(missing.bodyAsJsonObject().getString("detail"));
  }

  @Test
  void unsignedRequest_isUnauthenticated() {
    HttpResponse<Buffer> response = client.get("/api/v1/trajectories").send().await();

    assertProblem(response, 401, ProblemType.UNAUTHENTICATED.uri());
    assertThat(response.getHeader("Accept-Signature")).contains("\"@target-uri\"");
  }

  // ------------------------------------------------------------------------------------------ submitting

  @Test
  void endReport_isStoredAsTheExactBody_withItsSignatureAsEvidence() throws Exception {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 3);
    String key = UUID.randomUUID().toString();
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);

    HttpResponse<Buffer> response = post(WERKPAD, WERKPAD_KEY_ID, trajectoryId, "end-reports", key, body);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    String documentId = response.bodyAsJsonObject().getString("documentId");
    assertThat(response.bodyAsJsonObject().getInteger("version")).isEqualTo(1);
    assertThat(documentId).isEqualTo(ProviderDossiers.documentId("werkpad", key));
    assertThat(response.getHeader("Location"))
        .isEqualTo("/api/v1/trajectories/" + trajectoryId + "/end-reports/" + documentId);
    assertThat(response.getHeader("Idempotent-Replayed")).isNull();
    assertSignedByTheGateway(response);

    DossierService.OpenedDocument stored = dossiers.readDocument(documentId, OptionalInt.empty())
        .await();
    assertThat(stored.content()).isEqualTo(body);
    assertThat(stored.header().type()).isEqualTo(DocumentType.END_REPORT);
    assertThat(stored.header().author()).isEqualTo("werkpad");
    assertThat(stored.header().trajectoryId()).isEqualTo(trajectoryId);

    SubmissionEvidence evidence = gateway.gateway().providerDossiers().evidence(documentId, 1)
        .await().orElseThrow();
    assertThat(evidence.keyId()).isEqualTo(WERKPAD_KEY_ID);
    assertThat(evidence.contentDigest()).isEqualTo(ContentDigest.sha256(body));
    assertThat(reverify(evidence, stored.content()).organisationId()).isEqualTo("werkpad");
  }

  @Test
  void submittedDocument_canBeFetchedAtItsLocation_onlyByItsProvider_andOnlyUnderItsKind() {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 9);
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);
    String location = post(WERKPAD, WERKPAD_KEY_ID, trajectoryId, "end-reports", UUID.randomUUID().toString(), body)
        .getHeader("Location");

    HttpResponse<Buffer> own = get(WERKPAD, WERKPAD_KEY_ID, location);
    HttpResponse<Buffer> foreign = get(KANSRIJK, KANSRIJK_KEY_ID, location);
    HttpResponse<Buffer> otherKind = get(WERKPAD, WERKPAD_KEY_ID, location.replace("/end-reports/", "/progress-reports/"));

    assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(200);
    assertThat(own.body().getBytes()).isEqualTo(body);
    assertThat(own.getHeader("Document-Version")).isEqualTo("1");
    assertSignedByTheGateway(own);
    assertProblem(foreign, 404, ProblemType.NOT_FOUND.uri());
    assertProblem(otherKind, 404, ProblemType.NOT_FOUND.uri());
  }

  @Test
  void repeatWithTheSameKeyAndBody_answersTheSameDocument_andStoresNothingNew() {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 4);
    String key = UUID.randomUUID().toString();
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);

    HttpResponse<Buffer> first = post(WERKPAD, WERKPAD_KEY_ID, trajectoryId, "end-reports", key, body);
    HttpResponse<Buffer> again = post(WERKPAD, WERKPAD_KEY_ID, trajectoryId, "end-reports", key, body);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.bodyAsJsonObject()).isEqualTo(first.bodyAsJsonObject());
    assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(documents(trajectoryId)).hasSize(1);
  }

  @Test
  void twoIdenticalRequestsRacing_storeOneDocument() {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 5);
    String key = UUID.randomUUID().toString();
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);

    List<Future<HttpResponse<Buffer>>> racing = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      racing.add(send(sign(WERKPAD, WERKPAD_KEY_ID, postMessage(trajectoryId, "end-reports", key, body)), body));
    }
    Future.all(racing).await();

    assertThat(racing.stream().map(r -> r.result().statusCode()).distinct().toList()).containsExactly(201);
    assertThat(racing.stream().map(r -> r.result().bodyAsJsonObject().getString("documentId")).distinct().count())
        .isEqualTo(1);
    assertThat(documents(trajectoryId)).hasSize(1);
  }

  @Test
  void theSameKeyWithAnotherBody_isRefused_andTheFirstDocumentStays() {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 6);
    String key = UUID.randomUUID().toString();
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);
    byte[] other = END_REPORT.replace("Heftruckcertificaat.", "Rijbewijs C.").getBytes(StandardCharsets.UTF_8);

    HttpResponse<Buffer> first = post(WERKPAD, WERKPAD_KEY_ID, trajectoryId, "end-reports", key, body);
    HttpResponse<Buffer> conflicting = post(WERKPAD, WERKPAD_KEY_ID, trajectoryId, "end-reports", key, other);

    assertThat(first.statusCode()).isEqualTo(201);
    assertProblem(conflicting, 422, ProblemType.IDEMPOTENCY_KEY_REUSED.uri());
    List<DocumentHeader> stored = documents(trajectoryId);
    assertThat(stored).hasSize(1);
    assertThat(dossiers.readDocument(stored.get(0).documentId(), OptionalInt.empty()).await()
        .content()).isEqualTo(body);
  }

  @Test
  void missingIdempotencyKey_isABadRequest() {
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);
    HttpMessage message = HttpMessage.request("POST", URI.create(origin + "/api/v1/trajectories/" + werkpadFirst
            + "/end-reports"))
        .withHeader("Content-Type", "application/json")
        .withHeader("Content-Digest", ContentDigest.sha256(body));

    HttpResponse<Buffer> response = send(sign(WERKPAD, WERKPAD_KEY_ID, message), body).await();

    assertProblem(response, 400, ProblemType.IDEMPOTENCY_KEY_MISSING.uri());
  }

  @Test
  void idempotencyKeyOutsideTheSignature_isRefused_andNothingIsStored() {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 8);
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);
    HttpMessage message = postMessage(trajectoryId, "end-reports", UUID.randomUUID().toString(), body);
    HttpMessage signedWithoutKey = new MessageSigner(WERKPAD).signed(message, "sig1", SignatureParams.of(
        List.of("@method", "@target-uri", "content-digest", "content-type"), Instant.now(), WERKPAD_KEY_ID,
        nonce(), null));

    HttpResponse<Buffer> response = send(signedWithoutKey, body).await();

    assertProblem(response, 400, ProblemType.IDEMPOTENCY_KEY_MISSING.uri());
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("idempotency-key");
    assertThat(documents(trajectoryId)).isEmpty();
  }

  @Test
  void invalidBody_isRefusedWithPointers_andNothingIsStored() {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 7);
    byte[] body = END_REPORT.replace("\"result\":\"placed\",", "").replace("\"ladderStepAtEnd\":6", "\"ladderStepAtEnd\":9")
        .getBytes(StandardCharsets.UTF_8);

    HttpResponse<Buffer> response = post(WERKPAD, WERKPAD_KEY_ID, trajectoryId, "end-reports",
        UUID.randomUUID().toString(), body);

    assertProblem(response, 400, ProblemType.INVALID_BODY.uri());
    List<String> pointers = response.bodyAsJsonObject().getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("pointer")).toList();
    assertThat(pointers).contains("/content/result", "/content/ladderStepAtEnd");
    assertThat(documents(trajectoryId)).isEmpty();
  }

  @Test
  void progressReport_isStored() {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 8);
    byte[] body = example("progress-report-submission/valid/standard.json");

    HttpResponse<Buffer> response = post(WERKPAD, WERKPAD_KEY_ID, trajectoryId, "progress-reports",
        UUID.randomUUID().toString(), body);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    assertThat(documents(trajectoryId)).extracting(DocumentHeader::type).containsExactly(DocumentType.PROGRESS_REPORT);
  }

  // ------------------------------------------------------------------------------------------ authorization matrix

  @Test
  void anotherProvider_cannotSubmitToAWerkpadTrajectory_andNothingIsStored() {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 9);
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);

    HttpResponse<Buffer> response = post(KANSRIJK, KANSRIJK_KEY_ID, trajectoryId, "end-reports",
        UUID.randomUUID().toString(), body);

    assertProblem(response, 404, ProblemType.NOT_FOUND.uri());
    assertThat(documents(trajectoryId)).isEmpty();
  }

  static Stream<String> trajectoryEndpoints() {
    return Stream.concat(Stream.of(""), Stream.of(DocumentKind.values()).map(kind -> "/" + kind.pathSegment));
  }

  /** Every endpoint under a trajectory: kansrijk gets 404 for werkpad's, even with a body that would be invalid. */
  @ParameterizedTest
  @MethodSource("trajectoryEndpoints")
  void everyTrajectoryEndpoint_answersAnotherProviderNotFound(String endpoint) {
    HttpResponse<Buffer> response;
    if (endpoint.isEmpty()) {
      response = get(KANSRIJK, KANSRIJK_KEY_ID, "/api/v1/trajectories/" + werkpadFirst);
    } else {
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      response = post(KANSRIJK, KANSRIJK_KEY_ID, werkpadFirst, endpoint.substring(1), UUID.randomUUID().toString(),
          body);
    }
    assertProblem(response, 404, ProblemType.NOT_FOUND.uri());
  }

  /** The list is the one endpoint without a trajectory in its path: there, another provider sees none of werkpad's. */
  @Test
  void theList_neverShowsAnotherProvidersTrajectory() {
    HttpResponse<Buffer> response = get(KANSRIJK, KANSRIJK_KEY_ID, "/api/v1/trajectories");
    assertThat(response.bodyAsString()).doesNotContain(werkpadFirst, werkpadSecond);
  }

  @ParameterizedTest
  @EnumSource(DocumentKind.class)
  void everyDocumentKind_isUnauthenticatedWithoutSignature(DocumentKind kind) {
    HttpResponse<Buffer> response = client.post("/api/v1/trajectories/" + werkpadFirst + "/" + kind.pathSegment)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(END_REPORT)).await();
    assertProblem(response, 401, ProblemType.UNAUTHENTICATED.uri());
  }

  // ------------------------------------------------------------------------------------------ helpers

  static String clientOf(String trajectoryId) {
    return dossiers.findTrajectory(trajectoryId).await().orElseThrow().clientId();
  }

  static List<DocumentHeader> documents(String trajectoryId) {
    return dossiers.listDocuments(trajectoryId).await();
  }

  static HttpResponse<Buffer> get(Ed25519SigningKey key, String keyId, String path) {
    HttpMessage message = HttpMessage.request("GET", URI.create(origin + path));
    return send(new MessageSigner(key).signed(message, "sig1", SignatureParams.of(List.of("@method", "@target-uri"),
        Instant.now(), keyId, nonce(), null)), new byte[0]).await();
  }

  static HttpMessage postMessage(String trajectoryId, String kind, String idempotencyKey, byte[] body) {
    return HttpMessage.request("POST", URI.create(origin + "/api/v1/trajectories/" + trajectoryId + "/" + kind))
        .withHeader("Content-Type", "application/json")
        .withHeader("Content-Digest", ContentDigest.sha256(body))
        .withHeader("Idempotency-Key", idempotencyKey);
  }

  /** Signs a new request each time (new nonce), covering the Idempotency-Key as a provider should. */
  static HttpResponse<Buffer> post(Ed25519SigningKey key, String keyId, String trajectoryId, String kind,
                                   String idempotencyKey, byte[] body) {
    return send(sign(key, keyId, postMessage(trajectoryId, kind, idempotencyKey, body)), body).await();
  }

  static HttpMessage sign(Ed25519SigningKey key, String keyId, HttpMessage message) {
    List<String> components = new ArrayList<>(List.of("@method", "@target-uri", "content-digest", "content-type"));
    if (message.field("idempotency-key").isPresent()) {
      components.add("idempotency-key");
    }
    return new MessageSigner(key).signed(message, "sig1",
        SignatureParams.of(components, Instant.now(), keyId, nonce(), null));
  }

  static Future<HttpResponse<Buffer>> send(HttpMessage signed, byte[] body) {
    String target = signed.targetUri().getRawPath();
    HttpRequest<Buffer> request = client.request(HttpMethod.valueOf(signed.method()), target);
    signed.headers().forEach((name, values) -> values.forEach(value -> request.headers().add(name, value)));
    return body.length == 0 ? request.send() : request.sendBuffer(Buffer.buffer(body));
  }

  /** Re-verifies kept evidence as a third party would: werkpad's public key, the stored content, no nonce memory. */
  static VerifiedSignature reverify(SubmissionEvidence evidence, byte[] content) {
    RegisteredKey werkpad = new RegisteredKey(WERKPAD_KEY_ID, "werkpad", "ed25519",
        pem("providers/werkpad/signing-ed25519.pub"), Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)), false);
    SignatureVerifier verifier = new SignatureVerifier(keyId -> Optional.of(werkpad).filter(k -> k.keyId().equals(keyId)),
        (keyId, nonce, expiresAt) -> Future.succeededFuture(true),
        VerificationPolicy.forRequests(Duration.ofDays(3650)), Clock.systemUTC());
    HttpMessage request = HttpMessage.request(evidence.method(), URI.create(evidence.targetUri()))
        .withHeader("Signature-Input", evidence.signatureInput())
        .withHeader("Signature", evidence.signature());
    for (var field : evidence.coveredFields().entrySet()) {
      request = request.withHeader(field.getKey(), field.getValue());
    }
    return verifier.verify(request, content).await();
  }

  static void assertSignedByTheGateway(HttpResponse<Buffer> response) {
    byte[] body = response.body().getBytes();
    assertThat(response.getHeader("Content-Digest")).isEqualTo(ContentDigest.sha256(body));
    Matcher input = Pattern.compile("gateway=(\\(.*\\));created=(\\d+);keyid=\"([^\"]+)\";nonce=\"([^\"]+)\"")
        .matcher(response.getHeader("Signature-Input"));
    assertThat(input.matches()).isTrue();
    assertThat(input.group(3)).isEqualTo(GATEWAY_KEY_ID);
    SignatureParams params = SignatureParams.of(List.of("@status", "content-type", "content-digest", "x-request-id"),
        Instant.ofEpochSecond(Long.parseLong(input.group(2))), input.group(3), input.group(4), null);
    HttpMessage received = HttpMessage.response(response.statusCode())
        .withHeader("Content-Type", response.getHeader("Content-Type"))
        .withHeader("Content-Digest", response.getHeader("Content-Digest"))
        .withHeader("X-Request-ID", response.getHeader(RequestIds.HEADER));
    Matcher signature = Pattern.compile("gateway=:([A-Za-z0-9+/=]+):").matcher(response.getHeader("Signature"));
    assertThat(signature.matches()).isTrue();
    assertThat(Ed25519.verify(pem("gateway/signing-ed25519.pub"), SignatureBase.build(received, params),
        Base64.getDecoder().decode(signature.group(1)))).as("response signature verifies").isTrue();
  }

  static byte[] example(String relative) {
    try (var in = ProviderApiTest.class.getResourceAsStream("/examples/" + relative)) {
      return in.readAllBytes();
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("example " + relative + " is not on the class path", e);
    }
  }

  static String nonce() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static Ed25519SigningKey signingKey(String relative) {
    return Ed25519SigningKey.fromPkcs8(pem(relative));
  }

  static byte[] pem(String relative) {
    try {
      String text = Files.readString(ProjectFiles.keysDev().resolve(relative));
      return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
