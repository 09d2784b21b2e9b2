package nl.reintegratie.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.events.bus.EventBusDomainEvents;
import nl.reintegratie.gateway.testsupport.DelegatingDisclosureLog;
import nl.reintegratie.gateway.testsupport.Handovers;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import nl.reintegratie.protocol.crypto.IntegrityException;
import nl.reintegratie.protocol.crypto.ReleaseSealer;
import nl.reintegratie.protocol.crypto.X25519Keys;
import nl.reintegratie.protocol.crypto.X25519PrivateKey;
import nl.reintegratie.schemas.SchemaCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases on a real gateway (dev profile: the demo providers werkpad and kansrijk are registered with their
 * keys-dev encryption keys): Fatima's first trajectory with werkpad failed, her second is with kansrijk, and the
 * commissioner released the end report and a contact moment of the first to kansrijk. Grants are made through the
 * repository, since the commissioner API and its rules are the next issue.
 */
@Timeout(120)
class ProviderReleasesTest {

  static final String END_REPORT = """
      {"properties":{"confidentiality":"standard","clientVisible":true,"transferability":"always"},
       "content":{"result":"ended-without-result","endDate":"2026-07-17","ladderStepAtStart":3,"ladderStepAtEnd":3,
        "causesOfNonSuccess":{"causes":["no-click","too-little-tailoring"],
         "explanation":"De training paste niet bij wat de cliënt zocht."},
        "whatWasTried":["Sollicitatietraining in een groep."],
        "endConversation":{"held":true,"date":"2026-07-14","experiences":"Het ging niet goed.",
         "expectations":"Ik wil iets met mijn handen doen."},
        "advice":{"text":"Begin met een werkervaringsplaats."}}}
      """;

  @TempDir
  static Path storeDir;
  static Vertx vertx;
  static TestGateway gateway;
  static DossierService dossiers;
  static GrantRepository grants;
  static ProviderReleases releases;
  static String fatima;
  static String first;
  static String second;
  static DocumentHeader endReport;
  static DocumentHeader contactMoment;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, storeDir, "http://127.0.0.1:" + Handovers.freePort() + "/realms/reintegratie",
        Handovers.freePort());
    dossiers = gateway.gateway().dossiers();
    grants = gateway.gateway().grants();
    releases = gateway.gateway().releases();
    fatima = dossiers.registerClient("999993653", new PersonalData("Fatima", "El Amrani", Optional.empty(),
        Optional.empty())).await();
    first = Handovers.trajectory(dossiers, fatima, "werkpad", 1);
    second = Handovers.trajectory(dossiers, fatima, "kansrijk", 2);
    endReport = dossiers.addDocument(first, DocumentType.END_REPORT, new DossierService.NewContent(
        DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json",
        END_REPORT.getBytes(StandardCharsets.UTF_8), "werkpad")).await();
    contactMoment = dossiers.addDocument(first, DocumentType.CONTACT_MOMENT, new DossierService.NewContent(
        DocumentProperties.defaultsFor(DocumentType.CONTACT_MOMENT), "application/json",
        contactMomentJson().getBytes(StandardCharsets.UTF_8), "werkpad")).await();
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
  }

  @Test
  void theRecipient_opensTheSelectedDocumentsExactlyAsSubmitted() throws Exception {
    Grant grant = availableGrant();

    byte[] envelope = releases.fetch("kansrijk", grant.grantId()).await();

    JsonObject content;
    try (X25519PrivateKey kansrijk = privateKey("kansrijk")) {
      content = new JsonObject(new String(ReleaseSealer.open(kansrijk, envelope,
          ReleaseSealer.releaseData(grant.grantId(), "kansrijk")), StandardCharsets.UTF_8));
    }
    assertThat(SchemaCatalog.load().validate("release-content", content)).isEmpty();
    assertThat(content.getString("releaseId")).isEqualTo(grant.grantId());
    assertThat(content.getString("legalBasis")).isEqualTo("participatiewet-art-67-lid-1-e");
    assertThat(content.getString("receivingTrajectoryId")).isEqualTo(second);
    assertThat(content.getJsonObject("sourceTrajectory").getString("trajectoryId")).isEqualTo(first);
    assertThat(content.getJsonObject("sourceTrajectory").getString("providerId")).isEqualTo("werkpad");
    JsonArray documents = content.getJsonArray("documents");
    assertThat(documents).hasSize(2);
    assertThat(documents.getJsonObject(0).getString("documentId")).isEqualTo(endReport.documentId());
    assertThat(documents.getJsonObject(0).getString("type")).isEqualTo("end-report");
    assertThat(documents.getJsonObject(0).getJsonObject("content")).isEqualTo(new JsonObject(END_REPORT));
    assertThat(documents.getJsonObject(1).getString("type")).isEqualTo("contact-moment");
    // no BSN, no name: the next provider knows the client from its own trajectory
    assertThat(content.encode()).doesNotContain("999993653", "Fatima", "Amrani");
  }

  @Test
  void everyFetch_isSealedAfresh_andOpensOnlyForItsOwnReleaseAndRecipient() throws Exception {
    Grant grant = availableGrant();

    byte[] one = releases.fetch("kansrijk", grant.grantId()).await();
    byte[] two = releases.fetch("kansrijk", grant.grantId()).await();

    assertThat(one).isNotEqualTo(two);
    try (X25519PrivateKey werkpad = privateKey("werkpad"); X25519PrivateKey kansrijk = privateKey("kansrijk")) {
      assertThatThrownBy(() -> ReleaseSealer.open(werkpad, one, ReleaseSealer.releaseData(grant.grantId(),
          "kansrijk"))).isInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> ReleaseSealer.open(kansrijk, one, ReleaseSealer.releaseData(
          UUID.randomUUID().toString(), "kansrijk"))).isInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void anotherProvidersRelease_isNotFound_likeAMissingOne() {
    Grant grant = availableGrant();

    // werkpad wrote the documents, but the release is not to werkpad
    assertThatThrownBy(() -> releases.fetch("werkpad", grant.grantId()).await())
        .isInstanceOf(NotFoundException.class).hasMessage("release not found");
    assertThatThrownBy(() -> releases.fetch("kansrijk", UUID.randomUUID().toString()).await())
        .isInstanceOf(NotFoundException.class).hasMessage("release not found");
    assertThat(releases.releases("werkpad").await()).extracting(Grant::grantId).doesNotContain(grant.grantId());
  }

  @Test
  void theListing_showsTheRecipientsGrantsWithTheirAvailability() {
    Grant waiting = grant(Optional.of(Instant.now()), Duration.ofDays(2), Duration.ofDays(30), Optional.empty());
    Grant open = availableGrant();

    List<Grant> listed = releases.releases("kansrijk").await();

    assertThat(listed).extracting(Grant::grantId).contains(waiting.grantId(), open.grantId());
    assertThat(listed).allMatch(grant -> grant.recipientOrganisation().equals("kansrijk"));
    assertThat(listed.stream().filter(g -> g.grantId().equals(waiting.grantId())).findFirst().orElseThrow()
        .availabilityAt(releases.now())).isEqualTo(Grant.Availability.NOT_YET_AVAILABLE);
  }

  @Test
  void aReleaseAwaitingNotice_notYetAvailable_expired_orRevoked_isRefusedWithItsReason() {
    Instant now = Instant.now();
    Grant awaitingNotice = grant(Optional.empty(), Duration.ZERO, Duration.ofDays(30), Optional.empty());
    Grant notYet = grant(Optional.of(now), Duration.ofDays(2), Duration.ofDays(30), Optional.empty());
    Grant expired = grant(Optional.of(now.minus(Duration.ofDays(40))), Duration.ZERO, Duration.ofDays(30),
        Optional.empty());
    Grant revoked = grant(Optional.of(now.minusSeconds(60)), Duration.ZERO, Duration.ofDays(30), Optional.of(now));

    // the gateway's notice delivery stores this grant's notice within seconds: judge it as it was written
    assertThat(reasonOf(awaitingNotice, asWritten(awaitingNotice))).isEqualTo(Grant.Availability.AWAITING_NOTICE);
    assertThat(reasonOf(notYet)).isEqualTo(Grant.Availability.NOT_YET_AVAILABLE);
    assertThat(reasonOf(expired)).isEqualTo(Grant.Availability.EXPIRED);
    assertThat(reasonOf(revoked)).isEqualTo(Grant.Availability.REVOKED);
  }

  @Test
  void aGrantRecordPointingAtAnotherDossiersDocument_releasesNothing() {
    String other = Handovers.trajectory(dossiers, dossiers.registerClient("999991772", new PersonalData("Jan", "de Vries",
        Optional.empty(), Optional.empty())).await(), "werkpad", 1);
    DocumentHeader foreign = dossiers.addDocument(other, DocumentType.END_REPORT, new DossierService.NewContent(
        DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json",
        END_REPORT.getBytes(StandardCharsets.UTF_8), "werkpad")).await();
    Grant tampered = Handovers.grant(gateway.gateway(), fatima, first, second, "kansrijk",
        List.of(new DocumentRef(foreign.documentId(), 1)), Optional.of(Instant.now().minusSeconds(60)),
        Duration.ZERO, Duration.ofDays(1), Optional.empty());

    assertThatThrownBy(() -> releases.fetch("kansrijk", tampered.grantId()).await())
        .isInstanceOf(IntegrityException.class);
  }

  @Test
  void everyFetch_isInTheClientsDisclosureLog_andPublished() throws Exception {
    Grant grant = availableGrant();
    java.util.concurrent.CompletableFuture<JsonObject> published = new java.util.concurrent.CompletableFuture<>();
    vertx.eventBus().<JsonObject>consumer(EventBusDomainEvents.address(ReleaseEvents.RELEASE_FETCHED), message -> {
      if (grant.grantId().equals(message.body().getJsonObject("data").getString("releaseId"))) {
        published.complete(message.body());
      }
    });

    releases.fetch("kansrijk", grant.grantId()).await();

    List<DisclosureEntry> fetches = gateway.gateway().disclosureLog().entriesOf(fatima).await().entries().stream()
        .map(proven -> proven.entry().entry())
        .filter(entry -> entry.kind() == DisclosureKind.RELEASE_FETCH)
        .filter(entry -> entry.subjects().contains(SubjectRef.grant(grant.grantId())))
        .toList();
    assertThat(fetches).singleElement().satisfies(entry -> {
      assertThat(entry.organisationId()).isEqualTo("kansrijk");
      assertThat(entry.legalBasis()).contains("participatiewet-art-67-lid-1-e");
      assertThat(entry.purpose()).contains("reintegration");
      assertThat(entry.subjects()).contains(SubjectRef.document(endReport.documentId(), 1),
          SubjectRef.trajectory(second));
    });
    JsonObject event = published.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(event.getJsonObject("data").getString("logEventId")).isEqualTo(fetches.get(0).eventId());
    assertThat(event.getJsonObject("data").getString("recipientOrganisation")).isEqualTo("kansrijk");
  }

  @Test
  void whenTheDisclosureLogCannotBeWritten_theFetchFails_andNothingIsReleased() throws Exception {
    Grant grant = availableGrant();
    byte[] kansrijkKey;
    try (X25519PrivateKey kansrijk = privateKey("kansrijk")) {
      kansrijkKey = kansrijk.publicKey();
    }
    DisclosureLog broken = DelegatingDisclosureLog.failingAppends(gateway.gateway().disclosureLog());
    ProviderReleases withBrokenLog = new ProviderReleases(vertx, grants, dossiers,
        organisation -> io.vertx.core.Future.succeededFuture(Optional.of(kansrijkKey)), broken,
        event -> {
          throw new AssertionError("published a fetch that was not logged");
        }, java.time.Clock.systemUTC());

    assertThatThrownBy(() -> withBrokenLog.fetch("kansrijk", grant.grantId()).await())
        .hasMessageContaining("log store down");
  }

  private static Grant.Availability reasonOf(Grant grant) {
    return reasonOf(grant, releases);
  }

  private static Grant.Availability reasonOf(Grant grant, ProviderReleases releases) {
    try {
      releases.fetch("kansrijk", grant.grantId()).await();
    } catch (ReleaseUnavailableException e) {
      return e.availability();
    }
    throw new AssertionError("fetched a release that is not available");
  }

  /** Releases over a repository that always finds {@code grant} exactly as it was written. */
  static ProviderReleases asWritten(Grant grant) {
    GrantRepository frozen = (GrantRepository) java.lang.reflect.Proxy.newProxyInstance(
        GrantRepository.class.getClassLoader(), new Class<?>[] {GrantRepository.class}, (proxy, method, args) -> {
          if (!method.getName().equals("findById")) {
            throw new UnsupportedOperationException(method.getName());
          }
          return io.vertx.core.Future.succeededFuture(Optional.of(grant).filter(g -> g.grantId().equals(args[0])));
        });
    return new ProviderReleases(vertx, frozen, dossiers, organisation -> io.vertx.core.Future.failedFuture(
        new AssertionError("an unavailable release needs no key")), gateway.gateway().disclosureLog(),
        event -> { }, java.time.Clock.systemUTC());
  }

  /** Fatima's end report and contact moment of her first trajectory, granted to kansrijk for her second. */
  static Grant grant(Optional<Instant> noticeStoredAt, Duration waitingPeriod, Duration validFor,
                     Optional<Instant> revokedAt) {
    return Handovers.grant(gateway.gateway(), fatima, first, second, "kansrijk",
        List.of(new DocumentRef(endReport.documentId(), 1), new DocumentRef(contactMoment.documentId(), 1)),
        noticeStoredAt, waitingPeriod, validFor, revokedAt);
  }

  static Grant availableGrant() {
    return grant(Optional.of(Instant.now().minusSeconds(60)), Duration.ZERO, Duration.ofDays(30), Optional.empty());
  }

  static X25519PrivateKey privateKey(String provider) throws Exception {
    return X25519Keys.privateKeyFromPem(Files.readString(
        ProjectFiles.keysDev().resolve("providers").resolve(provider).resolve("encryption-x25519.key")));
  }

  private static String contactMomentJson() throws Exception {
    return Files.readString(ProjectFiles.root().resolve(
        "schemas/src/main/resources/examples/contact-moment-submission/valid").toFile().listFiles()[0].toPath());
  }
}
