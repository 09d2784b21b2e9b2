package nl.reintegratie.gateway.dossier.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.reintegratie.client.DocumentKind;
import nl.reintegratie.client.GatewayKey;
import nl.reintegratie.client.GatewayResponse;
import nl.reintegratie.client.ProviderClient;
import nl.reintegratie.client.ProviderCredentials;
import nl.reintegratie.client.TlsTrust;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryEvents;
import nl.reintegratie.gateway.events.DomainEvent;
import nl.reintegratie.gateway.events.bus.EventBusDomainEvents;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.testsupport.CapturedLogs;
import nl.reintegratie.gateway.testsupport.DemoAccounts;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import nl.reintegratie.gateway.testsupport.PortalBrowser;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The commissioner API end to end: a real gateway (dev profile, so werkpad and kansrijk are registered providers),
 * the demo users logged in through the real Keycloak like a browser (casemanager of gemeente-deventer, uwvcoach of
 * uwv, the supervisor, the client fatima), werkpad's report-backs sent through the provider reference client, and a
 * subscriber on the gateway's event bus that records every dossier event. Clients are registered through the dossier
 * service: there is no API for that yet.
 */
@Timeout(300)
class CommissionerApiTest {

  static final String API = "/api/v1/commissioned-trajectories";
  static final Map<String, String> PORTAL = Map.of("X-Portal-Request", "1");
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
  static final String EXPLANATION = "Mevrouw herstelt van een knieoperatie; na acht weken gaat zij verder bij werkpad";
  static final List<String> EVENT_TYPES = List.of(TrajectoryEvents.TRAJECTORY_CREATED,
      TrajectoryEvents.TRAJECTORY_ENDED, TrajectoryEvents.REPORT_SUBMITTED, TrajectoryEvents.REPORT_BACK_SUBMITTED,
      TrajectoryEvents.REPORT_BACK_ACCEPTED, TrajectoryEvents.REPORT_BACK_REJECTED,
      TrajectoryEvents.FOLLOW_UP_DECIDED);

  @TempDir
  static Path storeDir;
  static Vertx vertx;
  static TestGateway gateway;
  static DossierService dossiers;
  static ProviderCredentials werkpadKeys;
  static ProviderClient werkpad;
  static PortalBrowser casemanager;
  static PortalBrowser uwvcoach;
  static PortalBrowser supervisor;
  static PortalBrowser fatima;
  static String fatimaId;
  static String janId;
  /** A gemeente-deventer trajectory with a pending report-back, for the authorisation matrix. */
  static String matrixTrajectory;
  static String matrixReportBack;
  static final List<JsonObject> EVENTS = new CopyOnWriteArrayList<>();
  /** Per created trajectory: whether it could be read from the store when its event arrived. */
  static final Map<String, Boolean> STORED_WHEN_PUBLISHED = new ConcurrentHashMap<>();
  static CapturedLogs LOGS;

  @BeforeAll
  static void start() throws Exception {
    LOGS = CapturedLogs.ofRoot();
    KeycloakTestServer keycloak = KeycloakTestServer.get(KeycloakTestServer.gatewayBaseUrl());
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, storeDir, keycloak.issuer(), KeycloakTestServer.gatewayPort());
    dossiers = gateway.gateway().dossiers();
    subscribe();
    werkpadKeys = ProviderCredentials.fromFolder(ProjectFiles.keysDev().resolve("providers/werkpad"));
    werkpad = ProviderClient.builder(werkpadKeys, URI.create(gateway.url()),
            GatewayKey.fromFolder(ProjectFiles.keysDev().resolve("gateway")))
        .trust(TlsTrust.fromCaPem(ProjectFiles.devCa()))
        .build();
    fatimaId = dossiers.registerClient("999993653", new PersonalData("Fatima", "El Amrani", Optional.empty(),
        Optional.empty())).await();
    janId = dossiers.registerClient("999991772", new PersonalData("Jan", "de Vries", Optional.empty(),
        Optional.empty())).await();
    casemanager = loggedIn(DemoAccounts.CASE_MANAGER);
    uwvcoach = loggedIn(DemoAccounts.UWV_COACH);
    supervisor = loggedIn(DemoAccounts.SUPERVISOR);
    fatima = loggedIn(DemoAccounts.FATIMA);
    matrixTrajectory = deventerTrajectory(fatimaId, "werkpad");
    matrixReportBack = reportBack(matrixTrajectory, "stop");
  }

  /** A subscriber like the later features: every dossier event type, on the gateway's own event bus. */
  static void subscribe() {
    for (String type : EVENT_TYPES) {
      vertx.eventBus().<JsonObject>consumer(EventBusDomainEvents.address(type), message -> {
        DomainEvent event = DomainEvent.fromJson(message.body());
        EVENTS.add(message.body());
        if (event.type().equals(TrajectoryEvents.TRAJECTORY_CREATED)) {
          dossiers.findTrajectory(event.get("trajectoryId"))
              .onComplete(found -> STORED_WHEN_PUBLISHED.put(event.get("trajectoryId"),
                  found.succeeded() && found.result().isPresent()));
        }
      });
    }
  }

  @AfterAll
  static void stop() throws Exception {
    werkpadKeys.close();
    gateway.close();
    vertx.close().await();
    LOGS.close();
  }

  static PortalBrowser loggedIn(DemoAccounts.Account account) throws Exception {
    return PortalBrowser.loggedIn(gateway.url(), account);
  }

  // ------------------------------------------------------------------------------------------ who may

  /** Every route, with a request that would succeed for gemeente-deventer's case manager. */
  static Stream<Arguments> everyRoute() {
    String trajectory = API + "/" + matrixTrajectory;
    return Stream.of(
        Arguments.of("GET", API, null),
        Arguments.of("POST", "/api/v1/clients", intake("999990081", "Noor")),
        Arguments.of("POST", API, trajectoryBody(fatimaId, "gemeente-deventer", "werkpad", "participatiewet")),
        Arguments.of("GET", trajectory, null),
        Arguments.of("POST", trajectory + "/ending", ending("ended-early", TODAY)),
        Arguments.of("POST", trajectory + "/report-backs/" + matrixReportBack + "/decision", accepted(TODAY)),
        Arguments.of("POST", trajectory + "/follow-up-decision", otherService()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRoute")
  void everyRoute_withoutALogin_isLoginRequired_andChangesNothing(String method, String path, String body)
      throws Exception {
    JsonObject before = trajectory(casemanager, matrixTrajectory);
    int listed = list(casemanager, "").size();

    HttpResponse<String> response = new PortalBrowser(gateway.url()).send(method, path, body, PORTAL);

    assertProblem(response, 401, ProblemType.LOGIN_REQUIRED);
    assertThat(trajectory(casemanager, matrixTrajectory)).isEqualTo(before);
    assertThat(list(casemanager, "")).hasSize(listed);
  }

  static Stream<Arguments> everyRouteForAClientAndASupervisor() {
    return Stream.of("fatima", "supervisor").flatMap(user -> everyRoute()
        .map(route -> Arguments.of(user, route.get()[0], route.get()[1], route.get()[2])));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("everyRouteForAClientAndASupervisor")
  void everyRoute_forAClientOrASupervisor_isForbidden_andChangesNothing(String user, String method, String path,
                                                                       String body) throws Exception {
    JsonObject before = trajectory(casemanager, matrixTrajectory);
    int listed = list(casemanager, "").size();

    HttpResponse<String> response = (user.equals("fatima") ? fatima : supervisor).send(method, path, body, PORTAL);

    assertProblem(response, 403, ProblemType.FORBIDDEN);
    assertThat(new JsonObject(response.body()).getString("detail")).isEqualTo("Dit mag alleen een opdrachtgever.");
    assertThat(trajectory(casemanager, matrixTrajectory)).isEqualTo(before);
    assertThat(list(casemanager, "")).hasSize(listed);
  }

  /** Every route under a trajectory: UWV's coach gets for gemeente-deventer's exactly what a missing one gets. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRoute")
  void anotherOrganisationsTrajectory_isNotFound_exactlyLikeAMissingOne_andNothingChanges(String method, String path,
                                                                                         String body)
      throws Exception {
    if (!path.startsWith(API + "/")) {
      return; // the list and the create have no trajectory in their path; see the tests below
    }
    JsonObject before = trajectory(casemanager, matrixTrajectory);
    String missing = path.replace(matrixTrajectory, UUID.randomUUID().toString());

    HttpResponse<String> theirs = uwvcoach.send(method, path, body, PORTAL);
    HttpResponse<String> nothing = uwvcoach.send(method, missing, body, PORTAL);

    assertProblem(theirs, 404, ProblemType.NOT_FOUND);
    assertThat(withoutInstance(theirs)).isEqualTo(withoutInstance(nothing));
    assertThat(trajectory(casemanager, matrixTrajectory)).isEqualTo(before);
  }

  @Test
  void eachOrganisation_seesOnlyItsOwnTrajectories_alsoWhenFilteringByClient() throws Exception {
    String deventers = deventerTrajectory(janId, "werkpad");
    String uwvs = uwvTrajectory(janId, "kansrijk");

    assertThat(ids(list(casemanager, ""))).contains(deventers, matrixTrajectory).doesNotContain(uwvs);
    assertThat(ids(list(uwvcoach, ""))).contains(uwvs).doesNotContain(deventers, matrixTrajectory);
    assertThat(ids(list(casemanager, "?clientId=" + janId))).contains(deventers).doesNotContain(uwvs,
        matrixTrajectory);
    assertThat(ids(list(uwvcoach, "?clientId=" + janId))).containsExactly(uwvs);
    assertProblem(casemanager.get(gateway.url() + API + "/" + uwvs), 404, ProblemType.NOT_FOUND);
    assertThat(trajectory(uwvcoach, uwvs).getString("commissionerId")).isEqualTo("uwv");
  }

  @Test
  void aClientIdThatIsNoClientId_isABadRequest() throws Exception {
    assertProblem(casemanager.get(gateway.url() + API + "?clientId=999993653"), 400, ProblemType.BAD_REQUEST);
    assertProblem(casemanager.get(gateway.url() + API + "?clientId=" + janId + "&clientId=" + fatimaId), 400,
        ProblemType.BAD_REQUEST);
  }

  // ------------------------------------------------------------------------------------------ CSRF

  @Test
  void postsWithoutThePortalHeader_orFromAnotherOrigin_areRefused_andChangeNothing() throws Exception {
    int listed = list(casemanager, "").size();
    String trajectory = deventerTrajectory(janId, "werkpad");

    HttpResponse<String> noHeader = casemanager.send("POST", API,
        trajectoryBody(janId, "gemeente-deventer", "werkpad", "participatiewet"), Map.of());
    HttpResponse<String> foreignOrigin = casemanager.send("POST", API + "/" + trajectory + "/ending",
        ending("ended-early", TODAY), Map.of("X-Portal-Request", "1", "Origin", "https://evil.example"));
    HttpResponse<String> crossSite = casemanager.send("POST", API + "/" + trajectory + "/ending",
        ending("ended-early", TODAY), Map.of("X-Portal-Request", "1", "Sec-Fetch-Site", "cross-site"));

    assertProblem(noHeader, 403, ProblemType.CSRF_REJECTED);
    assertProblem(foreignOrigin, 403, ProblemType.CSRF_REJECTED);
    assertProblem(crossSite, 403, ProblemType.CSRF_REJECTED);
    assertThat(list(casemanager, "")).hasSize(listed + 1);
    assertThat(trajectory(casemanager, trajectory).getString("status")).isEqualTo("planned");
  }

  // ------------------------------------------------------------------------------------------ commissioning

  @Test
  void commissioning_storesAPlannedTrajectoryOfTheOwnOrganisation_whichItsProviderSeesAtOnce() throws Exception {
    HttpResponse<String> response = casemanager.portalPost(API,
        trajectoryBody(fatimaId, "gemeente-deventer", "werkpad", "participatiewet"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonObject created = new JsonObject(response.body());
    String trajectoryId = created.getString("trajectoryId");
    assertThat(response.headers().firstValue("Location")).contains(API + "/" + trajectoryId);
    assertThat(created.getString("commissionerId")).isEqualTo("gemeente-deventer");
    assertThat(created.getString("providerId")).isEqualTo("werkpad");
    assertThat(created.getString("clientId")).isEqualTo(fatimaId);
    assertThat(created.getString("status")).isEqualTo("planned");
    assertThat(created.getString("plannedStartDate")).isEqualTo(TODAY.minusDays(60).toString());
    assertThat(created.getJsonArray("reportBacks")).isEmpty();
    assertThat(trajectory(casemanager, trajectoryId)).isEqualTo(created);
    assertThat(werkpad.trajectory(trajectoryId).status()).isEqualTo(200);
    assertThat(loggedLines()).anySatisfy(line -> assertThat(line)
        .contains("event=trajectory-created", "byOrganisation=gemeente-deventer", "trajectoryId=" + trajectoryId));
  }

  @Test
  void aBodyNamingAnotherCommissioner_isForbidden_logged_andNothingIsStored() throws Exception {
    int listed = list(casemanager, "").size();

    HttpResponse<String> response = casemanager.portalPost(API,
        trajectoryBody(fatimaId, "uwv", "werkpad", "ww"));

    assertProblem(response, 403, ProblemType.FORBIDDEN);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("gemeente-deventer");
    assertThat(list(casemanager, "")).hasSize(listed);
    assertThat(list(uwvcoach, "").stream().map(t -> ((JsonObject) t).getString("clientId"))).doesNotContain(fatimaId);
    assertThat(loggedLines()).anySatisfy(line -> assertThat(line)
        .contains("event=commissioner-organisation-mismatch", "organisation=gemeente-deventer", "claimed=uwv"));
  }

  @Test
  void fieldsThatWouldRaiseARoleOrSetTheState_areRefusedByTheSchema() throws Exception {
    JsonObject body = new JsonObject(trajectoryBody(fatimaId, "gemeente-deventer", "werkpad", "participatiewet"))
        .put("roles", new JsonArray().add("supervisor")).put("status", "ended").put("organisation", "uwv");

    HttpResponse<String> response = casemanager.portalPost(API, body.encode());

    assertProblem(response, 400, ProblemType.INVALID_BODY);
    assertThat(pointers(response)).containsExactlyInAnyOrder("/roles", "/status", "/organisation");
  }

  @Test
  void schemaViolations_areListedTogether() throws Exception {
    HttpResponse<String> response = casemanager.portalPost(API, """
        {"clientId":"999993653","commissionerId":"gemeente-deventer","providerId":"werkpad","regime":"bijstand",
         "type":"job-hunting","goal":"ladder-step","plannedStartDate":"01-02-2026","plannedEndDate":"2026-07-31",
         "sequenceNumber":0}""");

    assertProblem(response, 400, ProblemType.INVALID_BODY);
    assertThat(pointers(response)).containsExactlyInAnyOrder("/clientId", "/regime", "/targetLadderStep",
        "/plannedStartDate", "/sequenceNumber");
  }

  @Test
  void whatDoesNotFitTheStoredFacts_isListedTogether_andNothingIsStored() throws Exception {
    int listed = list(casemanager, "").size();
    JsonObject body = new JsonObject(trajectoryBody(UUID.randomUUID().toString(), "gemeente-deventer",
        "bestaat-niet", "participatiewet"))
        .put("plannedStartDate", TODAY.toString()).put("plannedEndDate", TODAY.minusDays(1).toString());

    HttpResponse<String> response = casemanager.send("POST", API, body.encode(),
        Map.of("X-Portal-Request", "1", "Accept-Language", "en"));

    assertProblem(response, 400, ProblemType.INVALID_BODY);
    assertThat(pointers(response)).containsExactlyInAnyOrder("/plannedEndDate", "/providerId", "/clientId");
    assertThat(new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0).getString("detail"))
        .isEqualTo("The planned end date is before the planned start date.");
    assertThat(list(casemanager, "")).hasSize(listed);
  }

  // ------------------------------------------------------------------------------------------ ending

  @Test
  void ending_storesTheResult_once() throws Exception {
    String trajectoryId = deventerTrajectory(janId, "werkpad");

    HttpResponse<String> ended = casemanager.portalPost(API + "/" + trajectoryId + "/ending", """
        {"result":"ended-without-result","endDate":"%s","causes":["motivation","labour-market"],"ladderStepAtEnd":2}
        """.formatted(TODAY));
    HttpResponse<String> again = casemanager.send("POST", API + "/" + trajectoryId + "/ending",
        ending("placed", TODAY), Map.of("X-Portal-Request", "1", "Accept-Language", "en"));

    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
    JsonObject json = new JsonObject(ended.body());
    assertThat(json.getString("status")).isEqualTo("ended");
    assertThat(json.getString("result")).isEqualTo("ended-without-result");
    assertThat(json.getString("actualEndDate")).isEqualTo(TODAY.toString());
    assertThat(json.getJsonArray("causes")).containsExactly("motivation", "labour-market");
    assertThat(json.getInteger("ladderStepAtEnd")).isEqualTo(2);
    assertProblem(again, 409, ProblemType.TRAJECTORY_STATE_CONFLICT);
    assertThat(new JsonObject(again.body()).getString("detail"))
        .startsWith("The trajectory has already ended.");
    assertThat(trajectory(casemanager, trajectoryId)).isEqualTo(json);
    assertThat(await(TrajectoryEvents.TRAJECTORY_ENDED, trajectoryId).getJsonObject("data").getString("result"))
        .isEqualTo("ended-without-result");
  }

  @Test
  void anEndInTheFuture_orAPlacementWithCauses_isRefused_andTheTrajectoryStaysAsItWas() throws Exception {
    String trajectoryId = deventerTrajectory(janId, "werkpad");

    HttpResponse<String> future = casemanager.portalPost(API + "/" + trajectoryId + "/ending",
        ending("ended-early", TODAY.plusDays(1)));
    HttpResponse<String> placedWithCauses = casemanager.portalPost(API + "/" + trajectoryId + "/ending",
        "{\"result\":\"placed\",\"endDate\":\"17-07-2026\",\"causes\":[\"illness\"]}");

    assertProblem(future, 400, ProblemType.INVALID_BODY);
    assertThat(pointers(future)).containsExactly("/endDate");
    assertProblem(placedWithCauses, 400, ProblemType.INVALID_BODY);
    assertThat(pointers(placedWithCauses)).containsExactlyInAnyOrder("/endDate", "/causes");
    assertThat(trajectory(casemanager, trajectoryId).getString("status")).isEqualTo("planned");
  }

  @Test
  void concurrentEndings_endTheTrajectoryOnce_theOthersAreConflicts() throws Exception {
    String trajectoryId = deventerTrajectory(janId, "werkpad");
    List<Callable<HttpResponse<String>>> endings = new ArrayList<>();
    for (String result : List.of("placed", "ended-early", "ended-without-result", "ended-early")) {
      endings.add(() -> casemanager.portalPost(API + "/" + trajectoryId + "/ending", ending(result, TODAY)));
    }

    List<HttpResponse<String>> responses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(endings.size());
    try {
      for (Future<HttpResponse<String>> response : pool.invokeAll(endings)) {
        responses.add(response.get());
      }
    } finally {
      pool.shutdown();
    }

    assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
    assertThat(responses.stream().filter(r -> r.statusCode() == 409).map(r -> new JsonObject(r.body())
        .getString("type"))).hasSize(3).allSatisfy(type -> assertThat(type)
        .isIn(ProblemType.CONFLICT.uri(), ProblemType.TRAJECTORY_STATE_CONFLICT.uri()));
    String winner = new JsonObject(responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow()
        .body()).getString("result");
    assertThat(trajectory(casemanager, trajectoryId).getString("result")).isEqualTo(winner);
    await(TrajectoryEvents.TRAJECTORY_ENDED, trajectoryId);
    Thread.sleep(200);
    assertThat(events(TrajectoryEvents.TRAJECTORY_ENDED, trajectoryId)).hasSize(1);
  }

  // ------------------------------------------------------------------------------------------ report-backs

  @Test
  void aReportBack_waitsForTheCommissioner_whoRejectsItWithAnExplanation_keptEncrypted() throws Exception {
    String trajectoryId = deventerTrajectory(fatimaId, "werkpad");
    String documentId = reportBack(trajectoryId, "adjust");
    String decision = API + "/" + trajectoryId + "/report-backs/" + documentId + "/decision";

    JsonObject waiting = trajectory(casemanager, trajectoryId);
    HttpResponse<String> unexplained = casemanager.portalPost(decision,
        "{\"decision\":\"rejected\",\"decisionDate\":\"" + TODAY + "\"}");
    HttpResponse<String> rejected = casemanager.portalPost(decision, rejected(TODAY, EXPLANATION));
    HttpResponse<String> again = casemanager.portalPost(decision, accepted(TODAY));

    assertThat(waiting.getString("status")).isEqualTo("reported-back");
    JsonObject pending = waiting.getJsonArray("reportBacks").getJsonObject(0);
    assertThat(pending.getString("documentId")).isEqualTo(documentId);
    assertThat(pending.getString("reason")).isEqualTo("no-click");
    assertThat(pending.getString("proposal")).isEqualTo("adjust");
    assertThat(pending.getString("reportDate")).isEqualTo(TODAY.toString());
    assertThat(pending.containsKey("decision")).isFalse();
    assertProblem(unexplained, 400, ProblemType.INVALID_BODY);
    assertThat(pointers(unexplained)).containsExactly("/explanation");
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    assertThat(new JsonObject(rejected.body()).getString("status")).isEqualTo("planned");
    assertProblem(again, 409, ProblemType.TRAJECTORY_STATE_CONFLICT);

    JsonObject decided = trajectory(casemanager, trajectoryId).getJsonArray("reportBacks").getJsonObject(0)
        .getJsonObject("decision");
    assertThat(decided.getString("decision")).isEqualTo("rejected");
    assertThat(decided.getString("decisionDate")).isEqualTo(TODAY.toString());
    assertThat(decided.getString("explanation")).isEqualTo(EXPLANATION);
    assertThat(decided.getString("decidedBy")).isEqualTo(subjectOf("gemeente-deventer"));
    SealedText stored = dossiers.findTrajectory(trajectoryId).await().orElseThrow().reportBacks().get(0).decision()
        .orElseThrow().explanation().orElseThrow();
    assertThat(new String(stored.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("knieoperatie");
    assertThat(String.join("\n", loggedLines())).doesNotContain("knieoperatie");
    JsonObject event = await(TrajectoryEvents.REPORT_BACK_REJECTED, trajectoryId);
    assertThat(event.getJsonObject("data").getString("documentId")).isEqualTo(documentId);
    assertThat(event.getJsonObject("data").getString("status")).isEqualTo("planned");
    assertThat(await(TrajectoryEvents.REPORT_BACK_SUBMITTED, trajectoryId).getJsonObject("data").getString("proposal"))
        .isEqualTo("adjust");
  }

  @Test
  void aSecondReportBack_waitsUntilTheFirstIsDecided_andAnAcceptedStopEndsTheTrajectoryEarly() throws Exception {
    String trajectoryId = deventerTrajectory(janId, "werkpad");
    String first = reportBack(trajectoryId, "stop");

    GatewayResponse second = werkpad.submit(trajectoryId, DocumentKind.REPORT_BACK,
        reportBackBody("other-provider"), UUID.randomUUID().toString());
    HttpResponse<String> accepted = casemanager.portalPost(
        API + "/" + trajectoryId + "/report-backs/" + first + "/decision", accepted(TODAY));
    GatewayResponse afterTheEnd = werkpad.submit(trajectoryId, DocumentKind.REPORT_BACK,
        reportBackBody("stop"), UUID.randomUUID().toString());

    assertThat(second.status()).isEqualTo(409);
    assertThat(new JsonObject(second.bodyText()).getString("type"))
        .isEqualTo(ProblemType.TRAJECTORY_STATE_CONFLICT.uri());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    JsonObject ended = new JsonObject(accepted.body());
    assertThat(ended.getString("status")).isEqualTo("ended");
    assertThat(ended.getString("result")).isEqualTo("ended-early");
    assertThat(ended.getString("actualEndDate")).isEqualTo(TODAY.toString());
    assertThat(ended.getJsonArray("causes")).containsExactly("no-click");
    assertThat(afterTheEnd.status()).isEqualTo(409);
    assertThat(dossiers.listDocuments(trajectoryId).await()).as("the refused report-backs were not stored")
        .hasSize(1);
    assertThat(await(TrajectoryEvents.REPORT_BACK_ACCEPTED, trajectoryId).getJsonObject("data").getString("status"))
        .isEqualTo("ended");
    assertThat(await(TrajectoryEvents.TRAJECTORY_ENDED, trajectoryId).getJsonObject("data").getString("result"))
        .isEqualTo("ended-early");
  }

  @Test
  void aDecisionDatedInTheFuture_orOnAnUnknownReportBack_isRefused() throws Exception {
    String trajectoryId = deventerTrajectory(janId, "werkpad");
    String documentId = reportBack(trajectoryId, "stop");

    HttpResponse<String> future = casemanager.portalPost(
        API + "/" + trajectoryId + "/report-backs/" + documentId + "/decision", accepted(TODAY.plusDays(2)));
    HttpResponse<String> unknown = casemanager.portalPost(
        API + "/" + trajectoryId + "/report-backs/" + UUID.randomUUID() + "/decision", accepted(TODAY));

    assertProblem(future, 400, ProblemType.INVALID_BODY);
    assertThat(pointers(future)).containsExactly("/decisionDate");
    assertProblem(unknown, 404, ProblemType.NOT_FOUND);
    assertThat(trajectory(casemanager, trajectoryId).getString("status")).isEqualTo("reported-back");
  }

  // ------------------------------------------------------------------------------------------ follow-up

  @Test
  void theFollowUp_isRecordedOnlyForAnEndedTrajectory_once_withItsNewTrajectory() throws Exception {
    String trajectoryId = deventerTrajectory(fatimaId, "werkpad");
    String followUp = API + "/" + trajectoryId + "/follow-up-decision";
    HttpResponse<String> tooEarly = casemanager.portalPost(followUp, otherService());
    endToday(casemanager, trajectoryId);
    String next = deventerTrajectory(fatimaId, "kansrijk");

    HttpResponse<String> decided = casemanager.portalPost(followUp, """
        {"kind":"new-trajectory","dueDate":"%s","decisionDate":"%s","newTrajectoryId":"%s"}"""
        .formatted(TODAY.plusDays(14), TODAY, next));
    HttpResponse<String> again = casemanager.portalPost(followUp, otherService());

    assertProblem(tooEarly, 409, ProblemType.TRAJECTORY_STATE_CONFLICT);
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    JsonObject recorded = new JsonObject(decided.body()).getJsonObject("followUpDecision");
    assertThat(recorded.getString("kind")).isEqualTo("new-trajectory");
    assertThat(recorded.getString("newTrajectoryId")).isEqualTo(next);
    assertThat(recorded.getString("dueDate")).isEqualTo(TODAY.plusDays(14).toString());
    assertThat(recorded.getBoolean("onTime")).isTrue();
    assertProblem(again, 409, ProblemType.TRAJECTORY_STATE_CONFLICT);
    assertThat(trajectory(casemanager, trajectoryId).getJsonObject("followUpDecision")).isEqualTo(recorded);
    JsonObject event = await(TrajectoryEvents.FOLLOW_UP_DECIDED, trajectoryId).getJsonObject("data");
    assertThat(event.getString("kind")).isEqualTo("new-trajectory");
    assertThat(event.getString("newTrajectoryId")).isEqualTo(next);
    assertThat(event.getString("onTime")).isEqualTo("true");
  }

  @Test
  void aReasonedStop_keepsItsExplanationEncrypted_andALateDecisionIsRecordedAsLate() throws Exception {
    String trajectoryId = deventerTrajectory(janId, "werkpad");
    endToday(casemanager, trajectoryId);

    HttpResponse<String> unexplained = casemanager.portalPost(API + "/" + trajectoryId + "/follow-up-decision",
        "{\"kind\":\"reasoned-stop\",\"dueDate\":\"" + TODAY + "\",\"decisionDate\":\"" + TODAY + "\"}");
    HttpResponse<String> stopped = casemanager.portalPost(API + "/" + trajectoryId + "/follow-up-decision",
        new JsonObject().put("kind", "reasoned-stop").put("dueDate", TODAY.toString())
            .put("decisionDate", TODAY.toString()).put("explanation", EXPLANATION).encode());

    assertProblem(unexplained, 400, ProblemType.INVALID_BODY);
    assertThat(pointers(unexplained)).containsExactly("/explanation");
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    assertThat(new JsonObject(stopped.body()).getJsonObject("followUpDecision").containsKey("explanation"))
        .as("only the one-trajectory view opens explanations").isFalse();
    assertThat(trajectory(casemanager, trajectoryId).getJsonObject("followUpDecision").getString("explanation"))
        .isEqualTo(EXPLANATION);
    Trajectory stored = dossiers.findTrajectory(trajectoryId).await().orElseThrow();
    assertThat(new String(stored.followUp().orElseThrow().explanation().orElseThrow().ciphertext(),
        StandardCharsets.ISO_8859_1)).doesNotContain("knieoperatie");
  }

  @Test
  void aFollowUpThatDoesNotFit_isRefused_withEveryReason() throws Exception {
    String trajectoryId = deventerTrajectory(janId, "werkpad");
    endToday(casemanager, trajectoryId);
    String uwvs = uwvTrajectory(janId, "kansrijk");
    String otherClients = deventerTrajectory(fatimaId, "kansrijk");
    String followUp = API + "/" + trajectoryId + "/follow-up-decision";

    HttpResponse<String> notOurs = casemanager.portalPost(followUp, newTrajectory(uwvs, TODAY.minusDays(1)));
    HttpResponse<String> otherClient = casemanager.portalPost(followUp, newTrajectory(otherClients, TODAY));
    HttpResponse<String> itself = casemanager.portalPost(followUp, newTrajectory(trajectoryId, TODAY));

    assertProblem(notOurs, 400, ProblemType.INVALID_BODY);
    assertThat(pointers(notOurs)).containsExactlyInAnyOrder("/dueDate", "/newTrajectoryId");
    assertThat(pointers(otherClient)).containsExactly("/newTrajectoryId");
    assertThat(pointers(itself)).containsExactly("/newTrajectoryId");
    assertThat(trajectory(casemanager, trajectoryId).containsKey("followUpDecision")).isFalse();
  }

  @Test
  void atUwv_theNewTrajectoryGoesToAnotherProvider() throws Exception {
    String failed = uwvTrajectory(janId, "werkpad");
    endToday(uwvcoach, failed);
    String sameProvider = uwvTrajectory(janId, "werkpad");
    String otherProvider = uwvTrajectory(janId, "kansrijk");
    String followUp = API + "/" + failed + "/follow-up-decision";

    HttpResponse<String> refused = uwvcoach.portalPost(followUp, newTrajectory(sameProvider, TODAY));
    HttpResponse<String> decided = uwvcoach.portalPost(followUp, newTrajectory(otherProvider, TODAY));

    assertProblem(refused, 400, ProblemType.INVALID_BODY);
    assertThat(new JsonObject(refused.body()).getJsonArray("errors").getJsonObject(0).getString("detail"))
        .contains("andere aanbieder");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
  }

  // ------------------------------------------------------------------------------------------ events

  @Test
  void events_arePublishedAfterTheChangeIsStored_andCarryIdsCodesAndDatesOnly() throws Exception {
    String trajectoryId = deventerTrajectory(fatimaId, "werkpad");
    String documentId = reportBack(trajectoryId, "stop");
    casemanager.portalPost(API + "/" + trajectoryId + "/report-backs/" + documentId + "/decision",
        rejected(TODAY, EXPLANATION));

    JsonObject created = await(TrajectoryEvents.TRAJECTORY_CREATED, trajectoryId);
    JsonObject submitted = await(TrajectoryEvents.REPORT_SUBMITTED, trajectoryId);
    await(TrajectoryEvents.REPORT_BACK_SUBMITTED, trajectoryId);
    await(TrajectoryEvents.REPORT_BACK_REJECTED, trajectoryId);

    assertThat(created.getJsonObject("data").getMap()).containsEntry("clientId", fatimaId)
        .containsEntry("commissionerId", "gemeente-deventer").containsEntry("providerId", "werkpad")
        .containsEntry("regime", "participatiewet").containsEntry("sequenceNumber", "1");
    assertThat(submitted.getJsonObject("data").getMap()).containsEntry("documentId", documentId)
        .containsEntry("documentType", "report-back").containsEntry("version", "1");
    assertThat(STORED_WHEN_PUBLISHED).containsEntry(trajectoryId, true);
    String everything = EVENTS.stream().map(JsonObject::encode).collect(Collectors.joining("\n"));
    assertThat(everything).doesNotContain("999993653", "999991772", "Fatima", "Amrani", "knieoperatie",
        "werkrelatie", "Marieke");
    Set<String> types = EVENTS.stream().map(event -> event.getString("type")).collect(Collectors.toSet());
    assertThat(types).contains(TrajectoryEvents.TRAJECTORY_CREATED, TrajectoryEvents.REPORT_SUBMITTED,
        TrajectoryEvents.REPORT_BACK_SUBMITTED, TrajectoryEvents.REPORT_BACK_REJECTED);
  }

  @Test
  void aRepeatedReportBack_isOneDocument_oneStateChange_andOneEventEach() throws Exception {
    String trajectoryId = deventerTrajectory(janId, "werkpad");
    String key = UUID.randomUUID().toString();
    byte[] body = reportBackBody("stop");

    GatewayResponse first = werkpad.submit(trajectoryId, DocumentKind.REPORT_BACK, body, key);
    GatewayResponse again = werkpad.submit(trajectoryId, DocumentKind.REPORT_BACK, body, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(trajectory(casemanager, trajectoryId).getJsonArray("reportBacks")).hasSize(1);
    await(TrajectoryEvents.REPORT_BACK_SUBMITTED, trajectoryId);
    Thread.sleep(200);
    assertThat(events(TrajectoryEvents.REPORT_SUBMITTED, trajectoryId)).hasSize(1);
    assertThat(events(TrajectoryEvents.REPORT_BACK_SUBMITTED, trajectoryId)).hasSize(1);
  }

  // ------------------------------------------------------------------------------------------ helpers

  @Test
  void theIntake_registersAPersonOnce_forEveryCommissioner_andTheirTrajectoryCanThenBeCommissioned()
      throws Exception {
    HttpResponse<String> first = casemanager.portalPost("/api/v1/clients", intake("999990032", "Lotte"));
    HttpResponse<String> again = casemanager.portalPost("/api/v1/clients", intake("999990032", "Lotte"));
    HttpResponse<String> atUwv = uwvcoach.portalPost("/api/v1/clients", intake("999990032", "Lotte"));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String clientId = new JsonObject(first.body()).getString("clientId");
    assertThat(new JsonObject(first.body()).getBoolean("created")).isTrue();
    for (HttpResponse<String> repeated : List.of(again, atUwv)) {
      assertThat(repeated.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(repeated.body())).isEqualTo(new JsonObject().put("clientId", clientId)
          .put("created", false));
    }
    assertThat(dossiers.personalData(clientId).await().fullName()).isEqualTo("Lotte van Dijk");
    assertThat(dossiers.personalData(clientId).await().email()).contains("lotte@example.org");
    assertThat(deventerTrajectory(clientId, "werkpad")).isNotBlank();
    assertThat(first.body() + again.body()).doesNotContain("999990032");
    assertThat(loggedLines()).noneMatch(line -> line.contains("999990032"));
    assertThat(loggedLines()).anySatisfy(line -> assertThat(line)
        .contains("event=client-intake", clientId, "created=true"));
  }

  @Test
  void anIntakeWithABsnFailingTheElevenTest_isABadRequest_andRegistersNothing() throws Exception {
    HttpResponse<String> response = casemanager.portalPost("/api/v1/clients", intake("123456789", "Sem"));

    assertProblem(response, 400, ProblemType.INVALID_BODY);
    assertThat(new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0).getString("pointer"))
        .isEqualTo("/bsn");
    assertThat(response.body()).doesNotContain("123456789");
    assertThat(dossiers.findClientByBsn("123456789").await()).isEmpty();
  }

  static String intake(String bsn, String givenName) {
    return new JsonObject().put("bsn", bsn)
        .put("name", new JsonObject().put("givenName", givenName).put("familyNamePrefix", "van")
            .put("familyName", "Dijk"))
        .put("contact", new JsonObject().put("email", givenName.toLowerCase() + "@example.org"))
        .encode();
  }

  static String trajectoryBody(String clientId, String commissioner, String provider, String regime) {
    return new JsonObject()
        .put("clientId", clientId)
        .put("commissionerId", commissioner)
        .put("providerId", provider)
        .put("regime", regime)
        .put("type", "job-hunting")
        .put("goal", "paid-work")
        .put("plannedStartDate", TODAY.minusDays(60).toString())
        .put("plannedEndDate", TODAY.plusDays(120).toString())
        .put("sequenceNumber", 1)
        .encode();
  }

  static String deventerTrajectory(String clientId, String provider) throws Exception {
    return commission(casemanager, trajectoryBody(clientId, "gemeente-deventer", provider, "participatiewet"));
  }

  static String uwvTrajectory(String clientId, String provider) throws Exception {
    return commission(uwvcoach, trajectoryBody(clientId, "uwv", provider, "ww"));
  }

  static String commission(PortalBrowser who, String body) throws Exception {
    HttpResponse<String> response = who.portalPost(API, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body()).getString("trajectoryId");
  }

  static void endToday(PortalBrowser who, String trajectoryId) throws Exception {
    HttpResponse<String> response = who.portalPost(API + "/" + trajectoryId + "/ending",
        ending("ended-without-result", TODAY));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  static String ending(String result, LocalDate on) {
    return new JsonObject().put("result", result).put("endDate", on.toString()).encode();
  }

  static String accepted(LocalDate on) {
    return new JsonObject().put("decision", "accepted").put("decisionDate", on.toString()).encode();
  }

  static String rejected(LocalDate on, String explanation) {
    return new JsonObject().put("decision", "rejected").put("decisionDate", on.toString())
        .put("explanation", explanation).encode();
  }

  static String otherService() {
    return new JsonObject().put("kind", "other-service").put("dueDate", TODAY.plusDays(30).toString())
        .put("decisionDate", TODAY.toString()).encode();
  }

  static String newTrajectory(String newTrajectoryId, LocalDate due) {
    return new JsonObject().put("kind", "new-trajectory").put("dueDate", due.toString())
        .put("decisionDate", TODAY.toString()).put("newTrajectoryId", newTrajectoryId).encode();
  }

  static byte[] reportBackBody(String proposal) {
    return new JsonObject()
        .put("properties", new JsonObject().put("confidentiality", "standard").put("clientVisible", true)
            .put("transferability", "with-justification"))
        .put("content", new JsonObject().put("reason", "no-click")
            .put("explanation", "Er is geen goede werkrelatie ontstaan tussen de cliënt en de coach.")
            .put("date", TODAY.toString()).put("proposal", proposal))
        .toBuffer().getBytes();
  }

  /** Werkpad reports back through the provider API; the report-back's document id. */
  static String reportBack(String trajectoryId, String proposal) throws Exception {
    GatewayResponse response = werkpad.submit(trajectoryId, DocumentKind.REPORT_BACK, reportBackBody(proposal),
        UUID.randomUUID().toString());
    assertThat(response.status()).as(response.bodyText()).isEqualTo(201);
    return new JsonObject(response.bodyText()).getString("documentId");
  }

  static JsonObject trajectory(PortalBrowser who, String trajectoryId) throws Exception {
    HttpResponse<String> response = who.get(gateway.url() + API + "/" + trajectoryId);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  static JsonArray list(PortalBrowser who, String query) throws Exception {
    HttpResponse<String> response = who.get(gateway.url() + API + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getJsonArray("trajectories");
  }

  static List<String> ids(JsonArray trajectories) {
    return trajectories.stream().map(t -> ((JsonObject) t).getString("trajectoryId")).toList();
  }

  static List<JsonObject> events(String type, String trajectoryId) {
    return EVENTS.stream().filter(event -> event.getString("type").equals(type)
        && trajectoryId.equals(event.getJsonObject("data").getString("trajectoryId"))).toList();
  }

  /** The first event of {@code type} about the trajectory, waiting up to 5 s for it. */
  static JsonObject await(String type, String trajectoryId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      List<JsonObject> found = events(type, trajectoryId);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + type + " event for " + trajectoryId + " within 5 s; events: " + EVENTS);
  }

  /** The Keycloak subject of the organisation's officer, as the gateway logged it when they commissioned. */
  static String subjectOf(String organisation) {
    return loggedLines().stream()
        .filter(line -> line.contains("event=trajectory-created") && line.contains("byOrganisation=" + organisation))
        .map(line -> line.replaceAll(".*\\bby=(\\S+).*", "$1"))
        .findFirst().orElseThrow();
  }

  static List<String> pointers(HttpResponse<String> response) {
    List<String> pointers = new ArrayList<>();
    new JsonObject(response.body()).getJsonArray("errors")
        .forEach(error -> pointers.add(((JsonObject) error).getString("pointer")));
    return pointers;
  }

  static JsonObject withoutInstance(HttpResponse<String> response) {
    JsonObject problem = new JsonObject(response.body());
    problem.remove("instance");
    return problem;
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
