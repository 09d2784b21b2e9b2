package nl.reintegratie.gateway.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.reintegratie.client.GatewayResponse;
import nl.reintegratie.client.ProblemResponseException;
import nl.reintegratie.client.ProviderClient;
import nl.reintegratie.client.TlsTrust;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.testsupport.Handovers;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.transfer.Grant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release routes over HTTPS with the provider reference client, as kansrijk's and werkpad's systems would call
 * them: every answer verified against the gateway's key, the release opened with the caller's own X25519 key.
 */
@Timeout(120)
class ReleaseRoutesTest {

  static final String END_REPORT = """
      {"properties":{"confidentiality":"standard","clientVisible":true,"transferability":"always"},
       "content":{"result":"ended-without-result","endDate":"2026-07-17","ladderStepAtStart":3,"ladderStepAtEnd":3,
        "causesOfNonSuccess":{"causes":["no-click"],"explanation":"Geen klik met de coach."},
        "whatWasTried":["Sollicitatietraining."],
        "endConversation":{"held":false},
        "advice":{"text":"Een werkervaringsplaats."}}}
      """;

  @TempDir
  static Path storeDir;
  static Vertx vertx;
  static TestGateway gateway;
  static ProviderClient kansrijk;
  static ProviderClient werkpad;
  static Grant available;
  static Grant revoked;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, storeDir, "http://127.0.0.1:" + Handovers.freePort() + "/realms/reintegratie",
        Handovers.freePort());
    kansrijk = Handovers.client(gateway, "kansrijk");
    werkpad = Handovers.client(gateway, "werkpad");
    DossierService dossiers = gateway.gateway().dossiers();
    String client = dossiers.registerClient("999993653", new PersonalData("Fatima", "El Amrani", Optional.empty(),
        Optional.empty())).await();
    String first = Handovers.trajectory(dossiers, client, "werkpad", 1);
    String second = Handovers.trajectory(dossiers, client, "kansrijk", 2);
    DocumentHeader endReport = dossiers.addDocument(first, DocumentType.END_REPORT, new DossierService.NewContent(
        DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json",
        END_REPORT.getBytes(StandardCharsets.UTF_8), "werkpad")).await();
    Instant now = Instant.now();
    List<DocumentRef> documents = List.of(new DocumentRef(endReport.documentId(), 1));
    available = Handovers.grant(gateway.gateway(), client, first, second, "kansrijk", documents,
        Optional.of(now.minusSeconds(60)), Duration.ZERO, Duration.ofDays(30), Optional.empty());
    revoked = Handovers.grant(gateway.gateway(), client, first, second, "kansrijk", documents, // granted later
        Optional.of(now.minusSeconds(30)), Duration.ZERO, Duration.ofDays(30), Optional.of(now));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
  }

  @Test
  void theRecipient_listsItsReleasesWithTheirStatus() throws Exception {
    GatewayResponse response = kansrijk.releases();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.verified()).isTrue();
    JsonArray releases = new JsonObject(response.bodyText()).getJsonArray("releases");
    assertThat(releases.stream().map(r -> ((JsonObject) r).getString("releaseId")).toList())
        .containsExactly(available.grantId(), revoked.grantId());
    JsonObject first = releases.getJsonObject(0);
    assertThat(first.getString("status")).isEqualTo("available");
    assertThat(first.getString("legalBasis")).isEqualTo("participatiewet-art-67-lid-1-e");
    assertThat(first.getInteger("documentCount")).isEqualTo(1);
    assertThat(releases.getJsonObject(1).getString("status")).isEqualTo("revoked");
  }

  @Test
  void theRecipient_fetchesAndOpensTheEndReportAsSubmitted() throws Exception {
    JsonObject content = new JsonObject(new String(kansrijk.fetchRelease(available.grantId()),
        StandardCharsets.UTF_8));

    assertThat(content.getString("releaseId")).isEqualTo(available.grantId());
    assertThat(content.getJsonArray("documents").getJsonObject(0).getJsonObject("content"))
        .isEqualTo(new JsonObject(END_REPORT));
  }

  @Test
  void anotherProvider_neitherListsNorFetchesIt_404LikeAMissingRelease() throws Exception {
    assertThat(new JsonObject(werkpad.releases().bodyText()).getJsonArray("releases")).isEmpty();

    ProblemResponseException foreign = catchThrowableOfType(ProblemResponseException.class,
        () -> werkpad.fetchRelease(available.grantId()));
    ProblemResponseException missing = catchThrowableOfType(ProblemResponseException.class,
        () -> werkpad.fetchRelease(UUID.randomUUID().toString()));

    assertThat(foreign.response().status()).isEqualTo(404);
    assertThat(foreign.response().verified()).isTrue();
    assertThat(problemType(foreign)).isEqualTo("urn:nl-reintegratie:problem:not-found");
    assertThat(problemDetail(foreign)).isEqualTo(problemDetail(missing));
  }

  @Test
  void aRevokedRelease_isGone_withItsOwnProblemType() {
    ProblemResponseException gone = catchThrowableOfType(ProblemResponseException.class,
        () -> kansrijk.fetchRelease(revoked.grantId()));

    assertThat(gone.response().status()).isEqualTo(410);
    assertThat(problemType(gone)).isEqualTo("urn:nl-reintegratie:problem:release-revoked");
    // refusals are signed like answers: a provider can tell the gateway's 410 from one made up on the way
    assertThat(gone.response().verified()).isTrue();
  }

  @Test
  void anUnsignedRequest_isRefused_withASignedProblem() throws Exception {
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
        .sslContext(TlsTrust.fromCaPem(ProjectFiles.devCa()).sslContext()).build()
        .send(java.net.http.HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/releases")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(response.body()).getString("type"))
        .isEqualTo("urn:nl-reintegratie:problem:unauthenticated");
    assertThat(response.headers().firstValue("Signature-Input")).hasValueSatisfying(input -> assertThat(input)
        .startsWith("gateway=(\"@status\" \"content-type\" \"content-digest\""));
    assertThat(response.headers().firstValue("Signature")).isPresent();
  }

  private static String problemType(ProblemResponseException problem) {
    return new JsonObject(problem.response().bodyText()).getString("type");
  }

  private static String problemDetail(ProblemResponseException problem) {
    return new JsonObject(problem.response().bodyText()).getString("detail");
  }
}
