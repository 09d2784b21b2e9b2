package nl.reintegratie.gateway.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's report-back (terugmelding) as the trajectory records it: which document it is, its coded reason and
 * proposal, and the commissioner's decision once made. The provider's explanation stays in the encrypted document;
 * what is here is what steering needs ("a pending report-back not decided", "how long deciding took").
 *
 * @param documentId the report-back document in the dossier
 * @param reason     the coded cause the provider gives
 * @param reportedOn the date the provider gives the report-back
 * @param receivedAt when the gateway stored it
 * @param decision   empty while the report-back waits for the commissioner
 */
public record ReportBack(String documentId, Cause reason, ReportBackProposal proposal, LocalDate reportedOn,
    Instant receivedAt, Optional<ReportBackDecision> decision) {

  public ReportBack {
    Checks.id(documentId, "documentId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(reportedOn, "reportedOn");
    receivedAt = Checks.millis(receivedAt, "receivedAt");
    Objects.requireNonNull(decision, "decision");
  }

  /** A report-back just received: not yet decided. */
  public static ReportBack received(String documentId, Cause reason, ReportBackProposal proposal, LocalDate reportedOn,
                                    Instant receivedAt) {
    return new ReportBack(documentId, reason, proposal, reportedOn, receivedAt, Optional.empty());
  }

  public boolean isPending() {
    return decision.isEmpty();
  }

  /** Whether accepting it ends the trajectory: the provider proposed to stop, or to hand over to another provider. */
  public boolean acceptanceEndsTrajectory() {
    return proposal != ReportBackProposal.ADJUST;
  }

  ReportBack decided(ReportBackDecision made) {
    return new ReportBack(documentId, reason, proposal, reportedOn, receivedAt, Optional.of(made));
  }
}
