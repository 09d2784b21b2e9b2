package nl.reintegratie.gateway.transfer;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.dossier.Confidentiality;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryStatus;
import nl.reintegratie.gateway.dossier.Transferability;

/**
 * The legal conditions of a transfer, one named rule each (see the table "What a transfer must satisfy before
 * release" in the project's domain description). Every rule is judged on every request, so a refusal lists all
 * that failed, not only the first. Rules that need a fact that is missing (an unknown trajectory) fail with that
 * reason rather than being skipped: the officer sees what to fix.
 */
public enum TransferRule implements Coded {

  /** Municipality: art. 67 lid 1 sub e Participatiewet; UWV: art. 73 lid 9/10 Wet SUWI; nothing else. */
  LEGAL_BASIS("legal-basis") {
    @Override
    RuleOutcome judge(GrantRequest request, TransferFacts facts) {
      Optional<Trajectory> source = facts.source();
      if (source.isEmpty()) {
        return fail("Het eerdere traject bestaat niet, dus de wettelijke grondslag is niet te bepalen.",
            "The earlier trajectory does not exist, so the legal basis cannot be determined.");
      }
      LegalBasis expected = source.get().regime() == Regime.PARTICIPATIEWET
          ? LegalBasis.PARTICIPATIEWET_ART_67 : LegalBasis.WET_SUWI_ART_73;
      return request.legalBasis() == expected ? pass()
          : fail("Voor dit traject is de grondslag " + expected.code() + ", niet " + request.legalBasis().code() + ".",
              "For this trajectory the legal basis is " + expected.code() + ", not " + request.legalBasis().code()
                  + ".");
    }
  },

  /** The commissioner decides only about its own trajectories: both were commissioned by it. */
  OWN_COMMISSION("own-commission") {
    @Override
    RuleOutcome judge(GrantRequest request, TransferFacts facts) {
      boolean own = facts.source().map(t -> t.commissionerOrganisation().equals(request.commissionerOrganisation()))
          .orElse(false)
          && facts.receiving().map(t -> t.commissionerOrganisation().equals(request.commissionerOrganisation()))
          .orElse(false);
      return own ? pass()
          : fail("Uw organisatie is niet de opdrachtgever van beide trajecten.",
              "Your organisation did not commission both trajectories.");
    }
  },

  /**
   * The receiving provider is registered, active, can be sealed to, and has an active trajectory for this client
   * from this same commissioner (art. 65 lid 4 Participatiewet / art. 74 Wet SUWI: "redelijkerwijs bevoegd").
   */
  RECIPIENT_AUTHORISED("recipient-authorised") {
    @Override
    RuleOutcome judge(GrantRequest request, TransferFacts facts) {
      if (facts.receiving().isEmpty() || facts.source().isEmpty()) {
        return fail("Het traject van de volgende aanbieder bestaat niet.",
            "The next provider's trajectory does not exist.");
      }
      Trajectory receiving = facts.receiving().get();
      Trajectory source = facts.source().get();
      if (!receiving.clientId().equals(source.clientId())) {
        return fail("Het nieuwe traject is van een andere cliënt.", "The new trajectory is for another client.");
      }
      if (receiving.status() != TrajectoryStatus.PLANNED && receiving.status() != TrajectoryStatus.ACTIVE) {
        return fail("Het nieuwe traject loopt niet (meer).", "The new trajectory is not running.");
      }
      Optional<TransferFacts.Recipient> recipient = facts.recipient()
          .filter(r -> r.organisationId().equals(receiving.providerOrganisation()));
      if (recipient.isEmpty() || !recipient.get().active()) {
        return fail("De volgende aanbieder is niet (meer) aangesloten.",
            "The next provider is not (or no longer) registered.");
      }
      if (!recipient.get().hasEncryptionKey()) {
        return fail("De volgende aanbieder heeft geen sleutel om de gegevens veilig te ontvangen.",
            "The next provider has no key to receive the data securely.");
      }
      return pass();
    }
  },

  /** A named officer decided, and wrote down why the next provider needs this. */
  DECIDED_BY_A_PERSON("decided-by-a-person") {
    @Override
    RuleOutcome judge(GrantRequest request, TransferFacts facts) {
      return !request.decidedBy().isBlank() && substantial(request.necessityReason()) ? pass()
          : fail("Schrijf op waarom de volgende aanbieder deze gegevens nodig heeft (minstens "
                  + MIN_REASON_CHARACTERS + " tekens).",
              "Write down why the next provider needs this data (at least " + MIN_REASON_CHARACTERS
                  + " characters).");
    }
  },

  /** Only for the client's re-integration in the next trajectory: a later trajectory of the same client. */
  PURPOSE("purpose") {
    @Override
    RuleOutcome judge(GrantRequest request, TransferFacts facts) {
      if (facts.source().isEmpty() || facts.receiving().isEmpty()) {
        return fail("Beide trajecten moeten bestaan.", "Both trajectories must exist.");
      }
      Trajectory source = facts.source().get();
      Trajectory receiving = facts.receiving().get();
      return !source.trajectoryId().equals(receiving.trajectoryId())
          && receiving.sequenceNumber() > source.sequenceNumber() ? pass()
          : fail("Gegevens gaan alleen naar een later traject van dezelfde cliënt.",
              "Data only goes to a later trajectory of the same client.");
    }
  },

  /**
   * Only the selected parts, each of the earlier trajectory; never a part marked "never", and a part marked "only
   * with justification" only with one.
   */
  MINIMISATION("minimisation") {
    @Override
    RuleOutcome judge(GrantRequest request, TransferFacts facts) {
      if (request.documents().isEmpty()) {
        return fail("Kies ten minste één document.", "Select at least one document.");
      }
      if (request.documents().size() > MAX_DOCUMENTS) {
        return fail("Kies ten hoogste " + MAX_DOCUMENTS + " documenten.",
            "Select at most " + MAX_DOCUMENTS + " documents.");
      }
      Set<String> seen = new HashSet<>();
      for (GrantRequest.Selection selection : request.documents()) {
        if (!seen.add(selection.documentId())) {
          return fail("Document " + selection.documentId() + " is meer dan eens gekozen; kies één versie.",
              "Document " + selection.documentId() + " is selected more than once; select one version.");
        }
      }
      for (GrantRequest.Selection selection : request.documents()) {
        DocumentHeader header = facts.selected().get(selection.documentId());
        if (header == null || header.version() != selection.version()
            || facts.source().map(t -> !t.trajectoryId().equals(header.trajectoryId())).orElse(true)) {
          return fail("Document " + selection.documentId() + " (versie " + selection.version()
                  + ") hoort niet bij het eerdere traject.",
              "Document " + selection.documentId() + " (version " + selection.version()
                  + ") is not part of the earlier trajectory.");
        }
        Transferability transferability = header.properties().transferability();
        if (transferability == Transferability.NEVER) {
          return fail("Document " + selection.documentId() + " mag nooit mee naar een volgende aanbieder.",
              "Document " + selection.documentId() + " may never go to a next provider.");
        }
        if (transferability == Transferability.WITH_JUSTIFICATION
            && !selection.justification().map(TransferRule::substantial).orElse(false)) {
          return fail("Document " + selection.documentId() + " mag alleen mee met een reden; schrijf die op.",
              "Document " + selection.documentId() + " may only go with a reason; write it down.");
        }
      }
      return pass();
    }
  },

  /** Art. 67 lid 3: not while the client has an open objection. */
  PROPORTIONALITY("proportionality") {
    @Override
    RuleOutcome judge(GrantRequest request, TransferFacts facts) {
      return !facts.openObjection() ? pass()
          : fail("De cliënt heeft bezwaar gemaakt en daarover is nog niet beslist.",
              "The client has objected and no decision has been made yet.");
    }
  },

  /** Health information only with an extra justification and the recipient's confidentiality attestation. */
  HEALTH_DATA("health-data") {
    @Override
    RuleOutcome judge(GrantRequest request, TransferFacts facts) {
      boolean health = request.documents().stream()
          .map(selection -> facts.selected().get(selection.documentId()))
          .anyMatch(header -> header != null && header.properties().confidentiality() == Confidentiality.HEALTH);
      if (!health) {
        return request.healthJustification().isEmpty() ? pass()
            : fail("Er is een reden voor gezondheidsgegevens gegeven, maar er zijn er geen gekozen.",
                "A reason for health data was given, but none is selected.");
      }
      if (!request.healthJustification().map(TransferRule::substantial).orElse(false)) {
        return fail("Er zitten gezondheidsgegevens bij. Die gaan alleen mee met een extra reden.",
            "Health data is selected. It only goes with an extra reason.");
      }
      return facts.recipient().map(TransferFacts.Recipient::healthAttestation).orElse(false) ? pass()
          : fail("De volgende aanbieder heeft geen verklaring voor vertrouwelijke omgang met gezondheidsgegevens.",
              "The next provider has not attested confidential handling of health data.");
    }
  },

  /** UWV: the next provider differs from the provider of the failed trajectory (Kamerbrief 2008). */
  SECOND_CHANCE_ELSEWHERE("uwv-second-chance") {
    @Override
    RuleOutcome judge(GrantRequest request, TransferFacts facts) {
      if (facts.source().isEmpty() || facts.receiving().isEmpty()
          || facts.source().get().regime() == Regime.PARTICIPATIEWET) {
        return pass();
      }
      return !facts.source().get().providerOrganisation().equals(facts.receiving().get().providerOrganisation())
          ? pass()
          : fail("Bij UWV gaat een tweede traject naar een andere aanbieder dan het mislukte traject.",
              "At UWV a second trajectory goes to another provider than the failed one.");
    }
  },

  /** Care: limited in time; a waiting period the client can use to object. */
  VALIDITY("validity") {
    @Override
    RuleOutcome judge(GrantRequest request, TransferFacts facts) {
      boolean valid = !request.validFor().minus(Duration.ofDays(1)).isNegative()
          && request.validFor().compareTo(MAX_VALIDITY) <= 0
          && !request.waitingPeriod().isNegative() && request.waitingPeriod().compareTo(MAX_WAITING) <= 0;
      return valid ? pass()
          : fail("De geldigheid is 1 tot " + MAX_VALIDITY.toDays() + " dagen, de wachttijd 0 tot "
                  + MAX_WAITING.toDays() + " dagen.",
              "Validity is 1 to " + MAX_VALIDITY.toDays() + " days, the waiting period 0 to "
                  + MAX_WAITING.toDays() + " days.");
    }
  };

  static final int MIN_REASON_CHARACTERS = 20;
  static final int MAX_DOCUMENTS = 500;
  static final Duration MAX_VALIDITY = Duration.ofDays(90);
  static final Duration MAX_WAITING = Duration.ofDays(30);

  private final String code;

  TransferRule(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  abstract RuleOutcome judge(GrantRequest request, TransferFacts facts);

  /** Every rule's outcome, in the order above. */
  public static List<RuleOutcome> evaluate(GrantRequest request, TransferFacts facts) {
    Set<TransferRule> all = EnumSet.allOf(TransferRule.class);
    return all.stream().map(rule -> rule.judge(request, facts)).toList();
  }

  RuleOutcome pass() {
    return RuleOutcome.pass(this);
  }

  RuleOutcome fail(String nl, String en) {
    return RuleOutcome.fail(this, nl, en);
  }

  private static boolean substantial(String text) {
    return text != null && text.strip().length() >= MIN_REASON_CHARACTERS;
  }
}
