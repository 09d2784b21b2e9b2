package nl.reintegratie.gateway.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A re-integration trajectory: the dossier's clear metadata. Everything here is an id, a code, a date or a number,
 * because it feeds steering statistics (which trajectories work, for whom, why not) without decrypting anything;
 * what was said and done lives in the encrypted documents.
 *
 * <p>Immutable; the transition methods return a changed copy with the same {@code version}, which
 * {@link TrajectoryRepository#update} then stores as {@code version + 1}.
 *
 * @param trajectoryId             random id; also the dossier's id
 * @param clientId                 the client
 * @param commissionerOrganisation organisation id of the municipality or UWV that commissioned it
 * @param providerOrganisation     organisation id of the provider carrying it out
 * @param sequenceNumber           1 for the client's first chance, 2 after one failed trajectory, ...
 * @param causes                   why it did not (fully) succeed; no duplicates
 * @param version                  optimistic concurrency counter, 1 when created
 */
public record Trajectory(String trajectoryId, String clientId, String commissionerOrganisation,
    String providerOrganisation, Regime regime, TrajectoryType type, Goal goal, LocalDate plannedStart,
    LocalDate plannedEnd, Optional<LocalDate> actualStart, Optional<LocalDate> actualEnd, TrajectoryStatus status,
    int sequenceNumber, Optional<LocalDate> lastContactDate, List<Cause> causes,
    Optional<LadderStep> ladderStepAtStart, Optional<LadderStep> ladderStepAtEnd, Optional<TrajectoryResult> result,
    Instant createdAt, long version) {

  public Trajectory {
    Checks.id(trajectoryId, "trajectoryId");
    Checks.id(clientId, "clientId");
    Checks.id(commissionerOrganisation, "commissionerOrganisation");
    Checks.id(providerOrganisation, "providerOrganisation");
    Objects.requireNonNull(regime, "regime");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(plannedStart, "plannedStart");
    Objects.requireNonNull(plannedEnd, "plannedEnd");
    Objects.requireNonNull(actualStart, "actualStart");
    Objects.requireNonNull(actualEnd, "actualEnd");
    Objects.requireNonNull(status, "status");
    Checks.positive(sequenceNumber, "sequenceNumber");
    Objects.requireNonNull(lastContactDate, "lastContactDate");
    causes = List.copyOf(causes);
    Objects.requireNonNull(ladderStepAtStart, "ladderStepAtStart");
    Objects.requireNonNull(ladderStepAtEnd, "ladderStepAtEnd");
    Objects.requireNonNull(result, "result");
    createdAt = Checks.millis(createdAt, "createdAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
    if (plannedEnd.isBefore(plannedStart)) {
      throw new IllegalArgumentException("plannedEnd is before plannedStart");
    }
    if (actualStart.isPresent() && actualEnd.isPresent() && actualEnd.get().isBefore(actualStart.get())) {
      throw new IllegalArgumentException("actualEnd is before actualStart");
    }
    boolean ended = status == TrajectoryStatus.ENDED;
    if (ended != result.isPresent() || ended != actualEnd.isPresent()) {
      throw new IllegalArgumentException("an ended trajectory, and only that, has a result and an actual end");
    }
    if ((status == TrajectoryStatus.ACTIVE || status == TrajectoryStatus.REPORTED_BACK) && actualStart.isEmpty()) {
      throw new IllegalArgumentException("a started trajectory has an actual start");
    }
    if (causes.stream().distinct().count() != causes.size()) {
      throw new IllegalArgumentException("causes contain duplicates");
    }
  }

  /** A newly commissioned trajectory: planned, version 1. */
  public static Trajectory plan(String trajectoryId, String clientId, String commissionerOrganisation,
      String providerOrganisation, Regime regime, TrajectoryType type, Goal goal, LocalDate plannedStart,
      LocalDate plannedEnd, int sequenceNumber, Instant createdAt) {
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, Optional.empty(), Optional.empty(), TrajectoryStatus.PLANNED, sequenceNumber,
        Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), createdAt, 1);
  }

  /** Started on {@code on}: planned → active. */
  public Trajectory start(LocalDate on, Optional<LadderStep> stepAtStart) {
    requireStatus(status == TrajectoryStatus.PLANNED, "only a planned trajectory can start");
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, Optional.of(on), actualEnd, TrajectoryStatus.ACTIVE, sequenceNumber,
        lastContactDate, causes, stepAtStart, ladderStepAtEnd, result, createdAt, version);
  }

  /** The provider reported back to the commissioner: active → reported back. */
  public Trajectory reportBack() {
    requireStatus(status == TrajectoryStatus.ACTIVE, "only an active trajectory can report back");
    return withStatus(TrajectoryStatus.REPORTED_BACK);
  }

  /** Ended on {@code on} with {@code outcome}; possible from any status but ended. */
  public Trajectory end(LocalDate on, TrajectoryResult outcome, List<Cause> why, Optional<LadderStep> stepAtEnd) {
    requireStatus(status != TrajectoryStatus.ENDED, "the trajectory has already ended");
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, actualStart, Optional.of(on), TrajectoryStatus.ENDED, sequenceNumber,
        lastContactDate, why, ladderStepAtStart, stepAtEnd, Optional.of(outcome), createdAt, version);
  }

  /** With the date of the latest contact between provider and client. */
  public Trajectory withLastContact(LocalDate on) {
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, actualStart, actualEnd, status, sequenceNumber, Optional.of(on), causes,
        ladderStepAtStart, ladderStepAtEnd, result, createdAt, version);
  }

  /** With another goal or planned period (e.g. an extension agreed with the commissioner). */
  public Trajectory replanned(Goal newGoal, LocalDate newPlannedStart, LocalDate newPlannedEnd) {
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type,
        newGoal, newPlannedStart, newPlannedEnd, actualStart, actualEnd, status, sequenceNumber, lastContactDate,
        causes, ladderStepAtStart, ladderStepAtEnd, result, createdAt, version);
  }

  /** This trajectory as stored with {@code newVersion}; used by repositories. */
  public Trajectory withVersion(long newVersion) {
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, actualStart, actualEnd, status, sequenceNumber, lastContactDate, causes,
        ladderStepAtStart, ladderStepAtEnd, result, createdAt, newVersion);
  }

  private Trajectory withStatus(TrajectoryStatus newStatus) {
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, actualStart, actualEnd, newStatus, sequenceNumber, lastContactDate, causes,
        ladderStepAtStart, ladderStepAtEnd, result, createdAt, version);
  }

  private static void requireStatus(boolean allowed, String message) {
    if (!allowed) {
      throw new IllegalStateException(message);
    }
  }
}
