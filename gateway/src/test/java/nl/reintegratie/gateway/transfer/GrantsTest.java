package nl.reintegratie.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.dossier.Cause;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.Goal;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryResult;
import nl.reintegratie.gateway.dossier.TrajectoryType;
import nl.reintegratie.gateway.events.DomainEvent;
import nl.reintegratie.gateway.store.StoreUnavailableException;
import nl.reintegratie.gateway.testsupport.DelegatingDisclosureLog;
import nl.reintegratie.gateway.testsupport.Handovers;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commissioner's grants on a real store (a dev gateway's embedded store, its dossier service, grant repository and
 * disclosure log): a lawful grant is logged, stored with every rule's outcome and its pending notice; each rule's
 * refusal is named, with nothing stored or logged; the log is written first, so a log that cannot append leaves no
 * grant, revocation or decision; revocations and objection decisions keep to their own organisation and state.
 *
 * <p>The case: Fatima's first trajectory at gemeente-deventer, with werkpad, ended without result; her second, with
 * kansrijk, is running. The officer hands werkpad's end report and a contact moment to kansrijk.
 */
@Timeout(120)
class GrantsTest {

  static final String DEVENTER = "gemeente-deventer";
  static final String OFFICER = "8c1f2e3d-4b5a-4c6d-9e8f-7a6b5c4d3e2f";
  static final String UWV_OFFICER = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
  static final String NECESSITY = "Zodat kansrijk weet wat bij werkpad is geprobeerd en niet opnieuw begint.";
  static final String CONTACT_JUSTIFICATION = "Het laatste gesprek laat zien welke afspraken er nog lopen.";
  static final Map<String, TransferFacts.Recipient> REGISTRY = Map.of(
      "werkpad", new TransferFacts.Recipient("werkpad", true, true, false),
      "kansrijk", new TransferFacts.Recipient("kansrijk", true, true, false));

  @TempDir
  static Path storeDir;
  static Vertx vertx;
  static TestGateway gateway;
  static DossierService dossiers;
  static GrantRepository repository;
  static DisclosureLog log;
  static final List<DomainEvent> EVENTS = new CopyOnWriteArrayList<>();
  static Grants grants;

  /** One handover: the ended first trajectory with two documents, and the running second. */
  record Handover(String clientId, String first, String second, DocumentHeader endReport, DocumentHeader contact) {}

  /** Each test's own client, so one test's objection or grant never decides another's. */
  String client;
  Handover deventer;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, storeDir, "http://127.0.0.1:" + Handovers.freePort() + "/realms/reintegratie",
        Handovers.freePort());
    dossiers = gateway.gateway().dossiers();
    repository = gateway.gateway().grants();
    log = gateway.gateway().disclosureLog();
    grants = grantsWith(log);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
  }

  @BeforeEach
  void handover() {
    client = newClient();
    deventer = handover(client, DEVENTER, Regime.PARTICIPATIEWET, "werkpad", "kansrijk");
  }

  static Grants grantsWith(DisclosureLog disclosureLog) {
    return new Grants(dossiers, repository, disclosureLog,
        organisation -> Future.succeededFuture(Optional.ofNullable(REGISTRY.get(organisation))), EVENTS::add,
        Clock.systemUTC());
  }

  // ------------------------------------------------------------------------------------------ a lawful grant

  @Test
  void aLawfulGrant_isStoredWithEveryRulesOutcome_itsLogEntry_andItsPendingNotice() {
    Grants.Explained made = grants.decide(lawful(deventer)).await();

    Grant grant = made.grant();
    assertThat(repository.findById(grant.grantId()).await()).contains(grant);
    assertThat(grant.clientId()).isEqualTo(client);
    assertThat(grant.commissionerOrganisation()).isEqualTo(DEVENTER);
    assertThat(grant.decidedBy()).isEqualTo(OFFICER);
    assertThat(grant.recipientOrganisation()).isEqualTo("kansrijk");
    assertThat(grant.sourceTrajectoryId()).isEqualTo(deventer.first());
    assertThat(grant.receivingTrajectoryId()).isEqualTo(deventer.second());
    assertThat(grant.legalBasis()).isEqualTo(LegalBasis.PARTICIPATIEWET_ART_67);
    assertThat(grant.documents()).containsExactly(new DocumentRef(deventer.endReport().documentId(), 1),
        new DocumentRef(deventer.contact().documentId(), 1));
    assertThat(grant.evaluation()).extracting(RuleOutcome::rule).containsExactly(TransferRule.values());
    assertThat(grant.evaluation()).allMatch(RuleOutcome::passed);
    assertThat(grant.waitingPeriod()).isEqualTo(Duration.ofDays(2));
    assertThat(grant.validFor()).isEqualTo(Duration.ofDays(30));
    // the client is told first: nothing can be fetched yet
    assertThat(grant.availabilityAt(Instant.now())).isEqualTo(Grant.Availability.AWAITING_NOTICE);
    assertThat(announced(grant, NoticeKind.GRANTED)).isTrue();
    assertThat(repository.listByRecipient("kansrijk").await()).contains(grant);

    // the reasons are kept only sealed under the client's key, bound to this grant
    GrantReasons reasons = GrantReasons.fromBytes(dossiers.openForClient(client,
        GrantTexts.grantReasons(grant.grantId()), grant.reasons()).await());
    assertThat(reasons.necessityReason()).isEqualTo(NECESSITY);
    assertThat(reasons.documentJustifications())
        .containsExactly(Map.entry(deventer.contact().documentId(), CONTACT_JUSTIFICATION));
    assertThat(made.reasons()).contains(reasons);

    DisclosureEntry entry = log.findByEvent("grant:" + grant.grantId()).await().orElseThrow().entry();
    assertThat(entry.kind()).isEqualTo(DisclosureKind.GRANT);
    assertThat(entry.clientId()).isEqualTo(client);
    assertThat(entry.organisationId()).isEqualTo(DEVENTER);
    assertThat(entry.actorId()).contains(OFFICER);
    assertThat(entry.subjects()).containsExactly(SubjectRef.grant(grant.grantId()),
        SubjectRef.trajectory(deventer.first()), SubjectRef.trajectory(deventer.second()),
        SubjectRef.document(deventer.endReport().documentId(), 1), SubjectRef.document(deventer.contact().documentId(),
            1));
    assertThat(entry.purpose()).contains("reintegration");
    assertThat(entry.legalBasis()).contains("participatiewet-art-67-lid-1-e");
    assertThat(entry.at()).isEqualTo(grant.grantedAt());
    // the client sees the entry among their own, with its proof
    assertThat(log.entriesOf(client).await().entries())
        .anySatisfy(proven -> assertThat(proven.entry().entry().eventId()).isEqualTo("grant:" + grant.grantId()));

    DomainEvent event = eventAbout(GrantEvents.GRANT_MADE, grant.grantId());
    assertThat(event.data()).containsEntry("clientId", client).containsEntry("providerId", "kansrijk")
        .containsEntry("commissionerId", DEVENTER).containsEntry("legalBasis", "participatiewet-art-67-lid-1-e")
        .containsEntry("documentCount", "2").containsEntry("waitingPeriodDays", "2")
        .containsEntry("validityDays", "30");
    assertThat(event.toJson().encode()).doesNotContain("kansrijk weet", "afspraken");
  }

  @Test
  void theCommissionerSeesTheGrant_withItsReasonsOpened_butAnotherOrganisationFindsNothing() {
    Grant grant = grants.decide(lawful(deventer)).await().grant();

    Grants.Explained seen = grants.explain(grants.grant(DEVENTER, grant.grantId()).await()).await();

    assertThat(seen.reasons().orElseThrow().necessityReason()).isEqualTo(NECESSITY);
    assertThat(grants.grantsOf(DEVENTER).await().get(0)).isEqualTo(grant); // newest first
    assertThat(grants.grantsOf("uwv").await()).doesNotContain(grant);
    assertThatThrownBy(() -> grants.grant("uwv", grant.grantId()).await()).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> grants.grant(DEVENTER, UUID.randomUUID().toString()).await())
        .isInstanceOf(NotFoundException.class);
  }

  // ------------------------------------------------------------------------------------------ each rule's refusal

  @Test
  void aLegalBasisThatIsNotTheRegimes_isRefused() {
    assertRefusedBy(with(lawful(deventer), LegalBasis.WET_SUWI_ART_73), TransferRule.LEGAL_BASIS);
  }

  /**
   * UWV's officer asking for gemeente-deventer's trajectories is refused for not being the commissioner, and gets
   * exactly the answer for trajectories that do not exist: a refusal tells nothing about another organisation's
   * dossiers (not even their regime or documents).
   */
  @Test
  void anotherOrganisationsTrajectories_areNotItsOwnCommission_andLookLikeMissingOnes() {
    GrantRequest theirs = request("uwv", UWV_OFFICER, deventer.first(), deventer.second(),
        LegalBasis.WET_SUWI_ART_73, NECESSITY, selections(deventer));
    GrantRequest missing = request("uwv", UWV_OFFICER, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        LegalBasis.WET_SUWI_ART_73, NECESSITY, List.of(
            new GrantRequest.Selection(deventer.endReport().documentId(), 1, Optional.empty()),
            new GrantRequest.Selection(deventer.contact().documentId(), 1, Optional.of(CONTACT_JUSTIFICATION))));

    List<RuleOutcome> refusal = refusal(theirs);

    assertThat(refusal).extracting(RuleOutcome::rule).contains(TransferRule.OWN_COMMISSION);
    assertThat(refusal).isEqualTo(refusal(missing));
  }

  @Test
  void aReceivingTrajectoryThatIsNotRunning_isRefused() {
    dossiers.endTrajectory(deventer.second(), LocalDate.now(), TrajectoryResult.PLACED, List.of(), Optional.empty())
        .await();

    assertRefusedBy(lawful(deventer), TransferRule.RECIPIENT_AUTHORISED);
  }

  @Test
  void aReceivingTrajectoryOfAnotherClient_isRefused() {
    String jans = trajectory(newClient(), DEVENTER, Regime.PARTICIPATIEWET, "kansrijk", 2);

    assertRefusedBy(receiving(lawful(deventer), jans), TransferRule.RECIPIENT_AUTHORISED);
  }

  @Test
  void aReceivingTrajectoryOfAnotherCommissioner_isRefused() {
    String uwvs = trajectory(client, "uwv", Regime.WW, "kansrijk", 2);

    List<RuleOutcome> refusal = refusal(receiving(lawful(deventer), uwvs));

    assertThat(refusal).extracting(RuleOutcome::rule)
        .containsExactly(TransferRule.OWN_COMMISSION, TransferRule.RECIPIENT_AUTHORISED, TransferRule.PURPOSE);
  }

  @Test
  void atUwv_theSameProviderAgain_isRefused() {
    Handover uwv = handover(client, "uwv", Regime.WW, "werkpad", "werkpad");

    assertRefusedBy(request("uwv", UWV_OFFICER, uwv.first(), uwv.second(), LegalBasis.WET_SUWI_ART_73, NECESSITY,
        selections(uwv)), TransferRule.SECOND_CHANCE_ELSEWHERE);
    // with another provider the same request passes
    Handover elsewhere = handover(client, "uwv", Regime.WW, "werkpad", "kansrijk");
    assertThat(grants.decide(request("uwv", UWV_OFFICER, elsewhere.first(), elsewhere.second(),
        LegalBasis.WET_SUWI_ART_73, NECESSITY, selections(elsewhere))).await().grant().recipientOrganisation())
        .isEqualTo("kansrijk");
  }

  @Test
  void withoutANecessityReason_noPersonDecided() {
    assertRefusedBy(request(DEVENTER, OFFICER, deventer.first(), deventer.second(),
        LegalBasis.PARTICIPATIEWET_ART_67, "   ", selections(deventer)), TransferRule.DECIDED_BY_A_PERSON);
  }

  @Test
  void aDocumentOfAnotherTrajectory_isRefused_likeOneThatDoesNotExist() {
    DocumentHeader ofTheSecond = endReport(deventer.second());
    Handover janAtUwv = handover(newClient(), "uwv", Regime.WW, "werkpad", "kansrijk");

    List<RuleOutcome> own = refusal(selecting(deventer, ofTheSecond.documentId()));
    List<RuleOutcome> foreign = refusal(selecting(deventer, janAtUwv.endReport().documentId()));

    assertThat(own).extracting(RuleOutcome::rule).containsExactly(TransferRule.MINIMISATION);
    assertThat(foreign).extracting(RuleOutcome::rule).containsExactly(TransferRule.MINIMISATION);
    String unknown = UUID.randomUUID().toString();
    assertThat(refusal(selecting(deventer, unknown)).get(0).reasonEn().orElseThrow())
        .isEqualTo(foreign.get(0).reasonEn().orElseThrow().replace(janAtUwv.endReport().documentId(), unknown));
  }

  @Test
  void aJustificationMissing_whereTheDocumentAsksForOne_isRefused() {
    assertRefusedBy(request(DEVENTER, OFFICER, deventer.first(), deventer.second(),
        LegalBasis.PARTICIPATIEWET_ART_67, NECESSITY, List.of(
            new GrantRequest.Selection(deventer.contact().documentId(), 1, Optional.empty()))),
        TransferRule.MINIMISATION);
  }

  /**
   * The client objected to an earlier grant: no new grant until the commissioner decides (art. 67 lid 3); once the
   * objection is rejected, the same request passes. An objection to a revoked grant no longer counts.
   */
  @Test
  void anOpenObjection_blocksNewGrants_untilItIsDecided() {
    Handover hers = deventer;
    Grant first = grants.decide(lawful(hers)).await().grant();
    object(first, "Ik wil niet dat mijn gesprekken met de coach worden doorgegeven.");

    assertRefusedBy(lawful(hers), TransferRule.PROPORTIONALITY);

    grants.decideObjection(DEVENTER, OFFICER, first.grantId(), false,
        "Alleen het laatste gesprek gaat mee, omdat daarin de afspraken staan.").await();
    Grant second = grants.decide(lawful(hers)).await().grant();
    object(second, "Ook hier ben ik het niet mee eens.");
    grants.revoke(DEVENTER, OFFICER, second.grantId()).await();
    assertThat(grants.decide(lawful(hers)).await().grant().evaluation()).allMatch(RuleOutcome::passed);
  }

  @Test
  void aRefusal_namesEveryFailedRule_andStoresAndLogsNothing() {
    long logged = log.latestCheckpoint().await().size();
    int stored = repository.listByClient(client).await().size();
    int events = EVENTS.size();
    GrantRequest wrongInEveryWay = new GrantRequest(DEVENTER, OFFICER, deventer.first(), deventer.second(),
        LegalBasis.WET_SUWI_ART_73, "kort", List.of(), Optional.empty(), Duration.ofDays(-1), Duration.ofDays(400));

    List<RuleOutcome> refusal = refusal(wrongInEveryWay);

    assertThat(refusal).extracting(RuleOutcome::rule).containsExactly(TransferRule.LEGAL_BASIS,
        TransferRule.DECIDED_BY_A_PERSON, TransferRule.MINIMISATION, TransferRule.VALIDITY);
    assertThat(refusal).allSatisfy(outcome -> {
      assertThat(outcome.passed()).isFalse();
      assertThat(outcome.reasonNl()).isPresent();
      assertThat(outcome.reasonEn()).isPresent();
    });
    assertThat(log.latestCheckpoint().await().size()).isEqualTo(logged);
    assertThat(repository.listByClient(client).await()).hasSize(stored);
    assertThat(EVENTS).hasSize(events);
  }

  // ------------------------------------------------------------------------------------------ the log comes first

  @Test
  void whenTheLogCannotAppend_noGrantIsStored() {
    DelegatingDisclosureLog.FailingAppends failing = DelegatingDisclosureLog.failingAppends(log);
    int stored = repository.listByClient(client).await().size();
    int events = EVENTS.size();

    assertThatThrownBy(() -> grantsWith(failing).decide(lawful(deventer)).await())
        .isInstanceOf(StoreUnavailableException.class);

    assertThat(failing.attempts()).isEqualTo(1);
    assertThat(repository.listByClient(client).await()).hasSize(stored);
    assertThat(repository.listByRecipient("kansrijk").await())
        .noneMatch(grant -> grant.receivingTrajectoryId().equals(deventer.second()));
    // no notice announced for a grant that was never stored (the gateway's own delivery works through the others)
    assertThat(repository.pendingNotices().await())
        .allSatisfy(notice -> assertThat(repository.findById(notice.grantId()).await()).isPresent());
    assertThat(EVENTS).hasSize(events);
  }

  @Test
  void whenTheLogCannotAppend_noRevocationOrDecisionHappens() {
    Grant grant = grants.decide(lawful(deventer)).await().grant();
    object(grant, "Ik wil eerst met de nieuwe coach praten.");
    Grants failing = grantsWith(DelegatingDisclosureLog.failingAppends(log));

    assertThatThrownBy(() -> failing.revoke(DEVENTER, OFFICER, grant.grantId()).await())
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> failing.decideObjection(DEVENTER, OFFICER, grant.grantId(), true,
        "U heeft gelijk, we trekken de overdracht in.").await()).isInstanceOf(StoreUnavailableException.class);

    Grant after = repository.findById(grant.grantId()).await().orElseThrow();
    assertThat(after.revokedAt()).isEmpty();
    assertThat(after.hasOpenObjection()).isTrue();
    assertThat(repository.pendingNotices().await()).extracting(PendingNotice::grantId, PendingNotice::kind)
        .doesNotContain(org.assertj.core.groups.Tuple.tuple(grant.grantId(), NoticeKind.REVOKED),
            org.assertj.core.groups.Tuple.tuple(grant.grantId(), NoticeKind.OBJECTION_DECIDED));
  }

  // ------------------------------------------------------------------------------------------ revoking

  @Test
  void revoking_logsItFirst_thenStopsTheRelease_once() {
    Grant grant = grants.decide(lawful(deventer)).await().grant();
    repository.markNoticeStored(grant.grantId(), Instant.now().minusSeconds(3 * 86_400)).await();

    Grant revoked = grants.revoke(DEVENTER, OFFICER, grant.grantId()).await();

    assertThat(revoked.availabilityAt(Instant.now())).isEqualTo(Grant.Availability.REVOKED);
    LoggedEntry entry = log.findByEvent("revocation:" + grant.grantId() + ":" + OFFICER).await().orElseThrow();
    assertThat(entry.entry().kind()).isEqualTo(DisclosureKind.REVOCATION);
    assertThat(entry.entry().actorId()).contains(OFFICER);
    assertThat(entry.entry().subjects()).contains(SubjectRef.grant(grant.grantId()));
    assertThat(log.findByEvent("grant:" + grant.grantId()).await().orElseThrow().index()).isLessThan(entry.index());
    assertThat(announced(grant, NoticeKind.REVOKED)).isTrue();
    assertThat(eventAbout(GrantEvents.GRANT_REVOKED, grant.grantId()).data())
        .containsEntry("revokedAt", revoked.revokedAt().orElseThrow().toString());
    assertThatThrownBy(() -> grants.revoke(DEVENTER, OFFICER, grant.grantId()).await())
        .isInstanceOfSatisfying(GrantStateException.class,
            refused -> assertThat(refused.reason()).isEqualTo(GrantStateException.Reason.REVOKED));
  }

  @Test
  void anotherOrganisation_cannotRevokeOrDecide_andNothingChanges() {
    Grant grant = grants.decide(lawful(deventer)).await().grant();
    object(grant, "Ik wil eerst met de nieuwe coach praten.");

    assertThatThrownBy(() -> grants.revoke("uwv", UWV_OFFICER, grant.grantId()).await())
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> grants.decideObjection("uwv", UWV_OFFICER, grant.grantId(), true,
        "Wij trekken deze overdracht in.").await()).isInstanceOf(NotFoundException.class);

    assertThat(repository.findById(grant.grantId()).await()).hasValueSatisfying(after -> {
      assertThat(after.revokedAt()).isEmpty();
      assertThat(after.hasOpenObjection()).isTrue();
    });
    assertThat(log.findByEvent("revocation:" + grant.grantId() + ":" + OFFICER).await()).isEmpty();
  }

  @Test
  void anExpiredGrant_cannotBeRevoked() {
    Grant expired = Handovers.grant(gateway.gateway(), client, deventer.first(), deventer.second(), "kansrijk",
        List.of(new DocumentRef(deventer.endReport().documentId(), 1)),
        Optional.of(Instant.now().minus(Duration.ofDays(40))), Duration.ZERO, Duration.ofDays(30), Optional.empty());

    assertThatThrownBy(() -> grants.revoke(DEVENTER, OFFICER, expired.grantId()).await())
        .isInstanceOfSatisfying(GrantStateException.class,
            refused -> assertThat(refused.reason()).isEqualTo(GrantStateException.Reason.EXPIRED));
    assertThat(log.findByEvent("revocation:" + expired.grantId() + ":" + OFFICER).await()).isEmpty();
  }

  // ------------------------------------------------------------------------------------------ objections

  @Test
  void anUpheldObjection_revokesTheGrant_withTheReasonsSealed_andLoggedFirst() {
    Grant grant = grants.decide(lawful(deventer)).await().grant();
    object(grant, "Ik wil niet dat mijn gesprekken met de coach worden doorgegeven.");
    String reasons = "U heeft gelijk: het contactmoment is niet nodig voor het nieuwe traject.";

    Grant decided = grants.decideObjection(DEVENTER, OFFICER, grant.grantId(), true, reasons).await();

    assertThat(decided.availabilityAt(Instant.now())).isEqualTo(Grant.Availability.REVOKED);
    Objection.Decision decision = decided.objection().flatMap(Objection::decision).orElseThrow();
    assertThat(decision.upheld()).isTrue();
    assertThat(decision.decidedBy()).isEqualTo(OFFICER);
    Grants.Explained seen = grants.explain(decided).await();
    assertThat(seen.objectionReason()).contains("Ik wil niet dat mijn gesprekken met de coach worden doorgegeven.");
    assertThat(seen.decisionReasons()).contains(reasons);
    DisclosureEntry entry = log.findByEvent(
        "objection-decision:" + grant.grantId() + ":objection-upheld:" + OFFICER).await()
        .orElseThrow().entry();
    assertThat(entry.kind()).isEqualTo(DisclosureKind.OBJECTION_DECISION);
    assertThat(entry.reason()).contains("objection-upheld");
    assertThat(entry.subjects()).contains(SubjectRef.grant(grant.grantId()));
    assertThat(eventAbout(GrantEvents.OBJECTION_DECIDED, grant.grantId()).data()).containsEntry("decision",
        "upheld");
    assertThatThrownBy(() -> grants.decideObjection(DEVENTER, OFFICER, grant.grantId(), false,
        "Toch niet, want de afspraken zijn nodig.").await())
        .isInstanceOfSatisfying(GrantStateException.class,
            refused -> assertThat(refused.reason()).isEqualTo(GrantStateException.Reason.REVOKED));
  }

  @Test
  void aRejectedObjection_letsTheReleaseGoOn() {
    Grant grant = grants.decide(lawful(deventer)).await().grant();
    repository.markNoticeStored(grant.grantId(), Instant.now().minus(Duration.ofDays(3))).await();
    object(grant, "Ik wil eerst met de nieuwe coach praten.");
    assertThat(repository.findById(grant.grantId()).await().orElseThrow().availabilityAt(Instant.now()))
        .isEqualTo(Grant.Availability.PAUSED_BY_OBJECTION);

    Grant decided = grants.decideObjection(DEVENTER, OFFICER, grant.grantId(), false,
        "De afspraken uit het laatste gesprek zijn nodig om direct verder te kunnen.").await();

    assertThat(decided.availabilityAt(Instant.now())).isEqualTo(Grant.Availability.AVAILABLE);
    assertThat(log.findByEvent("objection-decision:" + grant.grantId() + ":objection-rejected:" + OFFICER).await()
        .orElseThrow().entry().reason()).contains("objection-rejected");
  }

  @Test
  void withoutAnOpenObjection_thereIsNothingToDecide() {
    Grant grant = grants.decide(lawful(deventer)).await().grant();

    assertThatThrownBy(() -> grants.decideObjection(DEVENTER, OFFICER, grant.grantId(), true,
        "U heeft gelijk, we trekken de overdracht in.").await())
        .isInstanceOfSatisfying(GrantStateException.class,
            refused -> assertThat(refused.reason()).isEqualTo(GrantStateException.Reason.NO_OPEN_OBJECTION));
    assertThat(log.findByEvent(
        "objection-decision:" + grant.grantId() + ":objection-upheld:" + OFFICER).await()).isEmpty();
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** A newly registered client with a random BSN that passes the eleven-test (the demo BSNs are taken once). */
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
      int last = sum % 11;
      if (last > 9) {
        continue;
      }
      String candidate = bsn.append(last).toString();
      try {
        return dossiers.registerClient(candidate, new PersonalData("Test", "Cliënt", Optional.empty(),
            Optional.empty())).await();
      } catch (RuntimeException taken) {
        // another test's client already has this number: draw again
      }
    }
  }

  static Handover handover(String clientId, String commissioner, Regime regime, String firstProvider,
                           String secondProvider) {
    String first = trajectory(clientId, commissioner, regime, firstProvider, 1);
    dossiers.endTrajectory(first, LocalDate.now().minusDays(7), TrajectoryResult.ENDED_WITHOUT_RESULT,
        List.of(Cause.MOTIVATION), Optional.empty()).await();
    String second = trajectory(clientId, commissioner, regime, secondProvider, 2);
    Trajectory planned = dossiers.findTrajectory(second).await().orElseThrow();
    dossiers.saveTrajectory(planned.start(LocalDate.now(), Optional.empty())).await();
    DocumentHeader contact = dossiers.addDocument(first, DocumentType.CONTACT_MOMENT, new DossierService.NewContent(
        DocumentProperties.defaultsFor(DocumentType.CONTACT_MOMENT), "application/json",
        "{\"date\":\"2026-06-30\",\"kind\":\"conversation\"}".getBytes(StandardCharsets.UTF_8), firstProvider))
        .await();
    return new Handover(clientId, first, second, endReport(first), contact);
  }

  static String trajectory(String clientId, String commissioner, Regime regime, String provider, int sequence) {
    return dossiers.createTrajectory(Trajectory.plan(UUID.randomUUID().toString(), clientId, commissioner, provider,
        regime, TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.now().minusMonths(8),
        LocalDate.now().plusMonths(4), sequence, Instant.now())).await().trajectoryId();
  }

  static DocumentHeader endReport(String trajectoryId) {
    return dossiers.addDocument(trajectoryId, DocumentType.END_REPORT, new DossierService.NewContent(
        DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json",
        "{\"result\":\"ended-without-result\"}".getBytes(StandardCharsets.UTF_8), "werkpad")).await();
  }

  static List<GrantRequest.Selection> selections(Handover handover) {
    return List.of(new GrantRequest.Selection(handover.endReport().documentId(), 1, Optional.empty()),
        new GrantRequest.Selection(handover.contact().documentId(), 1, Optional.of(CONTACT_JUSTIFICATION)));
  }

  static GrantRequest lawful(Handover handover) {
    return request(DEVENTER, OFFICER, handover.first(), handover.second(), LegalBasis.PARTICIPATIEWET_ART_67,
        NECESSITY, selections(handover));
  }

  static GrantRequest request(String organisation, String officer, String from, String to, LegalBasis basis,
                              String necessity, List<GrantRequest.Selection> documents) {
    return new GrantRequest(organisation, officer, from, to, basis, necessity, documents, Optional.empty(),
        Duration.ofDays(2), Duration.ofDays(30));
  }

  static GrantRequest with(GrantRequest r, LegalBasis basis) {
    return new GrantRequest(r.commissionerOrganisation(), r.decidedBy(), r.sourceTrajectoryId(),
        r.receivingTrajectoryId(), basis, r.necessityReason(), r.documents(), r.healthJustification(),
        r.waitingPeriod(), r.validFor());
  }

  static GrantRequest receiving(GrantRequest r, String trajectoryId) {
    return new GrantRequest(r.commissionerOrganisation(), r.decidedBy(), r.sourceTrajectoryId(), trajectoryId,
        r.legalBasis(), r.necessityReason(), r.documents(), r.healthJustification(), r.waitingPeriod(),
        r.validFor());
  }

  static GrantRequest selecting(Handover handover, String documentId) {
    return request(DEVENTER, OFFICER, handover.first(), handover.second(), LegalBasis.PARTICIPATIEWET_ART_67,
        NECESSITY, List.of(new GrantRequest.Selection(handover.endReport().documentId(), 1, Optional.empty()),
            new GrantRequest.Selection(documentId, 1, Optional.of(CONTACT_JUSTIFICATION))));
  }

  /**
   * Whether the client's notice of {@code kind} about {@code grant} is on its way: still pending, or already in the
   * inbox (the gateway's own notice delivery runs every few seconds and may have been quicker than the test).
   */
  static boolean announced(Grant grant, NoticeKind kind) {
    return repository.pendingNotices().await().stream()
            .anyMatch(notice -> notice.grantId().equals(grant.grantId()) && notice.kind() == kind)
        || gateway.gateway().inbox().find(grant.clientId(), kind.noticeId(grant.grantId())).await().isPresent();
  }

  /** The client objects, as the client's side does: the reason sealed under their key for this grant. */
  static void object(Grant grant, String reason) {
    repository.raiseObjection(grant.grantId(), new Objection(Instant.now(), dossiers.sealForClient(grant.clientId(),
        GrantTexts.objectionReason(grant.grantId()), reason.getBytes(StandardCharsets.UTF_8)).await(),
        Optional.empty())).await();
  }

  static List<RuleOutcome> refusal(GrantRequest request) {
    try {
      grants.decide(request).await();
    } catch (TransferRefusedException refused) {
      return refused.failed();
    }
    throw new AssertionError("the request was not refused");
  }

  static void assertRefusedBy(GrantRequest request, TransferRule rule) {
    int stored = repository.listByRecipient("kansrijk").await().size()
        + repository.listByRecipient("werkpad").await().size();
    List<RuleOutcome> refusal = refusal(request);
    assertThat(refusal).extracting(RuleOutcome::rule).containsExactly(rule);
    assertThat(refusal.get(0).reasonNl()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
    assertThat(refusal.get(0).reasonEn()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
    assertThat(repository.listByRecipient("kansrijk").await().size()
        + repository.listByRecipient("werkpad").await().size()).isEqualTo(stored);
  }

  static DomainEvent eventAbout(String type, String grantId) {
    return EVENTS.stream().filter(event -> event.type().equals(type) && grantId.equals(event.get("grantId")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + type + " event for " + grantId));
  }
}
