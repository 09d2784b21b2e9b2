package nl.reintegratie.gateway.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The commissioner's decision on a report-back. Clear: the outcome, the dates and who decided (a Keycloak subject
 * id, never a name); the explanation only sealed.
 *
 * @param decidedOn   the day the commissioner decided, as they state it
 * @param decidedBy   subject id of the commissioner's officer
 * @param recordedAt  when the gateway stored the decision
 * @param explanation why; required for a rejection, so the provider and the client can be told
 */
public record ReportBackDecision(ReportBackOutcome outcome, LocalDate decidedOn, String decidedBy, Instant recordedAt,
    Optional<SealedText> explanation) {

  public ReportBackDecision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Checks.author(decidedBy);
    recordedAt = Checks.millis(recordedAt, "recordedAt");
    Objects.requireNonNull(explanation, "explanation");
    if (outcome == ReportBackOutcome.REJECTED && explanation.isEmpty()) {
      throw new IllegalArgumentException("a rejection has an explanation");
    }
  }
}
