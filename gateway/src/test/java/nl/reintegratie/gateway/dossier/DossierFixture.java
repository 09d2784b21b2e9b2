package nl.reintegratie.gateway.dossier;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.crypto.KeyRing;
import nl.reintegratie.gateway.dossier.mongo.DossierIndexes;
import nl.reintegratie.gateway.dossier.mongo.MongoClientKeyRepository;
import nl.reintegratie.gateway.dossier.mongo.MongoClientRepository;
import nl.reintegratie.gateway.dossier.mongo.MongoDocumentRepository;
import nl.reintegratie.gateway.dossier.mongo.MongoTrajectoryRepository;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.gateway.testsupport.ProjectFiles;

/**
 * A dossier service on the real embedded store, with a copy of the dev key ring that tests may
 * rotate, and a complete example dossier whose personal data and texts are canaries: none of
 * them may ever show up in the database.
 */
public final class DossierFixture implements AutoCloseable {

  static final String BSN = "999993653";
  static final String GIVEN_NAME = "Fatima";
  static final String FAMILY_NAME = "El Amrani";
  static final String EMAIL = "fatima.elamrani@example.org";
  static final String PHONE = "0612345678";
  static final String REPORT_SENTENCE = "Mevrouw heeft een sterke motivatie om in de thuiszorg te gaan werken";
  static final String HEALTH_SENTENCE = "Zij heeft last van chronische rugklachten na een ongeval";
  static final String OWN_STORY = "Ik wil graag dat de volgende coach eerst naar mijn verhaal luistert";
  static final String ATTACHMENT_TEXT = "Curriculum vitae van een zorgmedewerker in opleiding";
  static final String DECISION_SENTENCE = "Mevrouw is herstellende van een operatie, dus het traject loopt door";

  static final RetentionPolicy RETENTION = RetentionPolicy.uniform(java.time.Period.ofYears(7));

  final Vertx vertx;
  final Path dir;
  final Path keyRingFile;
  final Store store;
  public KeyRing keys;
  final MongoClientRepository clients;
  final MongoClientKeyRepository clientKeys;
  final MongoTrajectoryRepository trajectories;
  final MongoDocumentRepository documents;
  public DossierService service;

  private DossierFixture(Vertx vertx, Path dir, Path keyRingFile, Store store) {
    this.vertx = vertx;
    this.dir = dir;
    this.keyRingFile = keyRingFile;
    this.store = store;
    this.clients = new MongoClientRepository(store);
    this.clientKeys = new MongoClientKeyRepository(store);
    this.trajectories = new MongoTrajectoryRepository(store);
    this.documents = new MongoDocumentRepository(store);
    reloadKeys();
  }

  public static DossierFixture open(Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    Path ring = dir.resolve("kek.json");
    if (!Files.exists(ring)) {
      Files.copy(ProjectFiles.keysDev().resolve("kek/kek-dev.json"), ring);
    }
    Store store = Stores.open(vertx, StoreSettings.embedded(dir.resolve("store"), "test")).await(30, TimeUnit.SECONDS);
    Indexes.ensure(store, DossierIndexes.ALL).await(30, TimeUnit.SECONDS);
    return new DossierFixture(vertx, dir, ring, store);
  }

  /** Reads the key ring file again, as a restarted gateway would after a rotation step. */
  void reloadKeys() {
    keys = KeyRing.load(keyRingFile);
    service = new DossierService(vertx, keys, clients, clientKeys, trajectories, documents, RETENTION,
        Clock.systemUTC());
  }

  /** What {@link #writeFullDossier} wrote, to check it reads back. */
  public record Written(String clientId, String trajectoryId, List<DocumentHeader> headers, List<byte[]> contents) {}

  public Written writeFullDossier() throws Exception {
    String clientId = service.registerClient(BSN, new PersonalData(GIVEN_NAME, FAMILY_NAME, Optional.of(EMAIL),
        Optional.of(PHONE))).await(30, TimeUnit.SECONDS);
    Trajectory trajectory = Trajectory.plan(UUID.randomUUID().toString(), clientId, "gemeente-deventer", "werkpad",
        Regime.PARTICIPATIEWET, TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 7, 5), 1, java.time.Instant.now());
    service.createTrajectory(trajectory).await(30, TimeUnit.SECONDS);

    List<DocumentHeader> headers = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (DocumentType type : DocumentType.values()) {
      byte[] content = contentFor(type);
      String contentType = type == DocumentType.ATTACHMENT || type == DocumentType.PORTFOLIO_DOCUMENT
          ? "application/pdf" : "application/json";
      DocumentProperties properties = type == DocumentType.ATTACHMENT
          ? DocumentProperties.healthAttachment() : DocumentProperties.defaultsFor(type);
      String author = type.writtenBy() == AuthorRole.CLIENT ? "client-" + clientId : "werkpad";
      headers.add(service.addDocument(trajectory.trajectoryId(), type,
          new DossierService.NewContent(properties, contentType, content, author)).await(30, TimeUnit.SECONDS));
      contents.add(content);
    }
    // a report-back the commissioner rejected, with an explanation that is a canary too
    String reportBack = headers.stream().filter(header -> header.type() == DocumentType.REPORT_BACK).findFirst()
        .orElseThrow().documentId();
    Trajectory stored = service.findTrajectory(trajectory.trajectoryId()).await(30, TimeUnit.SECONDS).orElseThrow();
    SealedText explanation = service.sealText(stored, SealedText.reportBackDecision(reportBack), DECISION_SENTENCE)
        .await(30, TimeUnit.SECONDS);
    service.saveTrajectory(stored.reportedBack(ReportBack.received(reportBack, Cause.ILLNESS,
            ReportBackProposal.ADJUST, LocalDate.of(2026, 3, 2), java.time.Instant.now()))
        .reportBackDecided(reportBack, new ReportBackDecision(ReportBackOutcome.REJECTED, LocalDate.of(2026, 3, 4),
            "2c1e9a7b-0d4f-4e55-9a43-5b1f1e0f7c21", java.time.Instant.now(), Optional.of(explanation))))
        .await(30, TimeUnit.SECONDS);
    return new Written(clientId, trajectory.trajectoryId(), headers, contents);
  }

  static byte[] contentFor(DocumentType type) {
    if (type == DocumentType.ATTACHMENT || type == DocumentType.PORTFOLIO_DOCUMENT) {
      return ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n(" + ATTACHMENT_TEXT + ")\n%%EOF\n")
          .getBytes(StandardCharsets.ISO_8859_1);
    }
    JsonObject json = new JsonObject()
        .put("client", GIVEN_NAME + " " + FAMILY_NAME)
        .put("bsn", BSN)
        .put("text", REPORT_SENTENCE + ". " + HEALTH_SENTENCE + ". " + OWN_STORY + ".")
        .put("contact", new JsonArray().add(EMAIL).add(PHONE));
    return json.toBuffer().getBytes();
  }

  @Override
  public void close() throws Exception {
    store.close().await(30, TimeUnit.SECONDS);
    vertx.close().await(30, TimeUnit.SECONDS);
  }
}
