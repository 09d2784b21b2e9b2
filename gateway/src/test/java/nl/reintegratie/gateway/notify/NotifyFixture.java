package nl.reintegratie.gateway.notify;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.crypto.KeyRing;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.Goal;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.RetentionPolicy;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryType;
import nl.reintegratie.gateway.dossier.mongo.DossierIndexes;
import nl.reintegratie.gateway.dossier.mongo.MongoClientKeyRepository;
import nl.reintegratie.gateway.dossier.mongo.MongoClientRepository;
import nl.reintegratie.gateway.dossier.mongo.MongoDocumentRepository;
import nl.reintegratie.gateway.dossier.mongo.MongoTrajectoryRepository;
import nl.reintegratie.gateway.events.DomainEvent;
import nl.reintegratie.gateway.notify.mongo.MongoInbox;
import nl.reintegratie.gateway.notify.mongo.MongoMailOutbox;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.LegalBasis;
import nl.reintegratie.gateway.transfer.RuleOutcome;
import nl.reintegratie.gateway.transfer.GrantReasons;
import nl.reintegratie.gateway.transfer.GrantTexts;
import nl.reintegratie.gateway.transfer.TransferRule;
import nl.reintegratie.gateway.transfer.mongo.MongoGrantRepository;
import nl.reintegratie.gateway.transfer.mongo.TransferCollections;

/**
 * Notices below the gateway: the real embedded store, the dossier service with the dev key ring, the grant
 * repository, the inbox and the outbox, and a clock the test moves. Fatima's first trajectory with werkpad failed; her
 * second is with kansrijk; the commissioner grants her end report and a health attachment to kansrijk.
 */
final class NotifyFixture implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
  static final String NECESSITY = "Zodat de nieuwe coach niet opnieuw begint met de intake.";
  static final String HEALTH = "Rugklachten bepalen welk werk kan; dat moet de coach weten.";
  static final String EMAIL = "fatima.elamrani@example.org";
  static final Map<String, String> NAMES = Map.of("werkpad", "Werkpad Re-integratie B.V.",
      "kansrijk", "Kansrijk Werk & Talent B.V.");

  final Vertx vertx;
  final Store store;
  final TestClock clock = new TestClock(T0);
  final DossierService dossiers;
  final MongoGrantRepository grants;
  final MongoInbox inbox;
  final MongoMailOutbox outbox;
  final InboxTexts texts;
  final NoticeComposer composer;
  final List<DomainEvent> events = new CopyOnWriteArrayList<>();

  private NotifyFixture(Vertx vertx, Store store) {
    this.vertx = vertx;
    this.store = store;
    this.dossiers = new DossierService(vertx, KeyRing.load(ProjectFiles.keysDev().resolve("kek/kek-dev.json")),
        new MongoClientRepository(store), new MongoClientKeyRepository(store), new MongoTrajectoryRepository(store),
        new MongoDocumentRepository(store), RetentionPolicy.uniform(Period.ofYears(7)), clock);
    this.grants = new MongoGrantRepository(store);
    this.inbox = new MongoInbox(store);
    this.outbox = new MongoMailOutbox(store);
    this.texts = new InboxTexts(dossiers);
    this.composer = new NoticeComposer(dossiers,
        organisation -> io.vertx.core.Future.succeededFuture(Optional.ofNullable(NAMES.get(organisation))));
  }

  static NotifyFixture open(Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    Store store = Stores.open(vertx, StoreSettings.embedded(dir, "test")).await(30, TimeUnit.SECONDS);
    Indexes.ensure(store, DossierIndexes.ALL).await(30, TimeUnit.SECONDS);
    return new NotifyFixture(vertx, store);
  }

  /** A delivery without mail (mail off), publishing into {@link #events}. */
  NoticeDelivery delivery() {
    return delivery(Optional.empty());
  }

  NoticeDelivery delivery(Optional<MailDelivery> mail) {
    return new NoticeDelivery(vertx, grants, inbox, composer, texts, dossiers, mail, events::add, clock);
  }

  /** A registered client, with or without an e-mail address; their id. */
  String client(String bsn, Optional<String> email) {
    return dossiers.registerClient(bsn, new PersonalData("Fatima", "El Amrani", email, Optional.empty())).await();
  }

  /** The two trajectories of {@code clientId} and the selected documents of the first: an end report and more. */
  record Dossier(String first, String second, List<DocumentRef> documents) {}

  Dossier dossier(String clientId, boolean withHealth) {
    String first = trajectory(clientId, "werkpad", 1);
    String second = trajectory(clientId, "kansrijk", 2);
    List<DocumentRef> documents = new ArrayList<>();
    DocumentHeader endReport = dossiers.addDocument(first, DocumentType.END_REPORT, new DossierService.NewContent(
        DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json",
        "{\"result\":\"ended-without-result\"}".getBytes(StandardCharsets.UTF_8), "werkpad")).await();
    documents.add(new DocumentRef(endReport.documentId(), 1));
    for (int i = 0; i < 2; i++) {
      DocumentHeader progress = dossiers.addDocument(first, DocumentType.PROGRESS_REPORT,
          new DossierService.NewContent(DocumentProperties.defaultsFor(DocumentType.PROGRESS_REPORT),
              "application/json", "{\"summary\":\"voortgang\"}".getBytes(StandardCharsets.UTF_8), "werkpad")).await();
      documents.add(new DocumentRef(progress.documentId(), 1));
    }
    if (withHealth) {
      DocumentHeader health = dossiers.addDocument(first, DocumentType.ATTACHMENT, new DossierService.NewContent(
          DocumentProperties.healthAttachment(), "application/pdf", minimalPdf(), "werkpad")).await();
      documents.add(new DocumentRef(health.documentId(), 1));
    }
    return new Dossier(first, second, documents);
  }

  private String trajectory(String clientId, String provider, int sequence) {
    return dossiers.createTrajectory(Trajectory.plan(UUID.randomUUID().toString(), clientId, "gemeente-deventer",
        provider, Regime.PARTICIPATIEWET, TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 7, 5), sequence, T0)).await().trajectoryId();
  }

  /** A grant as the commissioner's rules would have let it pass, not yet stored. */
  Grant grant(String clientId, Dossier dossier, Duration waitingPeriod, boolean withHealthReason) {
    String grantId = UUID.randomUUID().toString();
    SealedText reasons = dossiers.sealForClient(clientId, GrantTexts.grantReasons(grantId),
        new GrantReasons(NECESSITY, Map.of(), withHealthReason ? Optional.of(HEALTH) : Optional.empty())
            .toBytes()).await();
    List<RuleOutcome> passed = Arrays.stream(TransferRule.values())
        .map(rule -> new RuleOutcome(rule, true, Optional.empty(), Optional.empty())).toList();
    return new Grant(grantId, clientId, "gemeente-deventer", "officer-1", dossier.first(), "kansrijk",
        dossier.second(), LegalBasis.PARTICIPATIEWET_ART_67, dossier.documents(), passed, reasons, clock.instant(),
        waitingPeriod, Duration.ofDays(30), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** What a crash between announcing a notice and making its change leaves behind. */
  void announceOnly(String grantId, nl.reintegratie.gateway.transfer.NoticeKind kind, Instant since) {
    store.mongo().save(TransferCollections.PENDING_NOTICES, new JsonObject()
        .put("_id", kind.noticeId(grantId)).put("grantId", grantId).put("kind", kind.code())
        .put("since", new JsonObject().put("$date", since.toString()))).await();
  }

  static byte[] minimalPdf() {
    return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    store.close().await();
    vertx.close().await();
  }
}
