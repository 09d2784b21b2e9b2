package nl.reintegratie.gateway.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the commissioner decided to do after a trajectory ended, and whether that was within the time set for it.
 * Clear: the kind, the dates, who decided (a subject id) and the new trajectory's id; an explanation only sealed.
 *
 * @param dueDate         the last day the decision was due (the commissioner's own term)
 * @param decidedOn       the day it was decided
 * @param decidedBy       subject id of the commissioner's officer
 * @param recordedAt      when the gateway stored it
 * @param newTrajectoryId the follow-up trajectory; present exactly for {@link FollowUpKind#NEW_TRAJECTORY}
 * @param explanation     why; required for {@link FollowUpKind#REASONED_STOP}
 */
public record FollowUpDecision(FollowUpKind kind, LocalDate dueDate, LocalDate decidedOn, String decidedBy,
    Instant recordedAt, Optional<String> newTrajectoryId, Optional<SealedText> explanation) {

  public FollowUpDecision {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Checks.author(decidedBy);
    recordedAt = Checks.millis(recordedAt, "recordedAt");
    Objects.requireNonNull(newTrajectoryId, "newTrajectoryId").ifPresent(id -> Checks.id(id, "newTrajectoryId"));
    Objects.requireNonNull(explanation, "explanation");
    if (newTrajectoryId.isPresent() != (kind == FollowUpKind.NEW_TRAJECTORY)) {
      throw new IllegalArgumentException("a new trajectory's id goes with, and only with, a new-trajectory decision");
    }
    if (kind == FollowUpKind.REASONED_STOP && explanation.isEmpty()) {
      throw new IllegalArgumentException("a reasoned stop has an explanation");
    }
  }

  /** Whether it was decided by the day it was due. */
  public boolean onTime() {
    return !decidedOn.isAfter(dueDate);
  }
}
