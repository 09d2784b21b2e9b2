package nl.reintegratie.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.events.DomainEvent;
import nl.reintegratie.gateway.store.StoreUnavailableException;
import nl.reintegratie.gateway.testsupport.DelegatingDisclosureLog;
import nl.reintegratie.gateway.testsupport.Handovers;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's objection below HTTP, on a real gateway's store and disclosure log: what is written, in which order, and
 * that nothing is written when the log cannot be (the HTTP side, with real logins, is {@code ClientApiTest}).
 */
@Timeout(120)
class ClientObjectionsTest {

  static final String REASON = "Mijn medische gegevens wil ik zelf aan de nieuwe coach vertellen";
  static final String SUBJECT = "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c";

  @TempDir
  static Path storeDir;
  static Vertx vertx;
  static TestGateway gateway;
  static DossierService dossiers;
  static GrantRepository grants;
  static DisclosureLog log;
  static String fatima;
  static String jan;
  static String first;
  static String second;
  static List<DocumentRef> documents;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, storeDir, "http://127.0.0.1:" + Handovers.freePort() + "/realms/reintegratie",
        Handovers.freePort());
    dossiers = gateway.gateway().dossiers();
    grants = gateway.gateway().grants();
    log = gateway.gateway().disclosureLog();
    fatima = dossiers.registerClient("999993653", new PersonalData("Fatima", "El Amrani", Optional.empty(),
        Optional.empty())).await();
    jan = dossiers.registerClient("999991772", new PersonalData("Jan", "de Vries", Optional.empty(),
        Optional.empty())).await();
    first = Handovers.trajectory(dossiers, fatima, "werkpad", 1);
    second = Handovers.trajectory(dossiers, fatima, "kansrijk", 2);
    DocumentHeader plan = dossiers.addDocument(first, DocumentType.PLAN_OF_APPROACH, new DossierService.NewContent(
        DocumentProperties.defaultsFor(DocumentType.PLAN_OF_APPROACH), "application/json",
        "{\"content\":{}}".getBytes(StandardCharsets.UTF_8), "werkpad")).await();
    documents = List.of(new DocumentRef(plan.documentId(), 1));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
  }

  static Grant openGrant() {
    return Handovers.grant(gateway.gateway(), fatima, first, second, "kansrijk", documents,
        Optional.of(Instant.now().minusSeconds(60)), Duration.ofDays(14), Duration.ofDays(30), Optional.empty());
  }

  static ClientObjections objections(DisclosureLog through, List<DomainEvent> published) {
    return new ClientObjections(grants, dossiers, through, published::add, Clock.systemUTC());
  }

  @Test
  void theLogEntryIsWrittenBeforeTheObjection_thenTheEventIsPublished() throws Exception {
    Grant grant = openGrant();
    List<DomainEvent> published = new CopyOnWriteArrayList<>();
    AtomicReference<Optional<Objection>> storedWhenLogged = new AtomicReference<>();
    DisclosureLog watching = new DelegatingDisclosureLog(log) {
      @Override
      public Future<LoggedEntry> append(DisclosureEntry entry) {
        return grants.findById(grant.grantId())
            .compose(found -> {
              storedWhenLogged.set(found.orElseThrow().objection());
              assertThat(published).isEmpty();
              return log.append(entry);
            });
      }
    };

    Grant objected = objections(watching, published).object(fatima, SUBJECT, grant.grantId(), REASON).await();

    assertThat(storedWhenLogged.get()).as("no objection stored yet when the log entry was appended").isEmpty();
    assertThat(objected.availabilityAt(Instant.now())).isEqualTo(Grant.Availability.PAUSED_BY_OBJECTION);
    assertThat(grants.findById(grant.grantId()).await().orElseThrow().hasOpenObjection()).isTrue();

    DisclosureEntry entry = log.findByEvent("objection:" + grant.grantId()).await().orElseThrow().entry();
    assertThat(entry.kind()).isEqualTo(DisclosureKind.OBJECTION);
    assertThat(entry.clientId()).isEqualTo(fatima);
    assertThat(entry.organisationId()).isEqualTo("client");
    assertThat(entry.actorId()).contains(SUBJECT);
    assertThat(entry.subjects()).contains(SubjectRef.grant(grant.grantId()), SubjectRef.objection(grant.grantId()));
    assertThat(entry.legalBasis()).contains("avg-art-21");

    assertThat(published).hasSize(1);
    DomainEvent event = published.get(0);
    assertThat(event.type()).isEqualTo("objection-raised");
    assertThat(event.data()).containsEntry("grantId", grant.grantId()).containsEntry("clientId", fatima)
        .containsEntry("commissionerId", "gemeente-deventer").containsEntry("providerId", "kansrijk")
        .containsEntry("trajectoryId", second);
    assertThat(event.toJson().encode()).doesNotContain("medische");
  }

  @Test
  void theReason_isStoredSealedUnderTheClientsKey_boundToItsGrant() throws Exception {
    Grant grant = openGrant();
    Grant other = openGrant();

    Objection stored = objections(log, new CopyOnWriteArrayList<>())
        .object(fatima, SUBJECT, grant.grantId(), REASON).await().objection().orElseThrow();

    assertThat(new String(dossiers.openForClient(fatima, GrantTexts.objectionReason(grant.grantId()),
        stored.reason()).await(), StandardCharsets.UTF_8)).isEqualTo(REASON);
    assertThat(new String(stored.reason().ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("medische");
    // copied to another grant, it does not open
    assertThat(catchThrowable(() -> dossiers.openForClient(fatima, GrantTexts.objectionReason(other.grantId()),
        stored.reason()).await())).isNotNull();
  }

  @Test
  void whenTheLogCannotBeWritten_theObjectionFails_andNothingIsStoredOrPublished() throws Exception {
    Grant grant = openGrant();
    List<DomainEvent> published = new CopyOnWriteArrayList<>();
    DisclosureLog down = DelegatingDisclosureLog.failingAppends(log);

    Throwable failure = catchThrowable(() -> objections(down, published)
        .object(fatima, SUBJECT, grant.grantId(), REASON).await());

    assertThat(failure).isInstanceOf(StoreUnavailableException.class);
    Grant after = grants.findById(grant.grantId()).await().orElseThrow();
    assertThat(after.objection()).isEmpty();
    assertThat(after.availabilityAt(Instant.now())).isEqualTo(Grant.Availability.NOT_YET_AVAILABLE);
    assertThat(published).isEmpty();
    assertThat(log.findByEvent("objection:" + grant.grantId()).await()).isEmpty();

    // the retry, once the log is back, goes through and is logged once
    objections(log, published).object(fatima, SUBJECT, grant.grantId(), REASON).await();
    assertThat(grants.findById(grant.grantId()).await().orElseThrow().hasOpenObjection()).isTrue();
    assertThat(published).hasSize(1);
  }

  @Test
  void aSecondObjection_isAStateConflict_loggedOnce() throws Exception {
    Grant grant = openGrant();
    ClientObjections objections = objections(log, new CopyOnWriteArrayList<>());
    objections.object(fatima, SUBJECT, grant.grantId(), REASON).await();
    long logSize = log.latestCheckpoint().await().size();

    Throwable again = catchThrowable(() -> objections.object(fatima, SUBJECT, grant.grantId(), "Nog een keer").await());

    assertThat(again).isInstanceOfSatisfying(GrantStateException.class,
        refused -> assertThat(refused.reason()).isEqualTo(GrantStateException.Reason.OBJECTION_EXISTS));
    assertThat(log.latestCheckpoint().await().size()).isEqualTo(logSize);
    Objection kept = grants.findById(grant.grantId()).await().orElseThrow().objection().orElseThrow();
    assertThat(new String(dossiers.openForClient(fatima, GrantTexts.objectionReason(grant.grantId()),
        kept.reason()).await(), StandardCharsets.UTF_8)).isEqualTo(REASON);
  }

  @Test
  void revokedAndExpiredGrants_takeNoObjection_andNothingIsLogged() throws Exception {
    Grant revoked = Handovers.grant(gateway.gateway(), fatima, first, second, "kansrijk", documents,
        Optional.of(Instant.now().minusSeconds(60)), Duration.ZERO, Duration.ofDays(30), Optional.of(Instant.now()));
    Grant expired = Handovers.grant(gateway.gateway(), fatima, first, second, "kansrijk", documents,
        Optional.of(Instant.now().minus(Duration.ofDays(40))), Duration.ZERO, Duration.ofDays(30), Optional.empty());
    ClientObjections objections = objections(log, new CopyOnWriteArrayList<>());

    assertThat(catchThrowable(() -> objections.object(fatima, SUBJECT, revoked.grantId(), REASON).await()))
        .isInstanceOfSatisfying(GrantStateException.class,
            refused -> assertThat(refused.reason()).isEqualTo(GrantStateException.Reason.REVOKED));
    assertThat(catchThrowable(() -> objections.object(fatima, SUBJECT, expired.grantId(), REASON).await()))
        .isInstanceOfSatisfying(GrantStateException.class,
            refused -> assertThat(refused.reason()).isEqualTo(GrantStateException.Reason.EXPIRED));
    assertThat(log.findByEvent("objection:" + revoked.grantId()).await()).isEmpty();
    assertThat(log.findByEvent("objection:" + expired.grantId()).await()).isEmpty();
  }

  @Test
  void anotherClientsGrant_isNotFound_likeAMissingOne_andNothingIsLogged() throws Exception {
    Grant fatimas = openGrant();
    ClientObjections objections = objections(log, new CopyOnWriteArrayList<>());

    Throwable foreign = catchThrowable(() -> objections.object(jan, SUBJECT, fatimas.grantId(), REASON).await());
    Throwable missing = catchThrowable(() -> objections.object(jan, SUBJECT, UUID.randomUUID().toString(), REASON)
        .await());

    assertThat(foreign).isInstanceOf(NotFoundException.class);
    assertThat(missing).isInstanceOf(NotFoundException.class).hasMessage(foreign.getMessage());
    assertThat(grants.findById(fatimas.grantId()).await().orElseThrow().objection()).isEmpty();
    assertThat(log.findByEvent("objection:" + fatimas.grantId()).await()).isEmpty();
  }
}
