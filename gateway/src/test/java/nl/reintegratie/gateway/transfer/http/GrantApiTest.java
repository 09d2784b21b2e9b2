package nl.reintegratie.gateway.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import nl.reintegratie.client.ProblemResponseException;
import nl.reintegratie.client.ProviderClient;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.dossier.Cause;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryResult;
import nl.reintegratie.gateway.events.DomainEvent;
import nl.reintegratie.gateway.events.bus.EventBusDomainEvents;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.testsupport.CapturedLogs;
import nl.reintegratie.gateway.testsupport.DemoAccounts;
import nl.reintegratie.gateway.testsupport.Handovers;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import nl.reintegratie.gateway.testsupport.PortalBrowser;
import nl.reintegratie.gateway.testsupport.TestGateway;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.GrantEvents;
import nl.reintegratie.gateway.transfer.GrantRepository;
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
 * The commissioners' grants end to end: a real gateway (dev profile: werkpad and kansrijk are registered providers
 * with their dev keys), the demo users logged in through the real Keycloak like a browser (casemanager of
 * gemeente-deventer, uwvcoach of uwv, the supervisor, the client fatima), kansrijk fetching through the provider
 * reference client, and a subscriber on the gateway's event bus. Fatima's first trajectory, with werkpad, ended
 * without result; her second, with kansrijk, is running; the dossiers are written through the dossier service (no API
 * registers clients or starts trajectories yet), the client's objection through the grant repository (the client
 * API is built elsewhere).
 */
@Timeout(300)
class GrantApiTest {

  static final String API = "/api/v1/grants";
  static final Map<String, String> PORTAL = Map.of("X-Portal-Request", "1");
  static final String NECESSITY = "Zodat kansrijk weet wat bij werkpad is geprobeerd en niet opnieuw begint.";
  static final String JUSTIFICATION = "Het laatste gesprek laat zien welke afspraken er nog lopen.";

  @TempDir
  static Path storeDir;
  static Vertx vertx;
  static TestGateway gateway;
  static DossierService dossiers;
  static GrantRepository repository;
  static ProviderClient kansrijk;
  static PortalBrowser casemanager;
  static PortalBrowser uwvcoach;
  static PortalBrowser supervisor;
  static PortalBrowser fatimaBrowser;
  static String fatima;
  /** A grant of gemeente-deventer's, for the authorisation matrix. */
  static String matrixGrant;
  static final List<JsonObject> EVENTS = new CopyOnWriteArrayList<>();
  static CapturedLogs LOGS;

  /** Fatima's ended first trajectory with werkpad and its documents, and her running second with kansrijk. */
  record Handover(String first, String second, DocumentHeader endReport, DocumentHeader contact) {}

  @BeforeAll
  static void start() throws Exception {
    LOGS = CapturedLogs.ofRoot();
    KeycloakTestServer keycloak = KeycloakTestServer.get(KeycloakTestServer.gatewayBaseUrl());
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, storeDir, keycloak.issuer(), KeycloakTestServer.gatewayPort());
    dossiers = gateway.gateway().dossiers();
    repository = gateway.gateway().grants();
    for (String type : List.of(GrantEvents.GRANT_MADE, GrantEvents.GRANT_REVOKED, GrantEvents.OBJECTION_DECIDED)) {
      vertx.eventBus().<JsonObject>consumer(EventBusDomainEvents.address(type), message -> EVENTS.add(message.body()));
    }
    kansrijk = Handovers.client(gateway, "kansrijk");
    fatima = dossiers.registerClient("999993653", new PersonalData("Fatima", "El Amrani", Optional.empty(),
        Optional.empty())).await();
    casemanager = PortalBrowser.loggedIn(gateway.url(), DemoAccounts.CASE_MANAGER);
    uwvcoach = PortalBrowser.loggedIn(gateway.url(), DemoAccounts.UWV_COACH);
    supervisor = PortalBrowser.loggedIn(gateway.url(), DemoAccounts.SUPERVISOR);
    fatimaBrowser = PortalBrowser.loggedIn(gateway.url(), DemoAccounts.FATIMA);
    matrixGrant = granted(handover());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
    LOGS.close();
  }

  // ------------------------------------------------------------------------------------------ granting

  @Test
  void theCaseManager_grantsFatimasEndReportToKansrijk_201WithTheGrantAtItsLocation() throws Exception {
    Handover fatimas = handover();

    HttpResponse<String> response = casemanager.portalPost(API, grantBody(fatimas).encode());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonObject grant = new JsonObject(response.body());
    String grantId = grant.getString("grantId");
    assertThat(response.headers().firstValue("Location")).contains(API + "/" + grantId);
    assertThat(grant.getString("clientId")).isEqualTo(fatima);
    assertThat(grant.getString("commissionerId")).isEqualTo("gemeente-deventer");
    assertThat(grant.getString("recipientId")).isEqualTo("kansrijk");
    assertThat(grant.getString("sourceTrajectoryId")).isEqualTo(fatimas.first());
    assertThat(grant.getString("receivingTrajectoryId")).isEqualTo(fatimas.second());
    assertThat(grant.getString("legalBasis")).isEqualTo("participatiewet-art-67-lid-1-e");
    assertThat(grant.getString("status")).isEqualTo("awaiting-notice"); // the client is told first
    assertThat(grant.containsKey("availableFrom")).isFalse();
    assertThat(grant.getInteger("waitingPeriodDays")).isZero();
    assertThat(grant.getInteger("validityDays")).isEqualTo(30);
    assertThat(grant.getString("necessityReason")).isEqualTo(NECESSITY);
    assertThat(grant.getJsonArray("documents")).containsExactly(
        new JsonObject().put("documentId", fatimas.endReport().documentId()).put("version", 1),
        new JsonObject().put("documentId", fatimas.contact().documentId()).put("version", 1)
            .put("justification", JUSTIFICATION));
    assertThat(grant.getJsonArray("evaluation")).hasSize(10)
        .allSatisfy(outcome -> assertThat(((JsonObject) outcome).getBoolean("passed")).isTrue());
    assertThat(grant.getJsonArray("evaluation").getJsonObject(0).getString("rule")).isEqualTo("legal-basis");

    assertThat(read(casemanager, grantId)).isEqualTo(grant);
    assertThat(list(casemanager).getJsonObject(0).getString("grantId")).isEqualTo(grantId); // newest first
    assertThat(gateway.gateway().disclosureLog().findByEvent("grant:" + grantId).await())
        .hasValueSatisfying(entry -> assertThat(entry.entry().kind()).isEqualTo(DisclosureKind.GRANT));
    JsonObject event = await(GrantEvents.GRANT_MADE, grantId);
    assertThat(event.getJsonObject("data").getString("providerId")).isEqualTo("kansrijk");
    assertThat(event.encode()).doesNotContain("kansrijk weet", "afspraken");
    assertThat(loggedLines()).anySatisfy(line -> assertThat(line)
        .contains("event=grant-made", "byOrganisation=gemeente-deventer", "grantId=" + grantId));
    assertThat(loggedLines()).noneMatch(line -> line.contains("kansrijk weet") || line.contains("afspraken"));
  }

  @Test
  void aRefusal_is422_listingEveryFailedRule_inTheCallersLanguage_andStoresNothing() throws Exception {
    Handover fatimas = handover();
    int listed = list(casemanager).size();
    DocumentHeader ofTheNewTrajectory = endReport(fatimas.second());
    JsonObject body = grantBody(fatimas)
        .put("legalBasis", "wet-suwi-art-73-lid-9-10")
        .put("necessityReason", "nodig")
        .put("documents", new JsonArray().add(new JsonObject()
            .put("documentId", ofTheNewTrajectory.documentId()).put("version", 1)));

    HttpResponse<String> dutch = casemanager.portalPost(API, body.encode());
    HttpResponse<String> english = casemanager.send("POST", API, body.encode(),
        Map.of("X-Portal-Request", "1", "Accept-Language", "en"));

    assertProblem(dutch, 422, ProblemType.TRANSFER_REFUSED);
    JsonArray rules = new JsonObject(dutch.body()).getJsonArray("rules");
    assertThat(rules.stream().map(rule -> ((JsonObject) rule).getString("rule")))
        .containsExactly("legal-basis", "decided-by-a-person", "minimisation");
    assertThat(rules.getJsonObject(0).getString("reason")).isEqualTo(
        "Voor dit traject is de grondslag participatiewet-art-67-lid-1-e, niet wet-suwi-art-73-lid-9-10.");
    assertProblem(english, 422, ProblemType.TRANSFER_REFUSED);
    assertThat(new JsonObject(english.body()).getJsonArray("rules").getJsonObject(2).getString("reason"))
        .isEqualTo("Document " + ofTheNewTrajectory.documentId() + " (version 1) is not part of the earlier"
            + " trajectory.");
    assertThat(list(casemanager)).hasSize(listed);
    assertThat(repository.listByClient(fatima).await())
        .noneMatch(grant -> grant.receivingTrajectoryId().equals(fatimas.second()));
    assertThat(loggedLines()).anySatisfy(line -> assertThat(line)
        .contains("event=grant-refused", "rules=legal-basis,decided-by-a-person,minimisation"));
  }

  @Test
  void healthData_goesToAProviderWithARegisteredAttestation_onlyWithItsExtraReason() throws Exception {
    // kansrijk's dev registration carries a health-data attestation (keys-dev/providers/kansrijk/provider.json)
    Handover handover = handover(newClient());
    DocumentHeader health = dossiers.addDocument(handover.first(), DocumentType.PROGRESS_REPORT,
        new DossierService.NewContent(DocumentProperties.healthAttachment(), "application/json",
            "{\"belastbaarheid\":\"vier uur per dag\"}".getBytes(StandardCharsets.UTF_8), "werkpad")).await();
    JsonObject body = grantBody(handover).put("documents", new JsonArray().add(new JsonObject()
        .put("documentId", health.documentId()).put("version", 1)
        .put("justification", "De belastbaarheid bepaalt hoeveel uur het nieuwe werk mag zijn.")));

    HttpResponse<String> withoutReason = casemanager.portalPost(API, body.encode());
    HttpResponse<String> withReason = casemanager.portalPost(API, body.copy()
        .put("healthJustification", "Zonder de belastbaarheid kiest kansrijk werk dat zij niet volhoudt.").encode());

    assertProblem(withoutReason, 422, ProblemType.TRANSFER_REFUSED);
    assertThat(new JsonObject(withoutReason.body()).getJsonArray("rules").stream()
        .map(rule -> ((JsonObject) rule).getString("rule"))).containsExactly("health-data");
    assertThat(withReason.statusCode()).as(withReason.body()).isEqualTo(201);
  }

  @Test
  void uwvsCoach_grantingFromDeventersTrajectories_isRefusedAsNotItsOwnCommission() throws Exception {
    Handover fatimas = handover();

    HttpResponse<String> response = uwvcoach.portalPost(API, grantBody(fatimas)
        .put("legalBasis", "wet-suwi-art-73-lid-9-10").encode());

    assertProblem(response, 422, ProblemType.TRANSFER_REFUSED);
    assertThat(new JsonObject(response.body()).getJsonArray("rules").stream()
        .map(rule -> ((JsonObject) rule).getString("rule"))).contains("own-commission");
    assertThat(list(uwvcoach)).isEmpty();
  }

  @Test
  void fieldsThatOnlyTheLoginDecides_areRefusedByTheSchema() throws Exception {
    JsonObject body = grantBody(handover()).put("commissionerId", "uwv").put("decidedBy", "someone-else")
        .put("evaluation", new JsonArray());

    HttpResponse<String> response = casemanager.portalPost(API, body.encode());

    assertProblem(response, 400, ProblemType.INVALID_BODY);
    assertThat(new JsonObject(response.body()).getJsonArray("errors").stream()
        .map(error -> ((JsonObject) error).getString("pointer")))
        .containsExactlyInAnyOrder("/commissionerId", "/decidedBy", "/evaluation");
  }

  // ------------------------------------------------------------------------------------------ whose

  /** Every route with a grant in its path, for a request that would succeed for gemeente-deventer's case manager. */
  static Stream<Arguments> everyGrantRoute() {
    return Stream.of(
        Arguments.of("GET", API + "/" + matrixGrant, null),
        Arguments.of("POST", API + "/" + matrixGrant + "/revocation", null),
        Arguments.of("POST", API + "/" + matrixGrant + "/objection-decision", decision(true)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyGrantRoute")
  void uwvsCoach_getsForDeventersGrant_exactlyWhatAMissingOneGets_andNothingChanges(String method, String path,
                                                                                  String body) throws Exception {
    JsonObject before = read(casemanager, matrixGrant);
    String missing = path.replace(matrixGrant, UUID.randomUUID().toString());

    HttpResponse<String> theirs = uwvcoach.send(method, path, body, PORTAL);
    HttpResponse<String> nothing = uwvcoach.send(method, missing, body, PORTAL);

    assertProblem(theirs, 404, ProblemType.NOT_FOUND);
    assertThat(withoutInstance(theirs)).isEqualTo(withoutInstance(nothing));
    assertThat(withoutStatus(read(casemanager, matrixGrant))).isEqualTo(withoutStatus(before));
    assertThat(repository.findById(matrixGrant).await().orElseThrow().revokedAt()).isEmpty();
  }

  @Test
  void eachOrganisation_listsOnlyItsOwnGrants() throws Exception {
    assertThat(list(casemanager).stream().map(grant -> ((JsonObject) grant).getString("grantId")))
        .contains(matrixGrant);
    assertThat(list(uwvcoach).stream().map(grant -> ((JsonObject) grant).getString("grantId")))
        .doesNotContain(matrixGrant);
  }

  static Stream<Arguments> everyRoute() {
    return Stream.concat(Stream.of(Arguments.of("GET", API, null), Arguments.of("POST", API, "{}")),
        everyGrantRoute());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRoute")
  void everyRoute_withoutALogin_isLoginRequired(String method, String path, String body) throws Exception {
    assertProblem(new PortalBrowser(gateway.url()).send(method, path, body, PORTAL), 401,
        ProblemType.LOGIN_REQUIRED);
    assertThat(repository.findById(matrixGrant).await().orElseThrow().revokedAt()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRoute")
  void everyRoute_forAClientOrASupervisor_isForbidden(String method, String path, String body) throws Exception {
    for (PortalBrowser notACommissioner : List.of(fatimaBrowser, supervisor)) {
      HttpResponse<String> response = notACommissioner.send(method, path, body, PORTAL);
      assertProblem(response, 403, ProblemType.FORBIDDEN);
      assertThat(new JsonObject(response.body()).getString("detail")).isEqualTo("Dit mag alleen een opdrachtgever.");
    }
    assertThat(repository.findById(matrixGrant).await().orElseThrow().revokedAt()).isEmpty();
  }

  @Test
  void postsWithoutThePortalHeader_orFromAnotherOrigin_areRefused_andChangeNothing() throws Exception {
    Handover fatimas = handover();
    int listed = list(casemanager).size();
    String grantId = granted(handover(newClient()));
    object(grantId, "Ik wil eerst met de nieuwe coach praten.");

    HttpResponse<String> noHeader = casemanager.send("POST", API, grantBody(fatimas).encode(), Map.of());
    HttpResponse<String> foreignOrigin = casemanager.send("POST", API + "/" + grantId + "/revocation", null,
        Map.of("X-Portal-Request", "1", "Origin", "https://evil.example"));
    HttpResponse<String> crossSite = casemanager.send("POST", API + "/" + grantId + "/objection-decision",
        decision(true), Map.of("X-Portal-Request", "1", "Sec-Fetch-Site", "cross-site"));

    assertProblem(noHeader, 403, ProblemType.CSRF_REJECTED);
    assertProblem(foreignOrigin, 403, ProblemType.CSRF_REJECTED);
    assertProblem(crossSite, 403, ProblemType.CSRF_REJECTED);
    assertThat(list(casemanager)).hasSize(listed + 1); // the one granted above, not the refused one
    Grant after = repository.findById(grantId).await().orElseThrow();
    assertThat(after.revokedAt()).isEmpty();
    assertThat(after.hasOpenObjection()).isTrue();
  }

  // ------------------------------------------------------------------------------------------ revoking

  @Test
  void revoking_makesTheProvidersNextFetchFail_410ReleaseRevoked() throws Exception {
    String grantId = granted(handover());
    repository.markNoticeStored(grantId, Instant.now().minusSeconds(60)).await();
    byte[] before = kansrijk.fetchRelease(grantId); // it was available

    HttpResponse<String> revoked = casemanager.portalPost(API + "/" + grantId + "/revocation");
    HttpResponse<String> again = casemanager.send("POST", API + "/" + grantId + "/revocation", null,
        Map.of("X-Portal-Request", "1", "Accept-Language", "en"));

    assertThat(new JsonObject(new String(before, StandardCharsets.UTF_8)).getString("releaseId")).isEqualTo(grantId);
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThat(new JsonObject(revoked.body()).getString("status")).isEqualTo("revoked");
    assertThat(new JsonObject(revoked.body()).getString("revokedAt")).isNotBlank();
    ProblemResponseException gone = catchThrowableOfType(ProblemResponseException.class,
        () -> kansrijk.fetchRelease(grantId));
    assertThat(gone.response().status()).isEqualTo(410);
    assertThat(new JsonObject(gone.response().bodyText()).getString("type"))
        .isEqualTo(ProblemType.RELEASE_REVOKED.uri());
    assertProblem(again, 409, ProblemType.GRANT_STATE_CONFLICT);
    assertThat(new JsonObject(again.body()).getString("detail"))
        .isEqualTo("This grant has been revoked. Nothing about it changes any more.");
    assertThat(read(casemanager, grantId).getString("status")).isEqualTo("revoked");
    assertThat(await(GrantEvents.GRANT_REVOKED, grantId).getJsonObject("data").getString("clientId"))
        .isEqualTo(fatima);
    assertThat(gateway.gateway().disclosureLog().entriesOf(fatima).await().entries().stream()
        .map(proven -> proven.entry().entry())
        .filter(entry -> entry.eventId().startsWith("revocation:" + grantId + ":"))).singleElement()
        .satisfies(entry -> assertThat(entry.actorId()).isPresent());
  }

  // ------------------------------------------------------------------------------------------ objections

  @Test
  void theCommissioner_readsTheClientsObjection_andRejectsIt_soTheReleaseGoesOn() throws Exception {
    String grantId = granted(handover(newClient()));
    repository.markNoticeStored(grantId, Instant.now().minusSeconds(60)).await();
    object(grantId, "Ik wil niet dat mijn gesprekken met de coach worden doorgegeven.");
    JsonObject paused = read(casemanager, grantId);
    String reasons = "Alleen het laatste gesprek gaat mee, omdat daarin de afspraken met u staan.";

    HttpResponse<String> decided = casemanager.portalPost(API + "/" + grantId + "/objection-decision",
        new JsonObject().put("upheld", false).put("reasons", reasons).encode());
    HttpResponse<String> again = casemanager.portalPost(API + "/" + grantId + "/objection-decision", decision(true));

    assertThat(paused.getString("status")).isEqualTo("paused-by-objection");
    assertThat(paused.getString("objectionStatus")).isEqualTo("open");
    assertThat(paused.getJsonObject("objection").getString("reason"))
        .isEqualTo("Ik wil niet dat mijn gesprekken met de coach worden doorgegeven.");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    JsonObject grant = new JsonObject(decided.body());
    assertThat(grant.getString("status")).isEqualTo("available");
    assertThat(grant.getJsonObject("objection").getString("status")).isEqualTo("rejected");
    assertThat(grant.getJsonObject("objection").getJsonObject("decision").getString("reasons")).isEqualTo(reasons);
    assertThat(grant.getJsonObject("objection").getJsonObject("decision").getBoolean("upheld")).isFalse();
    assertThat(read(casemanager, grantId)).isEqualTo(grant);
    assertThat(kansrijk.fetchRelease(grantId)).isNotEmpty();
    assertProblem(again, 409, ProblemType.GRANT_STATE_CONFLICT);
    assertThat(await(GrantEvents.OBJECTION_DECIDED, grantId).getJsonObject("data").getString("decision"))
        .isEqualTo("rejected");
    assertThat(loggedLines()).noneMatch(line -> line.contains("gesprekken") || line.contains("afspraken met u"));
    // showing the client's own words is a disclosure to the commissioner: one log entry per answer that showed
    // them (the read before deciding, the decision's answer, the read after)
    String client = repository.findById(grantId).await().orElseThrow().clientId();
    assertThat(gateway.gateway().disclosureLog().entriesOf(client).await().entries().stream()
        .map(proven -> proven.entry().entry())
        .filter(entry -> entry.reason().equals(Optional.of("objection-review"))))
        .hasSize(3)
        .allSatisfy(entry -> {
          assertThat(entry.organisationId()).isEqualTo("gemeente-deventer");
          assertThat(entry.actorId()).isPresent();
          assertThat(entry.subjects()).extracting(Object::toString).anyMatch(s -> s.contains(grantId));
        });
  }

  @Test
  void anUpheldObjection_revokesTheGrant() throws Exception {
    String grantId = granted(handover(newClient()));
    object(grantId, "Ik wil eerst met de nieuwe coach praten.");

    HttpResponse<String> decided = casemanager.portalPost(API + "/" + grantId + "/objection-decision",
        decision(true));

    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    assertThat(new JsonObject(decided.body()).getString("status")).isEqualTo("revoked");
    assertThat(new JsonObject(decided.body()).getString("objectionStatus")).isEqualTo("upheld");
  }

  @Test
  void decidingWithoutAnObjection_orWithAnInvalidBody_isRefused() throws Exception {
    String grantId = granted(handover());

    HttpResponse<String> nothingToDecide = casemanager.portalPost(API + "/" + grantId + "/objection-decision",
        decision(false));
    HttpResponse<String> invalid = casemanager.portalPost(API + "/" + grantId + "/objection-decision",
        "{\"upheld\":\"yes\",\"revoke\":true}");

    assertProblem(nothingToDecide, 409, ProblemType.GRANT_STATE_CONFLICT);
    assertProblem(invalid, 400, ProblemType.INVALID_BODY);
    assertThat(new JsonObject(invalid.body()).getJsonArray("errors").stream()
        .map(error -> ((JsonObject) error).getString("pointer")))
        .containsExactlyInAnyOrder("/upheld", "/reasons", "/revoke");
  }

  // ------------------------------------------------------------------------------------------ helpers

  static Handover handover() {
    return handover(fatima);
  }

  /** A handover for {@code clientId}: the ended first trajectory with two documents, and the running second. */
  static Handover handover(String clientId) {
    String first = Handovers.trajectory(dossiers, clientId, "werkpad", 1);
    dossiers.endTrajectory(first, LocalDate.of(2026, 7, 3), TrajectoryResult.ENDED_WITHOUT_RESULT,
        List.of(Cause.MOTIVATION), Optional.empty()).await();
    String second = Handovers.trajectory(dossiers, clientId, "kansrijk", 2);
    Trajectory planned = dossiers.findTrajectory(second).await().orElseThrow();
    dossiers.saveTrajectory(planned.start(LocalDate.of(2026, 9, 1), Optional.empty())).await();
    DocumentHeader contact = dossiers.addDocument(first, DocumentType.CONTACT_MOMENT, new DossierService.NewContent(
        DocumentProperties.defaultsFor(DocumentType.CONTACT_MOMENT), "application/json",
        "{\"date\":\"2026-06-30\",\"kind\":\"conversation\"}".getBytes(StandardCharsets.UTF_8), "werkpad"))
        .await();
    return new Handover(first, second, endReport(first), contact);
  }

  static DocumentHeader endReport(String trajectoryId) {
    return dossiers.addDocument(trajectoryId, DocumentType.END_REPORT, new DossierService.NewContent(
        DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json",
        "{\"result\":\"ended-without-result\"}".getBytes(StandardCharsets.UTF_8), "werkpad")).await();
  }

  static JsonObject grantBody(Handover handover) {
    return new JsonObject()
        .put("sourceTrajectoryId", handover.first())
        .put("receivingTrajectoryId", handover.second())
        .put("legalBasis", "participatiewet-art-67-lid-1-e")
        .put("necessityReason", NECESSITY)
        .put("documents", new JsonArray()
            .add(new JsonObject().put("documentId", handover.endReport().documentId()).put("version", 1))
            .add(new JsonObject().put("documentId", handover.contact().documentId()).put("version", 1)
                .put("justification", JUSTIFICATION)))
        .put("validityDays", 30);
  }

  /** The case manager grants {@code handover}; the grant id. */
  static String granted(Handover handover) throws Exception {
    HttpResponse<String> response = casemanager.portalPost(API, grantBody(handover).encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body()).getString("grantId");
  }

  static String decision(boolean upheld) {
    return new JsonObject().put("upheld", upheld)
        .put("reasons", upheld ? "U heeft gelijk; we trekken de overdracht in." : "De afspraken zijn nodig.").encode();
  }

  /**
   * A client of their own for a test that lets them object: an open objection blocks every new grant for its client,
   * so Fatima never objects. A random BSN that passes the eleven-test.
   */
  static String newClient() {
    java.util.Random random = new java.util.Random();
    while (true) {
      StringBuilder bsn = new StringBuilder("9");
      int sum = 9 * 9;
      for (int i = 1; i < 8; i++) {
        int digit = random.nextInt(10);
        bsn.append(digit);
        sum += (9 - i) * digit;
      }
      if (sum % 11 > 9) {
        continue;
      }
      try {
        return dossiers.registerClient(bsn.append(sum % 11).toString(), new PersonalData("Test", "Cliënt",
            Optional.empty(), Optional.empty())).await();
      } catch (RuntimeException taken) {
        // that number is registered already: draw again
      }
    }
  }

  /** The client objects, as the client's side does: their reason sealed under their key for this grant. */
  static void object(String grantId, String reason) {
    String clientId = repository.findById(grantId).await().orElseThrow().clientId();
    repository.raiseObjection(grantId, new Objection(Instant.now(), dossiers.sealForClient(clientId,
        GrantTexts.objectionReason(grantId), reason.getBytes(StandardCharsets.UTF_8)).await(), Optional.empty()))
        .await();
  }

  static JsonObject read(PortalBrowser who, String grantId) throws Exception {
    HttpResponse<String> response = who.get(gateway.url() + API + "/" + grantId);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  static JsonArray list(PortalBrowser who) throws Exception {
    HttpResponse<String> response = who.get(gateway.url() + API);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getJsonArray("grants");
  }

  /** The first event of {@code type} about the grant, waiting up to 5 s for it. */
  static JsonObject await(String type, String grantId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<JsonObject> found = EVENTS.stream().filter(event -> {
        DomainEvent parsed = DomainEvent.fromJson(event);
        return parsed.type().equals(type) && grantId.equals(parsed.get("grantId"));
      }).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + type + " event for " + grantId + " within 5 s");
  }

  static JsonObject withoutInstance(HttpResponse<String> response) {
    JsonObject problem = new JsonObject(response.body());
    problem.remove("instance");
    return problem;
  }

  /** The availability is judged at each read; everything else must be as it was. */
  static JsonObject withoutStatus(JsonObject grant) {
    JsonObject copy = grant.copy();
    copy.remove("status");
    return copy;
  }

  static void assertProblem(HttpResponse<String> response, int status, ProblemType type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getString("type")).isEqualTo(type.uri());
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(problem.getString("instance")).startsWith("urn:uuid:");
  }

  static List<String> loggedLines() {
    return LOGS.lines();
  }
}
