package nl.reintegratie.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import nl.reintegratie.client.DocumentKind;
import nl.reintegratie.client.GatewayResponse;
import nl.reintegratie.client.ProblemResponseException;
import nl.reintegratie.client.ProviderClient;
import nl.reintegratie.gateway.audit.CheckpointVerifier;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.audit.EntryEncoding;
import nl.reintegratie.gateway.audit.EntryFields;
import nl.reintegratie.gateway.audit.InclusionProof;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.audit.TreeHash;
import nl.reintegratie.gateway.audit.TreeHasher;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.events.bus.EventBusDomainEvents;
import nl.reintegratie.gateway.http.OpenApiRoute;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.testsupport.CapturedLogs;
import nl.reintegratie.gateway.testsupport.DemoAccounts;
import nl.reintegratie.gateway.testsupport.Handovers;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import nl.reintegratie.gateway.testsupport.PortalBrowser;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.GrantTexts;
import nl.reintegratie.gateway.transfer.Objection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client API end to end: a real gateway (dev profile: werkpad and kansrijk are registered providers), the demo
 * users logged in through the real Keycloak like a browser (the clients fatima and jan, sanne who has no dossier, and
 * the case manager of gemeente-deventer), Fatima's first trajectory commissioned, reported on and ended through the
 * commissioner and provider APIs, and grants made in the repository (the commissioner's grant route is another
 * part of the work) with the client's notice stored.
 */
@Timeout(300)
class ClientApiTest {

  static final String ME = "/api/v1/me";
  static final Map<String, String> PORTAL = Map.of("X-Portal-Request", "1");
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
  static final String EXPLANATION = "We passen het traject aan: Fatima krijgt een andere coach bij werkpad";
  static final String REASON = "Mijn eindverslag wil ik eerst zelf met de nieuwe coach bespreken";

  @TempDir
  static Path storeDir;
  static Vertx vertx;
  static TestGateway gateway;
  static DossierService dossiers;
  static ProviderClient werkpad;
  static ProviderClient kansrijk;
  static PortalBrowser fatima;
  static PortalBrowser jan;
  static PortalBrowser sanne;
  static PortalBrowser casemanager;
  static String fatimaId;
  static String janId;
  static String first;
  static String second;
  static String janTrajectory;
  static String hiddenReport;
  static String reportBack;
  static String endReport;
  static byte[] endReportBody;
  static Grant grant;
  static final List<JsonObject> EVENTS = new CopyOnWriteArrayList<>();
  static CapturedLogs LOGS;

  @BeforeAll
  static void start() throws Exception {
    LOGS = CapturedLogs.ofRoot();
    KeycloakTestServer keycloak = KeycloakTestServer.get(KeycloakTestServer.gatewayBaseUrl());
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, storeDir, keycloak.issuer(), KeycloakTestServer.gatewayPort());
    vertx.eventBus().<JsonObject>consumer(EventBusDomainEvents.address("objection-raised"),
        message -> EVENTS.add(message.body()));
    dossiers = gateway.gateway().dossiers();
    werkpad = Handovers.client(gateway, "werkpad");
    kansrijk = Handovers.client(gateway, "kansrijk");
    fatimaId = dossiers.registerClient(DemoAccounts.FATIMA.bsn(), new PersonalData("Fatima", "El Amrani",
        Optional.empty(), Optional.empty())).await();
    janId = dossiers.registerClient(DemoAccounts.JAN.bsn(), new PersonalData("Jan", "de Vries", Optional.empty(),
        Optional.empty())).await();
    fatima = PortalBrowser.loggedIn(gateway.url(), DemoAccounts.FATIMA);
    jan = PortalBrowser.loggedIn(gateway.url(), DemoAccounts.JAN);
    sanne = PortalBrowser.loggedIn(gateway.url(), DemoAccounts.SANNE);
    casemanager = PortalBrowser.loggedIn(gateway.url(), DemoAccounts.CASE_MANAGER);

    first = commission(fatimaId, "werkpad", 1);
    second = commission(fatimaId, "kansrijk", 2);
    janTrajectory = commission(janId, "werkpad", 1);
    hiddenReport = submit(first, DocumentKind.PROGRESS_REPORT, progressReport(false));
    reportBack = submit(first, DocumentKind.REPORT_BACK, reportBackBody());
    decide(first, reportBack, new JsonObject().put("decision", "rejected").put("decisionDate", TODAY.toString())
        .put("explanation", EXPLANATION));
    endReportBody = endReport();
    endReport = submit(first, DocumentKind.END_REPORT, endReportBody);
    HttpResponse<String> ended = casemanager.portalPost("/api/v1/commissioned-trajectories/" + first + "/ending",
        new JsonObject().put("result", "ended-without-result").put("endDate", TODAY.toString()).encode());
    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
    grant = availableGrant();
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
    LOGS.close();
  }

  // ------------------------------------------------------------------------------------------ who may

  /** Every client route, with a request that would succeed for Fatima. */
  static Stream<Arguments> everyRoute() {
    String objection = new JsonObject().put("reason", "Ik wil dit niet").encode();
    return Stream.of(
        Arguments.of("GET", ME + "/trajectories", null),
        Arguments.of("GET", ME + "/trajectories/" + first, null),
        Arguments.of("GET", ME + "/trajectories/" + first + "/documents", null),
        Arguments.of("GET", ME + "/trajectories/" + first + "/documents/" + endReport, null),
        Arguments.of("GET", ME + "/grants", null),
        Arguments.of("GET", ME + "/grants/" + grant.grantId(), null),
        Arguments.of("POST", ME + "/grants/" + grant.grantId() + "/objection", objection),
        Arguments.of("GET", ME + "/disclosures", null),
        Arguments.of("GET", ME + "/inbox", null),
        Arguments.of("GET", ME + "/inbox/" + grant.grantId() + ":granted", null),
        Arguments.of("POST", ME + "/inbox/" + grant.grantId() + ":granted/reading", null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRoute")
  void everyRoute_withoutALogin_isLoginRequired(String method, String path, String body) throws Exception {
    HttpResponse<String> response = new PortalBrowser(gateway.url()).send(method, path, body, PORTAL);

    assertProblem(response, 401, ProblemType.LOGIN_REQUIRED);
    assertGrantUntouched();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRoute")
  void everyRoute_forACommissioner_isForbidden(String method, String path, String body) throws Exception {
    HttpResponse<String> response = casemanager.send(method, path, body, PORTAL);

    assertProblem(response, 403, ProblemType.FORBIDDEN);
    assertThat(new JsonObject(response.body()).getString("detail")).isEqualTo("Dit mag alleen een cliënt.");
    assertGrantUntouched();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRoute")
  void everyRoute_forAClientWithoutADossier_isClientUnknown(String method, String path, String body)
      throws Exception {
    HttpResponse<String> response = sanne.send(method, path, body, PORTAL);

    assertProblem(response, 404, ProblemType.CLIENT_UNKNOWN);
    assertThat(new JsonObject(response.body()).getString("detail")).startsWith("Er is hier nog geen dossier");
    assertGrantUntouched();
  }

  @Test
  void clientUnknown_isExplainedInEnglishOnRequest() throws Exception {
    HttpResponse<String> response = sanne.send("GET", ME + "/trajectories", null, Map.of("Accept-Language", "en"));

    assertProblem(response, 404, ProblemType.CLIENT_UNKNOWN);
    assertThat(new JsonObject(response.body()).getString("title")).isEqualTo("No dossier is known for you");
    assertThat(new JsonObject(response.body()).getString("detail")).startsWith("There is no dossier in your name");
  }

  /** Fatima's records, each as Jan asks for it, next to a missing one of the same kind. */
  static Stream<Arguments> fatimasRecords() {
    String missingTrajectory = UUID.randomUUID().toString();
    String missingGrant = UUID.randomUUID().toString();
    String objection = new JsonObject().put("reason", "Ik wil dit niet").encode();
    return Stream.of(
        Arguments.of("GET", ME + "/trajectories/" + first, ME + "/trajectories/" + missingTrajectory, null),
        Arguments.of("GET", ME + "/trajectories/" + first + "/documents",
            ME + "/trajectories/" + missingTrajectory + "/documents", null),
        Arguments.of("GET", ME + "/trajectories/" + first + "/documents/" + endReport,
            ME + "/trajectories/" + janTrajectory + "/documents/" + endReport, null),
        Arguments.of("GET", ME + "/grants/" + grant.grantId(), ME + "/grants/" + missingGrant, null),
        Arguments.of("POST", ME + "/grants/" + grant.grantId() + "/objection",
            ME + "/grants/" + missingGrant + "/objection", objection),
        Arguments.of("GET", ME + "/inbox/" + grant.grantId() + ":granted", ME + "/inbox/" + missingGrant + ":granted",
            null),
        Arguments.of("POST", ME + "/inbox/" + grant.grantId() + ":granted/reading",
            ME + "/inbox/" + missingGrant + ":granted/reading", null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("fatimasRecords")
  void jan_getsNotFound_forFatimasRecords_exactlyLikeForMissingOnes(String method, String fatimas, String missing,
                                                                    String body) throws Exception {
    HttpResponse<String> theirs = jan.send(method, fatimas, body, PORTAL);
    HttpResponse<String> none = jan.send(method, missing, body, PORTAL);

    assertProblem(theirs, 404, ProblemType.NOT_FOUND);
    assertThat(withoutInstance(theirs)).isEqualTo(withoutInstance(none));
    assertGrantUntouched();
  }

  @Test
  void theInbox_tellsFatimaOfTheGrantInPlainDutch_orEnglish_andKeepsWhenSheReadIt() throws Exception {
    String entryId = grant.grantId() + ":granted";
    JsonObject inbox = awaitInboxEntry(entryId);

    JsonObject entry = inbox.getJsonArray("entries").stream().map(JsonObject.class::cast)
        .filter(item -> item.getString("entryId").equals(entryId)).findFirst().orElseThrow();
    assertMatchesOpenApi(inbox, "Inbox");
    assertThat(entry.getString("kind")).isEqualTo("granted");
    assertThat(entry.getString("language")).isEqualTo("nl");
    assertThat(entry.containsKey("readAt")).isFalse();
    String dutch = entry.getJsonArray("paragraphs").encode();
    assertThat(dutch).contains(registeredName("kansrijk"), "Zodat de nieuwe coach niet opnieuw begint.");
    assertThat(inbox.getInteger("unread")).isPositive();
    HttpResponse<String> english = fatima.send("GET", ME + "/inbox/" + entryId, null,
        Map.of("Accept-Language", "en"));
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(english.body()).getString("language")).isEqualTo("en");
    assertThat(new JsonObject(english.body()).getString("title")).isNotEqualTo(entry.getString("title"));
    assertThat(get(jan, ME + "/inbox").getJsonArray("entries").encode()).doesNotContain(grant.grantId());

    HttpResponse<String> crossSite = fatima.send("POST", ME + "/inbox/" + entryId + "/reading", null, Map.of());
    assertProblem(crossSite, 403, ProblemType.CSRF_REJECTED);
    HttpResponse<String> read = fatima.send("POST", ME + "/inbox/" + entryId + "/reading", null, PORTAL);
    HttpResponse<String> again = fatima.send("POST", ME + "/inbox/" + entryId + "/reading", null, PORTAL);

    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    String readAt = new JsonObject(read.body()).getString("readAt");
    assertThat(readAt).isNotBlank();
    assertThat(new JsonObject(again.body()).getString("readAt")).isEqualTo(readAt);
    assertThat(get(fatima, ME + "/inbox/" + entryId).getString("readAt")).isEqualTo(readAt);
  }

  /** The notice delivery runs every few seconds: the inbox once it holds {@code entryId}. */
  static JsonObject awaitInboxEntry(String entryId) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      JsonObject inbox = get(fatima, ME + "/inbox");
      if (inbox.getJsonArray("entries").encode().contains(entryId)) {
        return inbox;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no inbox entry " + entryId);
  }

  @Test
  void jan_seesOnlyHisOwn_inEveryList() throws Exception {
    String janRead = "read:" + UUID.randomUUID();
    String fatimaRead = "read:" + UUID.randomUUID();
    gateway.gateway().disclosureLog().append(DisclosureEntry.of(DisclosureKind.CLIENT_DATA_READ, janRead,
        Instant.now(), janId, "gemeente-deventer").about(SubjectRef.trajectory(janTrajectory))).await();
    gateway.gateway().disclosureLog().append(DisclosureEntry.of(DisclosureKind.CLIENT_DATA_READ, fatimaRead,
        Instant.now(), fatimaId, "gemeente-deventer").about(SubjectRef.trajectory(first))).await();

    assertThat(ids(get(jan, ME + "/trajectories").getJsonArray("trajectories"), "trajectoryId"))
        .containsExactly(janTrajectory);
    assertThat(get(jan, ME + "/grants").getJsonArray("grants")).isEmpty();
    JsonArray entries = get(jan, ME + "/disclosures").getJsonArray("entries");
    assertThat(ids(entries, "eventId")).contains(janRead).doesNotContain(fatimaRead);
    assertThat(entries.stream().map(JsonObject.class::cast))
        .allSatisfy(entry -> assertThat(entry.getString("clientId")).isEqualTo(janId))
        .noneSatisfy(entry -> assertThat(entry.getJsonArray("subjects").encode()).contains(first));
    assertThat(ids(get(fatima, ME + "/disclosures").getJsonArray("entries"), "eventId")).contains(fatimaRead)
        .doesNotContain(janRead);
  }

  // ------------------------------------------------------------------------------------------ trajectories

  @Test
  void fatima_seesHerTrajectories_withNamesDecisionsAndTheCommissionersExplanationOpened() throws Exception {
    JsonObject list = get(fatima, ME + "/trajectories");
    assertMatchesOpenApi(list, "ClientTrajectoryList");
    JsonArray trajectories = list.getJsonArray("trajectories");

    assertThat(ids(trajectories, "trajectoryId")).containsExactly(first, second);
    JsonObject ended = trajectories.getJsonObject(0);
    assertThat(ended.getString("clientId")).isEqualTo(fatimaId);
    assertThat(ended.getString("status")).isEqualTo("ended");
    assertThat(ended.getString("result")).isEqualTo("ended-without-result");
    assertThat(ended.getString("actualEndDate")).isEqualTo(TODAY.toString());
    assertThat(ended.getString("regime")).isEqualTo("participatiewet");
    assertThat(ended.getString("providerId")).isEqualTo("werkpad");
    assertThat(ended.getString("providerName")).isEqualTo(registeredName("werkpad"));
    assertThat(ended.getString("commissionerId")).isEqualTo("gemeente-deventer");
    JsonObject decided = ended.getJsonArray("reportBacks").getJsonObject(0);
    assertThat(decided.getString("documentId")).isEqualTo(reportBack);
    assertThat(decided.getString("proposal")).isEqualTo("adjust");
    assertThat(decided.getJsonObject("decision").getString("decision")).isEqualTo("rejected");
    assertThat(decided.getJsonObject("decision").getString("explanation")).isEqualTo(EXPLANATION);
    assertThat(decided.getJsonObject("decision").containsKey("decidedBy")).isFalse();
    assertThat(trajectories.getJsonObject(1).getString("providerName")).isEqualTo(registeredName("kansrijk"));

    assertThat(get(fatima, ME + "/trajectories/" + first)).isEqualTo(ended);
  }

  @Test
  void fatima_seesOnlyTheDocumentsVisibleToHer_andReadsThemAsStored_withoutALogEntry() throws Exception {
    long logSize = gateway.gateway().disclosureLog().latestCheckpoint().await().size();

    JsonObject documentList = get(fatima, ME + "/trajectories/" + first + "/documents");
    assertMatchesOpenApi(documentList, "ClientDocumentList");
    JsonArray documents = documentList.getJsonArray("documents");
    HttpResponse<String> content = fatima.get(gateway.url() + ME + "/trajectories/" + first + "/documents/"
        + endReport);
    HttpResponse<String> hidden = fatima.get(gateway.url() + ME + "/trajectories/" + first + "/documents/"
        + hiddenReport);
    HttpResponse<String> missing = fatima.get(gateway.url() + ME + "/trajectories/" + first + "/documents/"
        + UUID.randomUUID());
    HttpResponse<String> elsewhere = fatima.get(gateway.url() + ME + "/trajectories/" + second + "/documents/"
        + endReport);

    assertThat(ids(documents, "documentId")).containsExactlyInAnyOrder(reportBack, endReport)
        .doesNotContain(hiddenReport);
    JsonObject listed = documents.stream().map(JsonObject.class::cast)
        .filter(document -> document.getString("documentId").equals(endReport)).findFirst().orElseThrow();
    assertThat(listed.getString("type")).isEqualTo("end-report");
    assertThat(listed.getInteger("version")).isEqualTo(1);
    assertThat(listed.getJsonObject("properties").getBoolean("clientVisible")).isTrue();
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(content.headers().firstValue("Document-Version")).contains("1");
    assertThat(content.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(endReportBody);
    assertProblem(hidden, 404, ProblemType.NOT_FOUND);
    assertThat(withoutInstance(hidden)).isEqualTo(withoutInstance(missing));
    assertProblem(elsewhere, 404, ProblemType.NOT_FOUND);
    // the client reading their own data is not a disclosure
    assertThat(gateway.gateway().disclosureLog().latestCheckpoint().await().size()).isEqualTo(logSize);
  }

  // ------------------------------------------------------------------------------------------ grants

  @Test
  void fatima_seesHerGrant_toWhomWhatWhyAndUntilWhen() throws Exception {
    JsonObject list = get(fatima, ME + "/grants");
    assertMatchesOpenApi(list, "ClientGrantList");
    JsonArray grants = list.getJsonArray("grants");
    JsonObject shown = grants.stream().map(JsonObject.class::cast)
        .filter(listed -> listed.getString("grantId").equals(grant.grantId())).findFirst().orElseThrow();

    assertThat(shown.getString("recipientId")).isEqualTo("kansrijk");
    assertThat(shown.getString("recipientName")).isEqualTo(registeredName("kansrijk"));
    assertThat(shown.getString("commissionerId")).isEqualTo("gemeente-deventer");
    assertThat(shown.getString("legalBasis")).isEqualTo("participatiewet-art-67-lid-1-e");
    assertThat(shown.getString("purpose")).isEqualTo("reintegration");
    assertThat(shown.getString("sourceTrajectoryId")).isEqualTo(first);
    assertThat(shown.getString("receivingTrajectoryId")).isEqualTo(second);
    assertThat(shown.getJsonArray("documents")).containsExactly(new JsonObject().put("documentId", endReport)
        .put("version", 1).put("type", "end-report"));
    assertThat(shown.getJsonObject("reasons").getString("necessityReason"))
        .isEqualTo("Zodat de nieuwe coach niet opnieuw begint.");
    assertThat(Instant.parse(shown.getString("validUntil"))).isEqualTo(grant.validUntil().orElseThrow());
    assertThat(shown.containsKey("decidedBy")).isFalse();
    assertThat(get(fatima, ME + "/grants/" + grant.grantId())).isEqualTo(shown);
  }

  @Test
  void anObjection_pausesTheRelease_isLoggedFirst_andIsMadeOnce() throws Exception {
    Grant objected = availableGrant();
    String path = ME + "/grants/" + objected.grantId() + "/objection";
    String body = new JsonObject().put("reason", REASON).encode();
    assertThat(kansrijk.fetchRelease(objected.grantId())).isNotEmpty();

    HttpResponse<String> crossSite = fatima.send("POST", path, body, Map.of());
    assertProblem(crossSite, 403, ProblemType.CSRF_REJECTED);
    assertThat(gateway.gateway().grants().findById(objected.grantId()).await().orElseThrow().objection()).isEmpty();

    HttpResponse<String> made = fatima.portalPost(path, body);

    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(made.headers().firstValue("Location")).contains(ME + "/grants/" + objected.grantId());
    JsonObject shown = new JsonObject(made.body());
    assertMatchesOpenApi(shown, "ClientGrant");
    assertThat(shown.getString("status")).isEqualTo("paused-by-objection");
    assertThat(shown.getBoolean("canObject")).isFalse();
    assertThat(shown.getJsonObject("objection").getString("reason")).isEqualTo(REASON);
    assertThat(get(fatima, ME + "/grants/" + objected.grantId()).getString("status"))
        .isEqualTo("paused-by-objection");

    ProblemResponseException paused = catchThrowableOfType(ProblemResponseException.class,
        () -> kansrijk.fetchRelease(objected.grantId()));
    assertThat(paused.response().status()).isEqualTo(409);
    assertThat(new JsonObject(paused.response().bodyText()).getString("type"))
        .isEqualTo(ProblemType.RELEASE_NOT_YET_AVAILABLE.uri());

    DisclosureEntry logged = gateway.gateway().disclosureLog().findByEvent("objection:" + objected.grantId())
        .await().orElseThrow().entry();
    assertThat(logged.kind()).isEqualTo(DisclosureKind.OBJECTION);
    assertThat(logged.clientId()).isEqualTo(fatimaId);
    assertThat(logged.organisationId()).isEqualTo("client");
    assertThat(logged.actorId()).isPresent();
    long logSize = gateway.gateway().disclosureLog().latestCheckpoint().await().size();

    HttpResponse<String> again = fatima.portalPost(path, new JsonObject().put("reason", "Nog een keer").encode());

    assertProblem(again, 409, ProblemType.GRANT_STATE_CONFLICT);
    assertThat(gateway.gateway().disclosureLog().latestCheckpoint().await().size()).isEqualTo(logSize);
    JsonObject event = awaitEvent(objected.grantId());
    assertThat(event.getJsonObject("data").getString("clientId")).isEqualTo(fatimaId);
    assertThat(event.encode()).doesNotContain("eindverslag");
    assertThat(loggedLines()).noneMatch(line -> line.contains("eindverslag") || line.contains(REASON));
  }

  @Test
  void theCommissionersDecisionOnTheObjection_isShownWithItsReasons() throws Exception {
    Grant objected = availableGrant();
    HttpResponse<String> made = fatima.portalPost(ME + "/grants/" + objected.grantId() + "/objection",
        new JsonObject().put("reason", REASON).encode());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String reasons = "Uw bezwaar is terecht: het eindverslag gaat niet naar kansrijk";
    gateway.gateway().grants().decideObjection(objected.grantId(), new Objection.Decision(Instant.now(),
        "officer-test", true, dossiers.sealForClient(fatimaId, GrantTexts.objectionDecision(objected.grantId()),
            reasons.getBytes(StandardCharsets.UTF_8)).await())).await();

    JsonObject shown = get(fatima, ME + "/grants/" + objected.grantId());

    assertMatchesOpenApi(shown, "ClientGrant");
    assertThat(shown.getString("status")).isEqualTo("revoked");
    assertThat(shown.getBoolean("canObject")).isFalse();
    assertThat(shown.getJsonObject("objection").getString("reason")).isEqualTo(REASON);
    JsonObject decision = shown.getJsonObject("objection").getJsonObject("decision");
    assertThat(decision.getBoolean("upheld")).isTrue();
    assertThat(decision.getString("reasons")).isEqualTo(reasons);
    assertThat(decision.containsKey("decidedBy")).isFalse();
  }

  @Test
  void anInvalidObjection_isListed_andChangesNothing() throws Exception {
    Grant untouched = availableGrant();
    String path = ME + "/grants/" + untouched.grantId() + "/objection";

    HttpResponse<String> empty = fatima.portalPost(path, "{}");
    HttpResponse<String> escalating = fatima.portalPost(path, new JsonObject().put("reason", "   ")
        .put("status", "revoked").encode());

    assertProblem(empty, 400, ProblemType.INVALID_BODY);
    assertThat(pointers(empty)).containsExactly("/reason");
    assertProblem(escalating, 400, ProblemType.INVALID_BODY);
    assertThat(pointers(escalating)).containsExactlyInAnyOrder("/reason", "/status");
    assertThat(gateway.gateway().grants().findById(untouched.grantId()).await().orElseThrow().objection()).isEmpty();
    assertThat(gateway.gateway().disclosureLog().findByEvent("objection:" + untouched.grantId()).await()).isEmpty();
  }

  // ------------------------------------------------------------------------------------------ disclosures

  @Test
  void fatimasDisclosures_carryProofsThatVerifyAgainstTheSignedCheckpoint() throws Exception {
    Instant now = Instant.now();
    gateway.gateway().disclosureLog().append(DisclosureEntry.of(DisclosureKind.GRANT, "grant:" + grant.grantId(),
            now, fatimaId, "gemeente-deventer")
        .byActor("officer-test")
        .about(SubjectRef.grant(grant.grantId()), SubjectRef.trajectory(first), SubjectRef.trajectory(second),
            SubjectRef.document(endReport, 1))
        .withPurpose("reintegration")
        .withLegalBasis("participatiewet-art-67-lid-1-e")).await();
    gateway.gateway().disclosureLog().append(DisclosureEntry.of(DisclosureKind.RELEASE_FETCH,
            "release-fetch:" + UUID.randomUUID(), now, fatimaId, "kansrijk")
        .about(SubjectRef.grant(grant.grantId()))
        .withPurpose("reintegration")).await();
    gateway.gateway().disclosureLog().append(DisclosureEntry.of(DisclosureKind.CLIENT_DATA_READ,
        "read:" + UUID.randomUUID(), now, janId, "gemeente-deventer").about(SubjectRef.trajectory(janTrajectory)))
        .await();

    JsonObject disclosures = get(fatima, ME + "/disclosures");
    assertMatchesOpenApi(disclosures, "ClientDisclosures");

    SignedCheckpoint checkpoint = SignedCheckpoint.parse(disclosures.getJsonObject("checkpoint").getString("note"));
    CheckpointVerifier verifier = new CheckpointVerifier("localhost:" + gateway.gateway().port() + "/disclosure-log",
        List.of(gatewayPublicKey()));
    assertThat(verifier.verify(checkpoint)).isTrue();
    JsonArray entries = disclosures.getJsonArray("entries");
    assertThat(entries.stream().map(JsonObject.class::cast).map(entry -> entry.getString("kind")))
        .contains("grant", "release-fetch");
    for (Object item : entries) {
      JsonObject entry = (JsonObject) item;
      assertThat(entry.getString("clientId")).isEqualTo(fatimaId);
      assertThat(proves(entry, checkpoint)).as("proof of %s", entry.getString("eventId")).isTrue();
      // any change to what the client was shown breaks the proof
      assertThat(proves(entry.copy().put("purpose", "marketing"), checkpoint)).isFalse();
      assertThat(proves(entry.copy().put("atMillis", entry.getLong("atMillis") + 1), checkpoint)).isFalse();
    }
    JsonObject fetched = entries.stream().map(JsonObject.class::cast)
        .filter(entry -> entry.getString("kind").equals("release-fetch")).findFirst().orElseThrow();
    assertThat(fetched.getString("organisationName")).isEqualTo(registeredName("kansrijk"));
    JsonObject granted = entries.stream().map(JsonObject.class::cast)
        .filter(entry -> entry.getString("eventId").equals("grant:" + grant.grantId())).findFirst().orElseThrow();
    assertThat(granted.getJsonArray("subjects")).contains("document:" + endReport + ":1");
    assertThat(granted.getString("legalBasis")).isEqualTo("participatiewet-art-67-lid-1-e");
  }

  /** What a client's own verifier does: encode the entry, hash the leaf, walk the audit path to the signed root. */
  static boolean proves(JsonObject entry, SignedCheckpoint checkpoint) {
    List<String> subjects = entry.getJsonArray("subjects").stream().map(String.class::cast).toList();
    EntryFields fields = new EntryFields(entry.getLong("index"), entry.getString("eventId"), entry.getString("kind"),
        entry.getLong("atMillis"), entry.getString("clientId"), entry.getString("organisationId"),
        entry.getString("actorId", ""), entry.getString("purpose", ""), entry.getString("legalBasis", ""),
        entry.getString("reason", ""), subjects);
    byte[] leaf = new TreeHasher().leaf(EntryEncoding.encode(fields));
    JsonObject proof = entry.getJsonObject("proof");
    List<TreeHash> path = proof.getJsonArray("auditPath").stream().map(String.class::cast)
        .map(TreeHash::fromBase64).toList();
    return proof.getLong("treeSize") == checkpoint.size()
        && new InclusionProof(proof.getLong("leafIndex"), proof.getLong("treeSize"), path)
            .verify(TreeHash.of(leaf), checkpoint.root());
  }

  // ------------------------------------------------------------------------------------------ helpers

  static Grant availableGrant() {
    return Handovers.grant(gateway.gateway(), fatimaId, first, second, "kansrijk",
        List.of(new DocumentRef(endReport, 1)), Optional.of(Instant.now().minusSeconds(60)), Duration.ZERO,
        Duration.ofDays(30), Optional.empty());
  }

  static void assertGrantUntouched() {
    Grant stored = gateway.gateway().grants().findById(grant.grantId()).await().orElseThrow();
    assertThat(stored.objection()).isEmpty();
    assertThat(gateway.gateway().disclosureLog().findByEvent("objection:" + grant.grantId()).await()).isEmpty();
  }

  static String commission(String clientId, String provider, int sequenceNumber) throws Exception {
    String body = new JsonObject()
        .put("clientId", clientId)
        .put("commissionerId", "gemeente-deventer")
        .put("providerId", provider)
        .put("regime", "participatiewet")
        .put("type", "job-hunting")
        .put("goal", "paid-work")
        .put("plannedStartDate", TODAY.minusDays(60).toString())
        .put("plannedEndDate", TODAY.plusDays(120).toString())
        .put("sequenceNumber", sequenceNumber)
        .encode();
    HttpResponse<String> response = casemanager.portalPost("/api/v1/commissioned-trajectories", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body()).getString("trajectoryId");
  }

  static void decide(String trajectoryId, String documentId, JsonObject decision) throws Exception {
    HttpResponse<String> response = casemanager.portalPost("/api/v1/commissioned-trajectories/" + trajectoryId
        + "/report-backs/" + documentId + "/decision", decision.encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  static String submit(String trajectoryId, DocumentKind kind, byte[] body) throws Exception {
    GatewayResponse response = werkpad.submit(trajectoryId, kind, body, UUID.randomUUID().toString());
    assertThat(response.status()).as(response.bodyText()).isEqualTo(201);
    return new JsonObject(response.bodyText()).getString("documentId");
  }

  static byte[] progressReport(boolean clientVisible) {
    return new JsonObject()
        .put("properties", new JsonObject().put("confidentiality", "standard").put("clientVisible", clientVisible)
            .put("transferability", "never"))
        .put("content", new JsonObject()
            .put("period", new JsonObject().put("from", TODAY.minusDays(50).toString())
                .put("to", TODAY.minusDays(10).toString()))
            .put("activitiesDone", new JsonArray())
            .put("progressTowardGoal", "Intern overleg: de coach twijfelt of dit traject past.")
            .put("currentLadderStep", 3)
            .put("attendance", "good")
            .put("cooperation", "good"))
        .toBuffer().getBytes();
  }

  static byte[] reportBackBody() {
    return new JsonObject()
        .put("properties", new JsonObject().put("confidentiality", "standard").put("clientVisible", true)
            .put("transferability", "with-justification"))
        .put("content", new JsonObject().put("reason", "no-click")
            .put("explanation", "Er is geen goede werkrelatie ontstaan tussen de cliënt en de coach.")
            .put("date", TODAY.toString()).put("proposal", "adjust"))
        .toBuffer().getBytes();
  }

  static byte[] endReport() {
    return ("{\"properties\":{\"confidentiality\":\"standard\",\"clientVisible\":true,\"transferability\":\"always\"},"
        + "\"content\":{\"result\":\"ended-without-result\",\"endDate\":\"" + TODAY + "\",\"ladderStepAtStart\":3,"
        + "\"ladderStepAtEnd\":3,\"causesOfNonSuccess\":{\"causes\":[\"no-click\"],"
        + "\"explanation\":\"Geen klik met de coach.\"},\"whatWasTried\":[\"Sollicitatietraining.\"],"
        + "\"endConversation\":{\"held\":false,\"reasonNotHeld\":\"De cliënt kwam niet.\"},"
        + "\"advice\":{\"text\":\"Een werkervaringsplaats.\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static JsonObject get(PortalBrowser who, String path) throws Exception {
    HttpResponse<String> response = who.get(gateway.url() + path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /** {@code json} is what the OpenAPI document promises for {@code component} (OpenAPI 3.1 schemas are 2020-12). */
  static void assertMatchesOpenApi(JsonObject json, String component) {
    JsonObject schema = new JsonObject()
        .put("$schema", "https://json-schema.org/draft/2020-12/schema")
        .put("$ref", "#/components/schemas/" + component)
        .put("components", OpenApiRoute.load().getJsonObject("components").copy());
    OutputUnit result = Validator.create(JsonSchema.of(schema), new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
        .setBaseUri("urn:openapi:").setOutputFormat(OutputFormat.Basic)).validate(json);
    assertThat(result.getValid()).as("%s against %s: %s", json.encode(), component, result.getErrors()).isTrue();
  }

  static List<String> ids(JsonArray items, String field) {
    return items.stream().map(item -> ((JsonObject) item).getString(field)).toList();
  }

  static String registeredName(String provider) throws Exception {
    return new JsonObject(Files.readString(ProjectFiles.keysDev().resolve("providers").resolve(provider)
        .resolve("provider.json"))).getString("name");
  }

  static byte[] gatewayPublicKey() throws Exception {
    String pem = Files.readString(ProjectFiles.keysDev().resolve("gateway/signing-ed25519.pub"));
    return Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
        .replace("-----END PUBLIC KEY-----", "").trim());
  }

  static JsonObject awaitEvent(String grantId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<JsonObject> found = EVENTS.stream()
          .filter(event -> grantId.equals(event.getJsonObject("data").getString("grantId"))).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no objection-raised event for " + grantId + " within 5 s");
  }

  static List<String> loggedLines() {
    return LOGS.lines();
  }

  static List<String> pointers(HttpResponse<String> response) {
    return new JsonObject(response.body()).getJsonArray("errors").stream()
        .map(error -> ((JsonObject) error).getString("pointer")).toList();
  }

  static JsonObject withoutInstance(HttpResponse<String> response) {
    JsonObject problem = new JsonObject(response.body());
    problem.remove("instance");
    return problem;
  }

  static void assertProblem(HttpResponse<String> response, int status, ProblemType type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(new JsonObject(response.body()).getString("type")).isEqualTo(type.uri());
  }
}
