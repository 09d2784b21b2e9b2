package nl.reintegratie.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.dossier.Cause;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.Goal;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryResult;
import nl.reintegratie.gateway.dossier.TrajectoryType;
import org.junit.jupiter.api.Test;

/**
 * Each transfer rule on its own: a lawful request passes every rule, and each change below makes exactly the rule
 * it is about fail, with a reason in Dutch and English.
 */
class TransferRuleTest {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final String REASON = "Zodat de nieuwe coach niet opnieuw begint met de intake.";

  static final Trajectory FIRST = Trajectory.plan("tr-first", "cl-1", "gemeente-deventer", "werkpad",
          Regime.PARTICIPATIEWET, TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.of(2026, 1, 5),
          LocalDate.of(2026, 7, 5), 1, NOW)
      .start(LocalDate.of(2026, 1, 5), Optional.empty())
      .end(LocalDate.of(2026, 7, 1), TrajectoryResult.ENDED_WITHOUT_RESULT, List.of(Cause.values()[0]),
          Optional.empty());
  static final Trajectory SECOND = Trajectory.plan("tr-second", "cl-1", "gemeente-deventer", "kansrijk",
      Regime.PARTICIPATIEWET, TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.of(2026, 9, 1),
      LocalDate.of(2027, 3, 1), 2, NOW);
  static final DocumentHeader END_REPORT = DocumentHeader.first("doc-end", "tr-first", "cl-1",
      DocumentType.END_REPORT, DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json", 100,
      NOW, "werkpad");
  static final DocumentHeader CONTACT = DocumentHeader.first("doc-contact", "tr-first", "cl-1",
      DocumentType.CONTACT_MOMENT, DocumentProperties.defaultsFor(DocumentType.CONTACT_MOMENT), "application/json",
      100, NOW, "werkpad");
  static final DocumentHeader LOGBOOK = DocumentHeader.first("doc-logbook", "tr-first", "cl-1",
      DocumentType.LOGBOOK_ENTRY, DocumentProperties.defaultsFor(DocumentType.LOGBOOK_ENTRY), "application/json",
      100, NOW, "cl-1");
  static final DocumentHeader DOCTOR = DocumentHeader.first("doc-doctor", "tr-first", "cl-1",
      DocumentType.ATTACHMENT, DocumentProperties.healthAttachment(), "application/pdf", 100, NOW, "werkpad");

  static final GrantRequest LAWFUL = new GrantRequest("gemeente-deventer", "officer-7", "tr-first", "tr-second",
      LegalBasis.PARTICIPATIEWET_ART_67, REASON, List.of(
          new GrantRequest.Selection("doc-end", 1, Optional.empty()),
          new GrantRequest.Selection("doc-contact", 1, Optional.of("Het laatste gesprek zegt veel over de klik."))),
      Optional.empty(), Duration.ofDays(7), Duration.ofDays(30));
  static final TransferFacts FACTS = new TransferFacts(Optional.of(FIRST), Optional.of(SECOND),
      Map.of("doc-end", END_REPORT, "doc-contact", CONTACT, "doc-logbook", LOGBOOK, "doc-doctor", DOCTOR),
      Optional.of(new TransferFacts.Recipient("kansrijk", true, true, false)), false);

  @Test
  void aLawfulRequest_passesEveryRule() {
    assertThat(TransferRule.evaluate(LAWFUL, FACTS)).allMatch(RuleOutcome::passed)
        .extracting(RuleOutcome::rule).containsExactly(TransferRule.values());
  }

  @Test
  void legalBasis_isTheOneOfTheRegime() {
    assertOnlyFails(TransferRule.LEGAL_BASIS, request(r -> with(r, LegalBasis.WET_SUWI_ART_73)), FACTS);
  }

  @Test
  void ownCommission_anotherMunicipalityCannotDecide() {
    GrantRequest other = new GrantRequest("gemeente-zwolle", LAWFUL.decidedBy(), LAWFUL.sourceTrajectoryId(),
        LAWFUL.receivingTrajectoryId(), LAWFUL.legalBasis(), REASON, LAWFUL.documents(), Optional.empty(),
        LAWFUL.waitingPeriod(), LAWFUL.validFor());
    assertOnlyFails(TransferRule.OWN_COMMISSION, other, FACTS);
  }

  @Test
  void recipientAuthorised_refusesAnInactiveProvider_oneWithoutKey_andAnEndedTrajectory() {
    assertOnlyFails(TransferRule.RECIPIENT_AUTHORISED, LAWFUL, facts(Optional.of(SECOND),
        Optional.of(new TransferFacts.Recipient("kansrijk", false, true, false)), false));
    assertOnlyFails(TransferRule.RECIPIENT_AUTHORISED, LAWFUL, facts(Optional.of(SECOND),
        Optional.of(new TransferFacts.Recipient("kansrijk", true, false, false)), false));
    assertOnlyFails(TransferRule.RECIPIENT_AUTHORISED, LAWFUL, facts(Optional.of(SECOND), Optional.empty(), false));
    Trajectory ended = SECOND.start(LocalDate.of(2026, 9, 1), Optional.empty())
        .end(LocalDate.of(2026, 10, 1), TrajectoryResult.PLACED, List.of(), Optional.empty());
    assertOnlyFails(TransferRule.RECIPIENT_AUTHORISED, LAWFUL, facts(Optional.of(ended), FACTS.recipient(), false));
  }

  @Test
  void decidedByAPerson_needsAWrittenNecessityReason() {
    GrantRequest terse = new GrantRequest(LAWFUL.commissionerOrganisation(), LAWFUL.decidedBy(),
        LAWFUL.sourceTrajectoryId(), LAWFUL.receivingTrajectoryId(), LAWFUL.legalBasis(), "nodig",
        LAWFUL.documents(), Optional.empty(), LAWFUL.waitingPeriod(), LAWFUL.validFor());
    assertOnlyFails(TransferRule.DECIDED_BY_A_PERSON, terse, FACTS);
  }

  @Test
  void purpose_onlyALaterTrajectoryOfTheClient() {
    Trajectory earlier = Trajectory.plan("tr-second", "cl-1", "gemeente-deventer", "kansrijk",
        Regime.PARTICIPATIEWET, TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.of(2025, 9, 1),
        LocalDate.of(2026, 3, 1), 1, NOW);
    assertOnlyFails(TransferRule.PURPOSE, LAWFUL, facts(Optional.of(earlier), FACTS.recipient(), false));
  }

  @Test
  void minimisation_refusesNeverParts_unjustifiedParts_andForeignDocuments() {
    assertOnlyFails(TransferRule.MINIMISATION, selecting(new GrantRequest.Selection("doc-logbook", 1,
        Optional.of("De cliënt schreef hier veel over haar wensen."))), FACTS);
    assertOnlyFails(TransferRule.MINIMISATION, selecting(new GrantRequest.Selection("doc-contact", 1,
        Optional.empty())), FACTS);
    assertOnlyFails(TransferRule.MINIMISATION, selecting(new GrantRequest.Selection("doc-unknown", 1,
        Optional.empty())), FACTS);
    assertOnlyFails(TransferRule.MINIMISATION, selecting(new GrantRequest.Selection("doc-end", 2,
        Optional.empty())), FACTS);
    assertOnlyFails(TransferRule.MINIMISATION, selecting(), FACTS);
  }

  /** A grant names each document once; two versions of one document would be two decisions in one. */
  @Test
  void minimisation_refusesADocumentSelectedTwice() {
    assertOnlyFails(TransferRule.MINIMISATION, selecting(new GrantRequest.Selection("doc-end", 1, Optional.empty()),
        new GrantRequest.Selection("doc-end", 1, Optional.empty())), FACTS);
    RuleOutcome twice = TransferRule.evaluate(selecting(new GrantRequest.Selection("doc-end", 1, Optional.empty()),
        new GrantRequest.Selection("doc-end", 2, Optional.empty())), FACTS).get(TransferRule.MINIMISATION.ordinal());
    assertThat(twice.reasonEn()).hasValue("Document doc-end is selected more than once; select one version.");
  }

  @Test
  void proportionality_blocksWhileAnObjectionIsOpen() {
    assertOnlyFails(TransferRule.PROPORTIONALITY, LAWFUL, facts(Optional.of(SECOND), FACTS.recipient(), true));
  }

  @Test
  void healthData_needsAnExtraReason_andTheRecipientsAttestation() {
    GrantRequest.Selection doctor = new GrantRequest.Selection("doc-doctor", 1,
        Optional.of("De brief van de arts beschrijft wat de cliënt kan."));
    assertOnlyFails(TransferRule.HEALTH_DATA, selecting(doctor), FACTS);
    GrantRequest withReason = new GrantRequest(LAWFUL.commissionerOrganisation(), LAWFUL.decidedBy(),
        LAWFUL.sourceTrajectoryId(), LAWFUL.receivingTrajectoryId(), LAWFUL.legalBasis(), REASON, List.of(doctor),
        Optional.of("Zonder de belastbaarheid kiest de coach verkeerd werk."), LAWFUL.waitingPeriod(),
        LAWFUL.validFor());
    assertOnlyFails(TransferRule.HEALTH_DATA, withReason, FACTS);
    assertThat(TransferRule.evaluate(withReason, facts(Optional.of(SECOND),
        Optional.of(new TransferFacts.Recipient("kansrijk", true, true, true)), false)))
        .allMatch(RuleOutcome::passed);
  }

  @Test
  void uwvSecondChance_goesToAnotherProvider() {
    Trajectory failedAtUwv = Trajectory.plan("tr-first", "cl-1", "uwv", "werkpad", Regime.WW,
        TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 7, 5), 1, NOW);
    Trajectory againWerkpad = Trajectory.plan("tr-second", "cl-1", "uwv", "werkpad", Regime.WW,
        TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.of(2026, 9, 1), LocalDate.of(2027, 3, 1), 2, NOW);
    GrantRequest uwv = new GrantRequest("uwv", LAWFUL.decidedBy(), LAWFUL.sourceTrajectoryId(),
        LAWFUL.receivingTrajectoryId(), LegalBasis.WET_SUWI_ART_73, REASON, LAWFUL.documents(), Optional.empty(),
        LAWFUL.waitingPeriod(), LAWFUL.validFor());
    assertOnlyFails(TransferRule.SECOND_CHANCE_ELSEWHERE, uwv, new TransferFacts(Optional.of(failedAtUwv),
        Optional.of(againWerkpad), FACTS.selected(),
        Optional.of(new TransferFacts.Recipient("werkpad", true, true, false)), false));
  }

  @Test
  void validity_isLimitedInTime() {
    GrantRequest forAYear = new GrantRequest(LAWFUL.commissionerOrganisation(), LAWFUL.decidedBy(),
        LAWFUL.sourceTrajectoryId(), LAWFUL.receivingTrajectoryId(), LAWFUL.legalBasis(), REASON,
        LAWFUL.documents(), Optional.empty(), LAWFUL.waitingPeriod(), Duration.ofDays(365));
    assertOnlyFails(TransferRule.VALIDITY, forAYear, FACTS);
  }

  @Test
  void aRefusal_listsEveryFailedRule() {
    GrantRequest bad = new GrantRequest("gemeente-zwolle", "officer-7", "tr-first", "tr-second",
        LegalBasis.WET_SUWI_ART_73, "", List.of(), Optional.empty(), Duration.ofDays(-1), Duration.ofDays(1));
    assertThat(TransferRule.evaluate(bad, facts(Optional.of(SECOND), FACTS.recipient(), true)).stream()
        .filter(outcome -> !outcome.passed()).map(RuleOutcome::rule).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(TransferRule.LEGAL_BASIS, TransferRule.OWN_COMMISSION,
            TransferRule.DECIDED_BY_A_PERSON, TransferRule.MINIMISATION, TransferRule.PROPORTIONALITY,
            TransferRule.VALIDITY);
  }

  private static void assertOnlyFails(TransferRule rule, GrantRequest request, TransferFacts facts) {
    List<RuleOutcome> failed = TransferRule.evaluate(request, facts).stream().filter(o -> !o.passed()).toList();
    assertThat(failed).extracting(RuleOutcome::rule).containsExactly(rule);
    assertThat(failed.get(0).reasonNl()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
    assertThat(failed.get(0).reasonEn()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
  }

  private static TransferFacts facts(Optional<Trajectory> receiving, Optional<TransferFacts.Recipient> recipient,
                                     boolean openObjection) {
    return new TransferFacts(FACTS.source(), receiving, FACTS.selected(), recipient, openObjection);
  }

  private static GrantRequest request(UnaryOperator<GrantRequest> change) {
    return change.apply(LAWFUL);
  }

  private static GrantRequest with(GrantRequest r, LegalBasis basis) {
    return new GrantRequest(r.commissionerOrganisation(), r.decidedBy(), r.sourceTrajectoryId(),
        r.receivingTrajectoryId(), basis, r.necessityReason(), r.documents(), r.healthJustification(),
        r.waitingPeriod(), r.validFor());
  }

  private static GrantRequest selecting(GrantRequest.Selection... selections) {
    return new GrantRequest(LAWFUL.commissionerOrganisation(), LAWFUL.decidedBy(), LAWFUL.sourceTrajectoryId(),
        LAWFUL.receivingTrajectoryId(), LAWFUL.legalBasis(), REASON, List.of(selections), Optional.empty(),
        LAWFUL.waitingPeriod(), LAWFUL.validFor());
  }
}
