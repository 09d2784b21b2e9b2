package nl.reintegratie.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.gateway.testsupport.Handovers;
import nl.reintegratie.gateway.testsupport.TestGateway;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.LegalBasis;
import nl.reintegratie.gateway.transfer.NoticeKind;
import nl.reintegratie.gateway.transfer.Objection;
import nl.reintegratie.gateway.transfer.RuleOutcome;
import nl.reintegratie.gateway.transfer.GrantReasons;
import nl.reintegratie.gateway.transfer.GrantTexts;
import nl.reintegratie.gateway.transfer.TransferRule;
import nl.reintegratie.gateway.transfer.mongo.MongoGrantRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client notices on a real gateway (dev profile, embedded store, the demo providers registered) with a real SMTP
 * server in this JVM: grants made in the repository reach the inbox through the gateway's own worker, the release
 * opens only then, e-mail goes out once, and a grant written while no gateway ran is announced after the restart.
 */
@Timeout(180)
class ClientNoticesTest {

  static final String FATIMA_EMAIL = "fatima.elamrani@example.org";
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
  static GreenMail smtp;
  static Map<String, String> mailSettings;
  /** The same after a restart: the disclosure log's checkpoints name the public origin. */
  static int httpPort;
  static TestGateway gateway;
  static String fatima;
  static String jan;
  static String first;
  static String second;
  static List<DocumentRef> documents;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    int smtpPort = Handovers.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    mailSettings = Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtpPort),
        "SMTP_FROM", "noreply@reintegratie.example.org", "SMTP_STARTTLS", "false");
    httpPort = Handovers.freePort();
    gateway = startGateway();
    DossierService dossiers = gateway.gateway().dossiers();
    fatima = dossiers.registerClient("999993653", new PersonalData("Fatima", "El Amrani",
        Optional.of(FATIMA_EMAIL), Optional.empty())).await();
    jan = dossiers.registerClient("999991772", new PersonalData("Jan", "de Vries", Optional.empty(),
        Optional.empty())).await();
    first = Handovers.trajectory(dossiers, fatima, "werkpad", 1);
    second = Handovers.trajectory(dossiers, fatima, "kansrijk", 2);
    DocumentHeader endReport = dossiers.addDocument(first, DocumentType.END_REPORT, new DossierService.NewContent(
        DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json",
        END_REPORT.getBytes(StandardCharsets.UTF_8), "werkpad")).await();
    documents = List.of(new DocumentRef(endReport.documentId(), 1));
  }

  static TestGateway startGateway() throws Exception {
    return TestGateway.start(vertx, storeDir, "http://127.0.0.1:" + Handovers.freePort() + "/realms/reintegratie",
        httpPort, mailSettings);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    smtp.stop();
    vertx.close().await();
  }

  @Test
  void aGrant_reachesTheInboxOnce_inDutch_thenTheReleaseOpens_andOneMailArrives() throws Exception {
    Grant grant = Handovers.grant(gateway.gateway(), fatima, first, second, "kansrijk", documents, Optional.empty(),
        Duration.ZERO, Duration.ofDays(30), Optional.empty());

    InboxEntry entry = awaitEntry(fatima, NoticeKind.GRANTED.noticeId(grant.grantId()));

    assertThat(entriesAbout(fatima, grant)).containsExactly(entry);
    NoticeText.Message dutch = gateway.gateway().inboxTexts().open(entry, "nl").await();
    assertThat(dutch.title()).isEqualTo("Je gegevens gaan naar Kansrijk Werk & Talent B.V.");
    assertThat(dutch.plainText())
        .contains("Het gaat om de eindrapportage uit je vorige traject bij Werkpad Re-integratie B.V.")
        .contains("Waarom? De gemeente schreef: \u201CZodat de nieuwe coach niet opnieuw begint.\u201D")
        .contains("artikel 67 van de Participatiewet")
        .contains("Maak dan bezwaar in het portaal.");
    Grant stored = awaitNoticeStored(grant.grantId());
    assertThat(stored.noticeStoredAt()).contains(entry.createdAt());
    JsonObject release = new JsonObject(new String(Handovers.client(gateway, "kansrijk")
        .fetchRelease(grant.grantId()), StandardCharsets.UTF_8));
    assertThat(release.getString("releaseId")).isEqualTo(grant.grantId());

    assertThat(awaitMails(entry.id(), 1)).singleElement().satisfies(mail -> {
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(FATIMA_EMAIL);
      assertThat(mail.getSubject()).isEqualTo("Nieuw bericht over je re-integratiedossier / New message about "
          + "your file");
    });
    Thread.sleep(1500);
    assertThat(mailsAbout(entry.id())).as("still one").hasSize(1);
  }

  @Test
  void aClientWithoutAnAddress_getsTheInboxEntryOnly() throws Exception {
    String janFirst = Handovers.trajectory(gateway.gateway().dossiers(), jan, "werkpad", 1);
    String janSecond = Handovers.trajectory(gateway.gateway().dossiers(), jan, "kansrijk", 2);
    DocumentHeader report = gateway.gateway().dossiers().addDocument(janFirst, DocumentType.END_REPORT,
        new DossierService.NewContent(DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json",
            END_REPORT.getBytes(StandardCharsets.UTF_8), "werkpad")).await();
    Grant grant = Handovers.grant(gateway.gateway(), jan, janFirst, janSecond, "kansrijk",
        List.of(new DocumentRef(report.documentId(), 1)), Optional.empty(), Duration.ofDays(3), Duration.ofDays(30),
        Optional.empty());

    InboxEntry entry = awaitEntry(jan, NoticeKind.GRANTED.noticeId(grant.grantId()));
    awaitNoticeStored(grant.grantId());
    Thread.sleep(2000); // a queued mail would be sent at once

    assertThat(gateway.gateway().inbox().listOf(jan).await()).containsExactly(entry);
    assertThat(mailsAbout(entry.id())).isEmpty();
    // and Fatima does not find Jan's entry
    assertThat(gateway.gateway().inbox().find(fatima, entry.id()).await()).isEmpty();
  }

  @Test
  void aRevocation_andAnObjectionDecision_reachTheClient_withTheOfficersReasons() throws Exception {
    Grant revoked = Handovers.grant(gateway.gateway(), fatima, first, second, "kansrijk", documents,
        Optional.empty(), Duration.ofDays(5), Duration.ofDays(30), Optional.empty());
    Grant objected = Handovers.grant(gateway.gateway(), fatima, first, second, "kansrijk", documents,
        Optional.empty(), Duration.ofDays(5), Duration.ofDays(30), Optional.empty());
    awaitNoticeStored(revoked.grantId());
    awaitNoticeStored(objected.grantId());

    gateway.gateway().grants().revoke(revoked.grantId(), Instant.now()).await();
    DossierService dossiers = gateway.gateway().dossiers();
    gateway.gateway().grants().raiseObjection(objected.grantId(), new Objection(Instant.now(),
        dossiers.sealForClient(fatima, GrantTexts.objectionReason(objected.grantId()),
            "Dit gaat hen niets aan.".getBytes(StandardCharsets.UTF_8)).await(),
            Optional.empty())).await();
    String answer = "U heeft gelijk: het eindverslag is niet meer actueel.";
    gateway.gateway().grants().decideObjection(objected.grantId(), new Objection.Decision(Instant.now(),
        "officer-2", true, dossiers.sealForClient(fatima, GrantTexts.objectionDecision(objected.grantId()),
        answer.getBytes(StandardCharsets.UTF_8)).await())).await();

    InboxEntry revocation = awaitEntry(fatima, NoticeKind.REVOKED.noticeId(revoked.grantId()));
    InboxEntry decision = awaitEntry(fatima, NoticeKind.OBJECTION_DECIDED.noticeId(objected.grantId()));

    assertThat(gateway.gateway().inboxTexts().open(revocation, "nl").await().title())
        .isEqualTo("Kansrijk Werk & Talent B.V. krijgt je gegevens niet meer");
    NoticeText.Message upheld = gateway.gateway().inboxTexts().open(decision, "nl").await();
    assertThat(upheld.title()).isEqualTo("Je bezwaar: je krijgt gelijk");
    assertThat(upheld.plainText()).contains("De uitleg van de gemeente: \u201C" + answer + "\u201D");
    assertThat(gateway.gateway().inboxTexts().open(decision, "en").await().title())
        .isEqualTo("Your objection: you are right");
    assertThat(entriesAbout(fatima, objected)).extracting(InboxEntry::kind)
        .containsExactly(NoticeKind.OBJECTION_DECIDED, NoticeKind.GRANTED);
    assertThat(awaitMails(decision.id(), 1)).singleElement().satisfies(mail ->
        assertThat(((String) mail.getContent())).contains("de beslissing op je bezwaar").doesNotContain(answer));
    assertThat(awaitMails(revocation.id(), 1)).hasSize(1);
  }

  @Test
  void aGrantWrittenWhileNoGatewayRan_isAnnouncedOnceAfterTheRestart() throws Exception {
    String grantId = UUID.randomUUID().toString();
    SealedText reasons = gateway.gateway().dossiers().sealForClient(fatima, GrantTexts.grantReasons(grantId),
        new GrantReasons("Zodat de nieuwe coach weet wat al geprobeerd is.", Map.of(),
            Optional.empty())
            .toBytes()).await();
    gateway.close();
    // the grant and its pending notice are written, then the process "dies" before any notice is delivered
    Store store = Stores.open(vertx, StoreSettings.embedded(storeDir, gateway.config().store().database()))
        .await(30, TimeUnit.SECONDS);
    List<RuleOutcome> passed = Arrays.stream(TransferRule.values())
        .map(rule -> new RuleOutcome(rule, true, Optional.empty(), Optional.empty())).toList();
    Grant grant = new Grant(grantId, fatima, "gemeente-deventer", "officer-1", first, "kansrijk", second,
        LegalBasis.PARTICIPATIEWET_ART_67, documents, passed, reasons, Instant.now(), Duration.ZERO,
        Duration.ofDays(30), Optional.empty(), Optional.empty(), Optional.empty());
    new MongoGrantRepository(store).create(grant).await(30, TimeUnit.SECONDS);
    store.close().await(30, TimeUnit.SECONDS);

    gateway = startGateway();

    InboxEntry entry = awaitEntry(fatima, NoticeKind.GRANTED.noticeId(grantId));
    assertThat(gateway.gateway().inboxTexts().open(entry, "nl").await().plainText())
        .contains("\u201CZodat de nieuwe coach weet wat al geprobeerd is.\u201D");
    assertThat(awaitNoticeStored(grantId).noticeStoredAt()).contains(entry.createdAt());
    assertThat(awaitMails(entry.id(), 1)).hasSize(1);
    Thread.sleep(1500);
    assertThat(entriesAbout(fatima, grant)).containsExactly(entry);
    assertThat(mailsAbout(entry.id())).hasSize(1);
    assertThat(gateway.gateway().grants().pendingNotices().await()).isEmpty();
  }

  private static List<InboxEntry> entriesAbout(String clientId, Grant grant) {
    return gateway.gateway().inbox().listOf(clientId).await().stream()
        .filter(entry -> entry.grantId().equals(grant.grantId())).toList();
  }

  private static InboxEntry awaitEntry(String clientId, String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Optional<InboxEntry> found = gateway.gateway().inbox().find(clientId, id).await();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no inbox entry " + id);
  }

  private static Grant awaitNoticeStored(String grantId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Grant grant = gateway.gateway().grants().findById(grantId).await().orElseThrow();
      if (grant.noticeStoredAt().isPresent()) {
        return grant;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("notice of " + grantId + " not stored");
  }

  private static List<MimeMessage> awaitMails(String noticeId, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      List<MimeMessage> found = mailsAbout(noticeId);
      if (found.size() >= count) {
        return found;
      }
      Thread.sleep(100);
    }
    return mailsAbout(noticeId);
  }

  private static List<MimeMessage> mailsAbout(String noticeId) throws MessagingException {
    String messageId = "<notice." + noticeId.replace(':', '.') + "@localhost>";
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return messageId.equals(message.getMessageID());
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
