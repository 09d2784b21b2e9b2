package nl.reintegratie.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.reintegratie.client.DocumentKind;
import nl.reintegratie.client.GatewayResponse;
import nl.reintegratie.client.ProviderClient;
import nl.reintegratie.gateway.audit.CheckpointVerifier;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.events.bus.EventBusDomainEvents;
import nl.reintegratie.gateway.testsupport.DemoAccounts;
import nl.reintegratie.gateway.testsupport.Handovers;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import nl.reintegratie.gateway.testsupport.PortalBrowser;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole story of the domain, through the gateway's own interfaces only: a real gateway, the real Keycloak (the
 * case manager of gemeente-deventer and the client Fatima log in like a browser), the providers werkpad and kansrijk
 * with the provider reference client and their keys-dev keys, and a real SMTP server in the JVM.
 *
 * <ol>
 *   <li>the case manager registers Fatima (the intake) and commissions her first trajectory with werkpad;
 *   <li>werkpad submits a plan of approach and a contact moment, then reports back early (no click, proposal to
 *       stop); the case manager accepts, which ends the trajectory;
 *   <li>werkpad submits the end report;
 *   <li>the case manager commissions the second trajectory with kansrijk and records the follow-up decision (a new
 *       trajectory, with the day it was due);
 *   <li>the case manager grants kansrijk the end report and the plan of approach, without waiting period;
 *   <li>Fatima is told: the notice is in her portal inbox in plain Dutch, and an e-mail arrives;
 *   <li>kansrijk fetches the release with the reference client and opens it: werkpad's end report, byte for byte;
 *   <li>Fatima sees the disclosures (the grant, and kansrijk's fetch) with proofs that check out against the
 *       signed checkpoint.
 * </ol>
 *
 * <p>Along the way every step publishes its event on the bus, for the features that will subscribe.
 */
@Timeout(300)
class HandoverStoryTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
  static final String FATIMA_EMAIL = "fatima.elamrani@example.org";
  static final String NECESSITY =
      "Zodat de coach van kansrijk weet wat bij werkpad is geprobeerd en niet opnieuw begint.";
  static final List<String> EVENT_TYPES = List.of("trajectory-created", "report-submitted", "report-back-submitted",
      "report-back-accepted", "trajectory-ended", "follow-up-decided", "grant-made", "client-notified",
      "release-fetched");

  @TempDir
  static Path storeDir;
  static Vertx vertx;
  static GreenMail smtp;
  static TestGateway gateway;
  static ProviderClient werkpad;
  static ProviderClient kansrijk;
  static PortalBrowser casemanager;
  static PortalBrowser fatima;
  static String fatimaId;
  static final List<JsonObject> EVENTS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    KeycloakTestServer keycloak = KeycloakTestServer.get(KeycloakTestServer.gatewayBaseUrl());
    int smtpPort = Handovers.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    vertx = Vertx.vertx();
    for (String type : EVENT_TYPES) {
      vertx.eventBus().<JsonObject>consumer(EventBusDomainEvents.address(type), message -> EVENTS.add(message.body()));
    }
    gateway = TestGateway.start(vertx, storeDir, keycloak.issuer(), KeycloakTestServer.gatewayPort(), Map.of(
        "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtpPort),
        "SMTP_FROM", "noreply@reintegratie.example.org", "SMTP_STARTTLS", "false"));
    werkpad = Handovers.client(gateway, "werkpad");
    kansrijk = Handovers.client(gateway, "kansrijk");
    casemanager = PortalBrowser.loggedIn(gateway.url(), DemoAccounts.CASE_MANAGER);
    fatima = PortalBrowser.loggedIn(gateway.url(), DemoAccounts.FATIMA);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
    smtp.stop();
  }

  @Test
  void fromTheFirstTrajectory_toTheNextProvider_withTheClientInformed() throws Exception {
    // 0. the intake: the municipality registers Fatima, with her e-mail address
    fatimaId = post(casemanager, "/api/v1/clients", new JsonObject().put("bsn", DemoAccounts.FATIMA.bsn())
        .put("name", new JsonObject().put("givenName", "Fatima").put("familyName", "El Amrani"))
        .put("contact", new JsonObject().put("email", FATIMA_EMAIL)), 201).getString("clientId");

    // 1. the first trajectory
    String first = commission("werkpad", 1);

    // 2. werkpad's plan, a contact moment, and its early report-back, accepted
    String plan = submit(werkpad, first, DocumentKind.PLAN_OF_APPROACH, example("plan-of-approach-submission"));
    submit(werkpad, first, DocumentKind.CONTACT_MOMENT, example("contact-moment-submission"));
    String reportBack = submit(werkpad, first, DocumentKind.REPORT_BACK, reportBack());
    JsonObject accepted = post(casemanager, "/api/v1/commissioned-trajectories/" + first + "/report-backs/"
        + reportBack + "/decision", new JsonObject().put("decision", "accepted").put("decisionDate",
        TODAY.toString()), 200);
    assertThat(accepted.getString("status")).isEqualTo("ended");

    // 3. the end report
    byte[] endReportBody = endReport();
    String endReport = submit(werkpad, first, DocumentKind.END_REPORT, endReportBody);

    // 4. the next trajectory, and the follow-up decision that names it
    String second = commission("kansrijk", 2);
    JsonObject followedUp = post(casemanager, "/api/v1/commissioned-trajectories/" + first + "/follow-up-decision",
        new JsonObject().put("kind", "new-trajectory").put("dueDate", TODAY.plusDays(14).toString())
            .put("decisionDate", TODAY.toString()).put("newTrajectoryId", second), 200);
    assertThat(followedUp.getJsonObject("followUpDecision").getBoolean("onTime")).isTrue();

    // 5. the grant
    JsonObject grant = post(casemanager, "/api/v1/grants", new JsonObject()
        .put("sourceTrajectoryId", first)
        .put("receivingTrajectoryId", second)
        .put("legalBasis", "participatiewet-art-67-lid-1-e")
        .put("necessityReason", NECESSITY)
        .put("documents", new JsonArray()
            .add(new JsonObject().put("documentId", endReport).put("version", 1))
            .add(new JsonObject().put("documentId", plan).put("version", 1)))
        .put("waitingPeriodDays", 0)
        .put("validityDays", 30), 201);
    String grantId = grant.getString("grantId");
    assertThat(grant.getJsonArray("evaluation")).hasSize(10);

    // 6. Fatima is told: her inbox, and an e-mail
    JsonObject notice = awaitInboxEntry(grantId + ":granted");
    String told = String.join("\n", notice.getJsonArray("paragraphs").stream().map(String.class::cast).toList());
    assertThat(told).contains("Kansrijk Werk & Talent B.V.", "eindrapportage", "Participatiewet", NECESSITY);
    MimeMessage mail = awaitMail();
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(FATIMA_EMAIL);
    assertThat(GreenMailUtil.getBody(mail)).contains(gateway.url()).doesNotContain(NECESSITY);

    // 7. kansrijk fetches the release and opens it
    JsonObject release = awaitAvailableRelease(grantId);
    assertThat(release.getString("receivingTrajectoryId")).isEqualTo(second);
    JsonObject content = new JsonObject(new String(kansrijk.fetchRelease(grantId), StandardCharsets.UTF_8));
    assertThat(content.getString("legalBasis")).isEqualTo("participatiewet-art-67-lid-1-e");
    JsonObject releasedEndReport = content.getJsonArray("documents").stream().map(JsonObject.class::cast)
        .filter(document -> document.getString("documentId").equals(endReport)).findFirst().orElseThrow();
    // the submitted body as werkpad signed it, properties and all
    assertThat(releasedEndReport.getJsonObject("content"))
        .isEqualTo(new JsonObject(new String(endReportBody, StandardCharsets.UTF_8)));
    assertThat(content.encode()).doesNotContain(DemoAccounts.FATIMA.bsn(), "Amrani", FATIMA_EMAIL);

    // 8. Fatima sees who got what, when, why and on which basis, and can check it
    JsonObject disclosures = get(fatima, "/api/v1/me/disclosures");
    SignedCheckpoint checkpoint = SignedCheckpoint.parse(disclosures.getJsonObject("checkpoint").getString("note"));
    assertThat(new CheckpointVerifier("localhost:" + gateway.gateway().port() + "/disclosure-log",
        List.of(ClientApiTest.gatewayPublicKey())).verify(checkpoint)).isTrue();
    List<JsonObject> entries = disclosures.getJsonArray("entries").stream().map(JsonObject.class::cast).toList();
    // exactly one entry per disclosure, in both directions: one grant, one fetch, nothing else about her
    assertThat(entries).extracting(entry -> entry.getString("kind")).containsExactly("grant", "release-fetch");
    JsonObject granted = entries.stream().filter(entry -> entry.getString("kind").equals("grant")).findFirst()
        .orElseThrow();
    JsonObject fetched = entries.stream().filter(entry -> entry.getString("kind").equals("release-fetch"))
        .findFirst().orElseThrow();
    assertThat(granted.getString("organisationId")).isEqualTo("gemeente-deventer");
    assertThat(granted.getString("legalBasis")).isEqualTo("participatiewet-art-67-lid-1-e");
    assertThat(fetched.getString("organisationName")).isEqualTo("Kansrijk Werk & Talent B.V.");
    assertThat(fetched.getString("purpose")).isEqualTo("reintegration");
    assertThat(fetched.getJsonArray("subjects").encode()).contains(grantId, endReport);
    for (JsonObject entry : entries) {
      assertThat(ClientApiTest.proves(entry, checkpoint)).as(entry.getString("eventId")).isTrue();
    }

    // and every step told the features that will subscribe, in ids and codes only
    assertThat(EVENTS).extracting(event -> event.getString("type")).containsAll(EVENT_TYPES);
    assertThat(EVENTS.toString()).doesNotContain(NECESSITY, "Amrani", DemoAccounts.FATIMA.bsn());
  }

  static String commission(String provider, int sequenceNumber) throws Exception {
    return post(casemanager, "/api/v1/commissioned-trajectories", new JsonObject()
        .put("clientId", fatimaId)
        .put("commissionerId", "gemeente-deventer")
        .put("providerId", provider)
        .put("regime", "participatiewet")
        .put("type", "job-hunting")
        .put("goal", "paid-work")
        .put("plannedStartDate", TODAY.minusDays(90).toString())
        .put("plannedEndDate", TODAY.plusDays(90).toString())
        .put("sequenceNumber", sequenceNumber), 201).getString("trajectoryId");
  }

  static String submit(ProviderClient provider, String trajectoryId, DocumentKind kind, byte[] body)
      throws Exception {
    GatewayResponse response = provider.submit(trajectoryId, kind, body, UUID.randomUUID().toString());
    assertThat(response.status()).as(response.bodyText()).isEqualTo(201);
    assertThat(response.verified()).isTrue();
    return new JsonObject(response.bodyText()).getString("documentId");
  }

  static JsonObject post(PortalBrowser who, String path, JsonObject body, int status) throws Exception {
    HttpResponse<String> response = who.portalPost(path, body.encode());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
    return new JsonObject(response.body());
  }

  static JsonObject get(PortalBrowser who, String path) throws Exception {
    HttpResponse<String> response = who.get(gateway.url() + path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /** The notice delivery runs every few seconds and on the grant's event. */
  static JsonObject awaitInboxEntry(String entryId) throws Exception {
    for (int attempt = 0; attempt < 150; attempt++) {
      Optional<JsonObject> entry = get(fatima, "/api/v1/me/inbox").getJsonArray("entries").stream()
          .map(JsonObject.class::cast).filter(item -> item.getString("entryId").equals(entryId)).findFirst();
      if (entry.isPresent()) {
        return entry.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no inbox entry " + entryId);
  }

  static MimeMessage awaitMail() {
    assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("an e-mail to Fatima").isTrue();
    return smtp.getReceivedMessages()[0];
  }

  /** The release as kansrijk lists it, once its status says it can be fetched (the notice is stored). */
  static JsonObject awaitAvailableRelease(String releaseId) throws Exception {
    for (int attempt = 0; attempt < 150; attempt++) {
      GatewayResponse listed = kansrijk.releases();
      Optional<JsonObject> release = new JsonObject(listed.bodyText()).getJsonArray("releases").stream()
          .map(JsonObject.class::cast).filter(item -> item.getString("releaseId").equals(releaseId)).findFirst();
      if (release.isPresent() && release.get().getString("status").equals("available")) {
        return release.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("release " + releaseId + " never became available");
  }

  static byte[] example(String type) throws Exception {
    Path valid = ProjectFiles.root().resolve("schemas/src/main/resources/examples").resolve(type).resolve("valid");
    try (var files = Files.list(valid)) {
      return Files.readAllBytes(files.sorted().findFirst().orElseThrow());
    }
  }

  static byte[] reportBack() {
    return new JsonObject()
        .put("properties", new JsonObject().put("confidentiality", "standard").put("clientVisible", true)
            .put("transferability", "with-justification"))
        .put("content", new JsonObject().put("reason", "no-click")
            .put("explanation", "Er is geen goede werkrelatie ontstaan tussen Fatima en de coach.")
            .put("date", TODAY.toString()).put("proposal", "stop"))
        .toBuffer().getBytes();
  }

  static byte[] endReport() {
    return new JsonObject()
        .put("properties", new JsonObject().put("confidentiality", "standard").put("clientVisible", true)
            .put("transferability", "always"))
        .put("content", new JsonObject()
            .put("result", "ended-early")
            .put("endDate", TODAY.toString())
            .put("ladderStepAtStart", 3)
            .put("ladderStepAtEnd", 3)
            .put("causesOfNonSuccess", new JsonObject().put("causes", new JsonArray().add("no-click"))
                .put("explanation", "Er was geen klik tussen Fatima en de coach."))
            .put("whatWasTried", new JsonArray().add("Sollicitatietraining in een groep."))
            .put("endConversation", new JsonObject().put("held", true).put("date", TODAY.toString())
                .put("experiences", "De groep paste niet bij mij.")
                .put("expectations", "Ik wil met mijn handen werken."))
            .put("advice", new JsonObject().put("text", "Begin met een werkervaringsplaats in de zorg.")))
        .toBuffer().getBytes();
  }
}
