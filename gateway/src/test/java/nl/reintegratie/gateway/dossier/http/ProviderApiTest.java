package nl.reintegratie.gateway.dossier.http;

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
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.reintegratie.client.GatewayKey;
import nl.reintegratie.client.GatewayResponse;
import nl.reintegratie.client.ProviderClient;
import nl.reintegratie.client.ProviderCredentials;
import nl.reintegratie.client.TlsTrust;
import nl.reintegratie.protocol.crypto.Ed25519;
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
import nl.reintegratie.gateway.http.ProblemAssertions;
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
 * start). Well-formed calls go through the provider reference client ({@code provider-client}) with werkpad's and
 * kansrijk's dev folders, exactly as a provider makes them; the client verifies every response against the
 * gateway's dev public key, and {@link #assertSignedByTheGateway} checks it once more independently. Requests that
 * are deliberately wrong (unsigned, an unsigned or missing Idempotency-Key) are built by hand. Trajectories are
 * created through the dossier service, which needs no Keycloak (the commissioner API's
 * own test, {@code CommissionerApiTest}, creates them through that API).
 */
@Timeout(180)
class ProviderApiTest {

  static final String GATEWAY_KEY_ID = "gateway-dev-ed25519-1";
  // the client's DocumentKind, written out in full: this package has the gateway's own enum of that name
  static final nl.reintegratie.client.DocumentKind END_REPORTS = nl.reintegratie.client.DocumentKind.END_REPORT;

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
  /** For the deliberately unsigned or malformed requests only. */
  static WebClient client;
  static String origin;
  static ProviderCredentials werkpadKeys;
  static ProviderCredentials kansrijkKeys;
  static ProviderClient werkpad;
  static ProviderClient kansrijk;
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
    werkpadKeys = ProviderCredentials.fromFolder(ProjectFiles.keysDev().resolve("providers/werkpad"));
    kansrijkKeys = ProviderCredentials.fromFolder(ProjectFiles.keysDev().resolve("providers/kansrijk"));
    werkpad = providerClient(werkpadKeys);
    kansrijk = providerClient(kansrijkKeys);
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
    werkpadKeys.close();
    kansrijkKeys.close();
  }

  /** A provider's client as the README shows it: the gateway's public URL and key, the dev CA. */
  static ProviderClient providerClient(ProviderCredentials credentials) throws IOException {
    return ProviderClient.builder(credentials, URI.create(origin),
            GatewayKey.fromFolder(ProjectFiles.keysDev().resolve("gateway")))
        .trust(TlsTrust.fromCaPem(ProjectFiles.devCa()))
        .build();
  }

  static String trajectory(String clientId, String provider, int sequenceNumber) {
    Trajectory planned = Trajectory.plan(UUID.randomUUID().toString(), clientId, "gemeente-deventer", provider,
        Regime.PARTICIPATIEWET, TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 7, 5), sequenceNumber, Instant.now());
    return dossiers.createTrajectory(planned).await().trajectoryId();
  }

  // ------------------------------------------------------------------------------------------ reading

  @Test
  void list_showsExactlyTheCallersTrajectories_oldestFirst() throws Exception {
    GatewayResponse response = werkpad.trajectories();

    assertThat(response.status()).isEqualTo(200);
    JsonArray trajectories = json(response).getJsonArray("trajectories");
    // other tests add werkpad trajectories later; the two of the setup are the oldest
    assertThat(trajectories.stream().map(t -> ((JsonObject) t).getString("trajectoryId")).toList())
        .startsWith(werkpadFirst, werkpadSecond).doesNotContain(kansrijkOnly);
    assertThat(trajectories.stream().map(t -> ((JsonObject) t).getString("providerId")).distinct().toList())
        .containsExactly("werkpad");
    assertSignedByTheGateway(response);

    assertThat(json(kansrijk.trajectories()).getJsonArray("trajectories").stream()
        .map(t -> ((JsonObject) t).getString("trajectoryId")).toList()).containsExactly(kansrijkOnly);
  }

  @Test
  void ownTrajectory_isShownWithItsClearMetadataOnly() throws Exception {
    GatewayResponse response = werkpad.trajectory(werkpadFirst);

    assertThat(response.status()).isEqualTo(200);
    JsonObject trajectory = json(response);
    assertThat(trajectory.getString("trajectoryId")).isEqualTo(werkpadFirst);
    assertThat(trajectory.getString("commissionerId")).isEqualTo("gemeente-deventer");
    assertThat(trajectory.getString("providerId")).isEqualTo("werkpad");
    assertThat(trajectory.getString("regime")).isEqualTo("participatiewet");
    assertThat(trajectory.getString("type")).isEqualTo("placement");
    assertThat(trajectory.getString("goal")).isEqualTo("paid-work");
    assertThat(trajectory.getString("plannedStartDate")).isEqualTo("2026-01-05");
    assertThat(trajectory.getString("status")).isEqualTo("planned");
    assertThat(trajectory.getInteger("sequenceNumber")).isEqualTo(1);
    assertThat(response.bodyText()).doesNotContain("999993653", "Fatima", "Amrani");
    assertSignedByTheGateway(response);
  }

  @Test
  void anotherProvidersTrajectory_isNotFound_likeOneThatDoesNotExist() throws Exception {
    GatewayResponse foreign = werkpad.trajectory(kansrijkOnly);
    GatewayResponse missing = werkpad.trajectory(UUID.randomUUID().toString());

    assertProblem(foreign, 404, ProblemType.NOT_FOUND.uri());
    assertProblem(missing, 404, ProblemType.NOT_FOUND.uri());
    assertThat(json(foreign).getString("detail")).isEqualTo(json(missing).getString("detail"));
  }

  @Test
  void unsignedRequest_isUnauthenticated() {
    HttpResponse<Buffer> response = client.get("/api/v1/trajectories").send().await();

    ProblemAssertions.assertProblem(response, 401, ProblemType.UNAUTHENTICATED.uri());
    assertThat(response.getHeader("Accept-Signature")).contains("\"@target-uri\"");
  }

  // ------------------------------------------------------------------------------------------ submitting

  @Test
  void aContactMoment_movesTheTrajectorysLastContactForward_neverBack() throws Exception {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 4);
    String later = "{\"properties\":{\"confidentiality\":\"standard\",\"clientVisible\":true,"
        + "\"transferability\":\"with-justification\"},\"content\":{\"dateTime\":\"2026-06-30T22:30:00Z\","
        + "\"channel\":\"phone\",\"summary\":\"Gebeld over de sollicitatie van morgen.\"}}";
    String earlier = later.replace("2026-06-30T22:30:00Z", "2026-03-02T09:00:00Z");

    assertThat(werkpad.submit(trajectoryId, nl.reintegratie.client.DocumentKind.CONTACT_MOMENT,
        later.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString()).status()).isEqualTo(201);
    assertThat(werkpad.submit(trajectoryId, nl.reintegratie.client.DocumentKind.CONTACT_MOMENT,
        earlier.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString()).status()).isEqualTo(201);

    // 22:30 UTC on 30 June is already 1 July in the Netherlands
    assertThat(json(werkpad.trajectory(trajectoryId)).getString("lastContactDate")).isEqualTo("2026-07-01");
  }

  @Test
  void endReport_isStoredAsTheExactBody_withItsSignatureAsEvidence() throws Exception {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 3);
    String key = UUID.randomUUID().toString();
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);

    GatewayResponse response = werkpad.submit(trajectoryId, END_REPORTS, body, key);

    assertThat(response.status()).as(response.bodyText()).isEqualTo(201);
    String documentId = json(response).getString("documentId");
    assertThat(json(response).getInteger("version")).isEqualTo(1);
    assertThat(documentId).isEqualTo(ProviderDossiers.documentId("werkpad", key));
    assertThat(response.header("Location"))
        .contains("/api/v1/trajectories/" + trajectoryId + "/end-reports/" + documentId);
    assertThat(response.header("Idempotent-Replayed")).isEmpty();
    assertSignedByTheGateway(response);

    DossierService.OpenedDocument stored = dossiers.readDocument(documentId, OptionalInt.empty())
        .await();
    assertThat(stored.content()).isEqualTo(body);
    assertThat(stored.header().type()).isEqualTo(DocumentType.END_REPORT);
    assertThat(stored.header().author()).isEqualTo("werkpad");
    assertThat(stored.header().trajectoryId()).isEqualTo(trajectoryId);

    SubmissionEvidence evidence = gateway.gateway().providerDossiers().evidence(documentId, 1)
        .await().orElseThrow();
    assertThat(evidence.keyId()).isEqualTo(werkpadKeys.signingKeyId());
    assertThat(evidence.contentDigest()).isEqualTo(ContentDigest.sha256(body));
    assertThat(reverify(evidence, stored.content()).organisationId()).isEqualTo("werkpad");
  }

  @Test
  void submittedDocument_canBeFetchedAtItsLocation_onlyByItsProvider_andOnlyUnderItsKind() throws Exception {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 9);
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);
    GatewayResponse created = werkpad.submit(trajectoryId, END_REPORTS, body, UUID.randomUUID().toString());
    String location = created.header("Location").orElseThrow();
    String documentId = json(created).getString("documentId");

    GatewayResponse own = werkpad.send("GET", location, null);
    GatewayResponse foreign = kansrijk.document(trajectoryId, END_REPORTS, documentId);
    GatewayResponse otherKind = werkpad.document(trajectoryId, nl.reintegratie.client.DocumentKind.PROGRESS_REPORT,
        documentId);

    assertThat(own.status()).as(own.bodyText()).isEqualTo(200);
    assertThat(own.body()).isEqualTo(body);
    assertThat(own.header("Document-Version")).contains("1");
    assertThat(werkpad.document(trajectoryId, END_REPORTS, documentId).body()).isEqualTo(body);
    assertSignedByTheGateway(own);
    assertProblem(foreign, 404, ProblemType.NOT_FOUND.uri());
    assertProblem(otherKind, 404, ProblemType.NOT_FOUND.uri());
    // each of the two reads is a disclosure in the client's log; the refused ones are not
    assertThat(gateway.gateway().disclosureLog().entriesOf(clientOf(trajectoryId)).await().entries().stream()
        .map(proven -> proven.entry().entry())
        .filter(entry -> entry.kind() == nl.reintegratie.gateway.audit.DisclosureKind.CLIENT_DATA_READ)
        .filter(entry -> entry.subjects().contains(
            nl.reintegratie.gateway.audit.SubjectRef.document(documentId, 1))))
        .hasSize(2)
        .allSatisfy(entry -> {
          assertThat(entry.organisationId()).isEqualTo("werkpad");
          assertThat(entry.reason()).contains("provider-document");
        });
  }

  @Test
  void repeatWithTheSameKeyAndBody_answersTheSameDocument_andStoresNothingNew() throws Exception {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 4);
    String key = UUID.randomUUID().toString();
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);

    GatewayResponse first = werkpad.submit(trajectoryId, END_REPORTS, body, key);
    GatewayResponse again = werkpad.submit(trajectoryId, END_REPORTS, body, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(json(again)).isEqualTo(json(first));
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertSignedByTheGateway(again);
    assertThat(documents(trajectoryId)).hasSize(1);
  }

  @Test
  void twoIdenticalRequestsRacing_storeOneDocument() throws Exception {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 5);
    String key = UUID.randomUUID().toString();
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);

    List<GatewayResponse> racing = new ArrayList<>();
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Callable<GatewayResponse>> submissions = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        submissions.add(() -> werkpad.submit(trajectoryId, END_REPORTS, body, key));
      }
      for (java.util.concurrent.Future<GatewayResponse> submission : callers.invokeAll(submissions)) {
        racing.add(submission.get());
      }
    } finally {
      callers.shutdownNow();
    }

    assertThat(racing.stream().map(GatewayResponse::status).distinct().toList()).containsExactly(201);
    assertThat(racing.stream().map(r -> json(r).getString("documentId")).distinct().count()).isEqualTo(1);
    assertThat(documents(trajectoryId)).hasSize(1);
  }

  @Test
  void theSameKeyWithAnotherBody_isRefused_andTheFirstDocumentStays() throws Exception {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 6);
    String key = UUID.randomUUID().toString();
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);
    byte[] other = END_REPORT.replace("Heftruckcertificaat.", "Rijbewijs C.").getBytes(StandardCharsets.UTF_8);

    GatewayResponse first = werkpad.submit(trajectoryId, END_REPORTS, body, key);
    GatewayResponse conflicting = werkpad.submit(trajectoryId, END_REPORTS, other, key);

    assertThat(first.status()).isEqualTo(201);
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

    HttpResponse<Buffer> response = send(sign(werkpadKeys, message), body).await();

    ProblemAssertions.assertProblem(response, 400, ProblemType.IDEMPOTENCY_KEY_MISSING.uri());
  }

  @Test
  void idempotencyKeyOutsideTheSignature_isRefused_andNothingIsStored() {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 8);
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);
    HttpMessage message = postMessage(trajectoryId, "end-reports", UUID.randomUUID().toString(), body);
    HttpMessage signedWithoutKey = new MessageSigner(werkpadKeys.signingKey()).signed(message, "sig1",
        SignatureParams.of(List.of("@method", "@target-uri", "content-digest", "content-type"), Instant.now(),
            werkpadKeys.signingKeyId(), nonce(), null));

    HttpResponse<Buffer> response = send(signedWithoutKey, body).await();

    ProblemAssertions.assertProblem(response, 400, ProblemType.IDEMPOTENCY_KEY_MISSING.uri());
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("idempotency-key");
    assertThat(documents(trajectoryId)).isEmpty();
  }

  @Test
  void invalidBody_isRefusedWithPointers_andNothingIsStored() throws Exception {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 7);
    byte[] body = END_REPORT.replace("\"result\":\"placed\",", "").replace("\"ladderStepAtEnd\":6", "\"ladderStepAtEnd\":9")
        .getBytes(StandardCharsets.UTF_8);

    GatewayResponse response = werkpad.submit(trajectoryId, END_REPORTS, body, UUID.randomUUID().toString());

    assertProblem(response, 400, ProblemType.INVALID_BODY.uri());
    List<String> pointers = json(response).getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("pointer")).toList();
    assertThat(pointers).contains("/content/result", "/content/ladderStepAtEnd");
    assertThat(documents(trajectoryId)).isEmpty();
  }

  @Test
  void progressReport_isStored() throws Exception {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 8);
    byte[] body = example("progress-report-submission/valid/standard.json");

    GatewayResponse response = werkpad.submit(trajectoryId, nl.reintegratie.client.DocumentKind.PROGRESS_REPORT, body,
        UUID.randomUUID().toString());

    assertThat(response.status()).as(response.bodyText()).isEqualTo(201);
    assertThat(documents(trajectoryId)).extracting(DocumentHeader::type).containsExactly(DocumentType.PROGRESS_REPORT);
  }

  // ------------------------------------------------------------------------------------------ authorization matrix

  @Test
  void anotherProvider_cannotSubmitToAWerkpadTrajectory_andNothingIsStored() throws Exception {
    String trajectoryId = trajectory(clientOf(werkpadFirst), "werkpad", 9);
    byte[] body = END_REPORT.getBytes(StandardCharsets.UTF_8);

    GatewayResponse response = kansrijk.submit(trajectoryId, END_REPORTS, body, UUID.randomUUID().toString());

    assertProblem(response, 404, ProblemType.NOT_FOUND.uri());
    assertThat(documents(trajectoryId)).isEmpty();
  }

  static Stream<String> trajectoryEndpoints() {
    return Stream.concat(Stream.of(""), Stream.of(DocumentKind.values()).map(kind -> "/" + kind.pathSegment));
  }

  /** Every endpoint under a trajectory: kansrijk gets 404 for werkpad's, even with a body that would be invalid. */
  @ParameterizedTest
  @MethodSource("trajectoryEndpoints")
  void everyTrajectoryEndpoint_answersAnotherProviderNotFound(String endpoint) throws Exception {
    GatewayResponse response;
    if (endpoint.isEmpty()) {
      response = kansrijk.trajectory(werkpadFirst);
    } else {
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      response = kansrijk.submit(werkpadFirst, nl.reintegratie.client.DocumentKind.fromPathSegment(
          endpoint.substring(1)), body, UUID.randomUUID().toString());
    }
    assertProblem(response, 404, ProblemType.NOT_FOUND.uri());
  }

  /** The list is the one endpoint without a trajectory in its path: there, another provider sees none of werkpad's. */
  @Test
  void theList_neverShowsAnotherProvidersTrajectory() throws Exception {
    GatewayResponse response = kansrijk.trajectories();
    assertThat(response.bodyText()).doesNotContain(werkpadFirst, werkpadSecond);
  }

  /** The reference client knows exactly the gateway's document kinds, by the same path segments. */
  @Test
  void theClientsDocumentKinds_areTheGateways() {
    assertThat(Stream.of(nl.reintegratie.client.DocumentKind.values()).map(k -> k.pathSegment()).toList())
        .containsExactlyInAnyOrderElementsOf(Stream.of(DocumentKind.values()).map(k -> k.pathSegment).toList());
  }

  @ParameterizedTest
  @EnumSource(DocumentKind.class)
  void everyDocumentKind_isUnauthenticatedWithoutSignature(DocumentKind kind) {
    HttpResponse<Buffer> response = client.post("/api/v1/trajectories/" + werkpadFirst + "/" + kind.pathSegment)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(END_REPORT)).await();
    ProblemAssertions.assertProblem(response, 401, ProblemType.UNAUTHENTICATED.uri());
  }

  // ------------------------------------------------------------------------------------------ helpers

  static String clientOf(String trajectoryId) {
    return dossiers.findTrajectory(trajectoryId).await().orElseThrow().clientId();
  }

  static List<DocumentHeader> documents(String trajectoryId) {
    return dossiers.listDocuments(trajectoryId).await();
  }

  static HttpMessage postMessage(String trajectoryId, String kind, String idempotencyKey, byte[] body) {
    return HttpMessage.request("POST", URI.create(origin + "/api/v1/trajectories/" + trajectoryId + "/" + kind))
        .withHeader("Content-Type", "application/json")
        .withHeader("Content-Digest", ContentDigest.sha256(body))
        .withHeader("Idempotency-Key", idempotencyKey);
  }

  /** Signs a hand-built request with the provider's key, covering the Idempotency-Key when it has one. */
  static HttpMessage sign(ProviderCredentials provider, HttpMessage message) {
    List<String> components = new ArrayList<>(List.of("@method", "@target-uri", "content-digest", "content-type"));
    if (message.field("idempotency-key").isPresent()) {
      components.add("idempotency-key");
    }
    return new MessageSigner(provider.signingKey()).signed(message, "sig1",
        SignatureParams.of(components, Instant.now(), provider.signingKeyId(), nonce(), null));
  }

  static Future<HttpResponse<Buffer>> send(HttpMessage signed, byte[] body) {
    String target = signed.targetUri().getRawPath();
    HttpRequest<Buffer> request = client.request(HttpMethod.valueOf(signed.method()), target);
    signed.headers().forEach((name, values) -> values.forEach(value -> request.headers().add(name, value)));
    return body.length == 0 ? request.send() : request.sendBuffer(Buffer.buffer(body));
  }

  /** Re-verifies kept evidence as a third party would: werkpad's public key, the stored content, no nonce memory. */
  static VerifiedSignature reverify(SubmissionEvidence evidence, byte[] content) {
    RegisteredKey werkpadKey = new RegisteredKey(werkpadKeys.signingKeyId(), "werkpad", "ed25519",
        pem("providers/werkpad/signing-ed25519.pub"), Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)), false);
    SignatureVerifier verifier = new SignatureVerifier(keyId -> Optional.of(werkpadKey).filter(k -> k.keyId().equals(keyId)),
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

  /**
   * The client verified the response already (it hands out no unverified 2xx); this checks the same independently,
   * by the gateway's documented format, so a too lenient client cannot hide a gateway that signs wrongly.
   */
  static void assertSignedByTheGateway(GatewayResponse response) {
    assertThat(response.verified()).isTrue();
    byte[] body = response.body();
    assertThat(response.header("Content-Digest")).contains(ContentDigest.sha256(body));
    Matcher input = Pattern.compile("gateway=(\\(.*\\));created=(\\d+);keyid=\"([^\"]+)\";nonce=\"([^\"]+)\"")
        .matcher(response.header("Signature-Input").orElseThrow());
    assertThat(input.matches()).isTrue();
    assertThat(input.group(3)).isEqualTo(GATEWAY_KEY_ID);
    SignatureParams params = SignatureParams.of(List.of("@status", "content-type", "content-digest", "x-request-id"),
        Instant.ofEpochSecond(Long.parseLong(input.group(2))), input.group(3), input.group(4), null);
    HttpMessage received = HttpMessage.response(response.status())
        .withHeader("Content-Type", response.header("Content-Type").orElseThrow())
        .withHeader("Content-Digest", response.header("Content-Digest").orElseThrow())
        .withHeader("X-Request-ID", response.header(RequestIds.HEADER).orElseThrow());
    Matcher signature = Pattern.compile("gateway=:([A-Za-z0-9+/=]+):")
        .matcher(response.header("Signature").orElseThrow());
    assertThat(signature.matches()).isTrue();
    assertThat(Ed25519.verify(pem("gateway/signing-ed25519.pub"), SignatureBase.build(received, params),
        Base64.getDecoder().decode(signature.group(1)))).as("response signature verifies").isTrue();
  }

  /**
   * A problem answered to the client: signed by the gateway like every answer of a provider route, otherwise as
   * every problem
   * ({@link ProblemAssertions#assertProblem} checks the hand-built requests' problems, security headers included).
   */
  static void assertProblem(GatewayResponse response, int status, String type) {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
    assertThat(response.verified()).as("problem signed by the gateway").isTrue();
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    JsonObject problem = json(response);
    assertThat(problem.getString("type")).isEqualTo(type);
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(problem.getString("instance")).isEqualTo("urn:uuid:" + response.requestId().orElseThrow());
  }

  static JsonObject json(GatewayResponse response) {
    return new JsonObject(Buffer.buffer(response.body()));
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

  static byte[] pem(String relative) {
    try {
      String text = Files.readString(ProjectFiles.keysDev().resolve(relative));
      return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
