package nl.reintegratie.gateway.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.TrajectoryStateException.Reason;

/**
 * A re-integration trajectory: the dossier's clear metadata. Everything here is an id, a code, a date or a number
 * (or, for a commissioner's explanation, sealed), because it feeds steering statistics (which trajectories work, for
 * whom, why not, how quickly commissioners decide) without decrypting anything; what was said and done lives in the
 * encrypted documents.
 *
 * <p>Immutable; the transition methods return a changed copy with the same {@code version}, which
 * {@link TrajectoryRepository#update} then stores as {@code version + 1}. A transition the current state does not
 * allow fails with a {@link TrajectoryStateException}.
 *
 * <p>Life: planned → (started) active → ended. A provider's report-back moves a planned or active trajectory to
 * reported-back until the commissioner decides: rejecting it, or accepting a proposal to adjust, returns it to where
 * it was (active once started, else planned); accepting a proposal to stop or to switch provider ends it early. Once
 * ended, the commissioner records the follow-up decision.
 *
 * @param trajectoryId             random id; also the dossier's id
 * @param clientId                 the client
 * @param commissionerOrganisation organisation id of the municipality or UWV that commissioned it
 * @param providerOrganisation     organisation id of the provider carrying it out
 * @param sequenceNumber           1 for the client's first chance, 2 after one failed trajectory, ...
 * @param causes                   why it did not (fully) succeed; no duplicates
 * @param reportBacks              every report-back, oldest first; only the latest can still wait for a decision
 * @param followUp                 what follows, once the commissioner decided (only for an ended trajectory)
 * @param version                  optimistic concurrency counter, 1 when created
 */
public record Trajectory(String trajectoryId, String clientId, String commissionerOrganisation,
    String providerOrganisation, Regime regime, TrajectoryType type, Goal goal, LocalDate plannedStart,
    LocalDate plannedEnd, Optional<LocalDate> actualStart, Optional<LocalDate> actualEnd, TrajectoryStatus status,
    int sequenceNumber, Optional<LocalDate> lastContactDate, List<Cause> causes,
    Optional<LadderStep> ladderStepAtStart, Optional<LadderStep> ladderStepAtEnd, Optional<TrajectoryResult> result,
    Instant createdAt, List<ReportBack> reportBacks, Optional<FollowUpDecision> followUp, long version) {

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
    reportBacks = List.copyOf(reportBacks);
    Objects.requireNonNull(followUp, "followUp");
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
    if (status == TrajectoryStatus.ACTIVE && actualStart.isEmpty()) {
      throw new IllegalArgumentException("a started trajectory has an actual start");
    }
    if (causes.stream().distinct().count() != causes.size()) {
      throw new IllegalArgumentException("causes contain duplicates");
    }
    checkReportBacks(reportBacks, status);
    if (followUp.isPresent() && !ended) {
      throw new IllegalArgumentException("only an ended trajectory has a follow-up decision");
    }
  }

  /**
   * Report-backs are distinct documents; only the latest may be pending; a reported-back trajectory has a pending one,
   * and a pending one is left only when the commissioner ended the trajectory without deciding it.
   */
  private static void checkReportBacks(List<ReportBack> reportBacks, TrajectoryStatus status) {
    if (reportBacks.stream().map(ReportBack::documentId).distinct().count() != reportBacks.size()) {
      throw new IllegalArgumentException("report-backs contain a document twice");
    }
    for (int i = 0; i < reportBacks.size() - 1; i++) {
      if (reportBacks.get(i).isPending()) {
        throw new IllegalArgumentException("only the latest report-back can be pending");
      }
    }
    boolean pending = !reportBacks.isEmpty() && reportBacks.get(reportBacks.size() - 1).isPending();
    if ((status == TrajectoryStatus.REPORTED_BACK) != pending && !(pending && status == TrajectoryStatus.ENDED)) {
      throw new IllegalArgumentException("a reported-back trajectory, and only that (or an ended one), has a pending"
          + " report-back");
    }
  }

  /** A newly commissioned trajectory: planned, version 1. */
  public static Trajectory plan(String trajectoryId, String clientId, String commissionerOrganisation,
      String providerOrganisation, Regime regime, TrajectoryType type, Goal goal, LocalDate plannedStart,
      LocalDate plannedEnd, int sequenceNumber, Instant createdAt) {
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, Optional.empty(), Optional.empty(), TrajectoryStatus.PLANNED, sequenceNumber,
        Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), createdAt, List.of(),
        Optional.empty(), 1);
  }

  /** Started on {@code on}: planned → active. */
  public Trajectory start(LocalDate on, Optional<LadderStep> stepAtStart) {
    requireState(status == TrajectoryStatus.PLANNED, Reason.NOT_PLANNED);
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, Optional.of(on), actualEnd, TrajectoryStatus.ACTIVE, sequenceNumber,
        lastContactDate, causes, stepAtStart, ladderStepAtEnd, result, createdAt, reportBacks, followUp, version);
  }

  /** The report-back with this document id, if this trajectory has one. */
  public Optional<ReportBack> reportBack(String documentId) {
    return reportBacks.stream().filter(reportBack -> reportBack.documentId().equals(documentId)).findFirst();
  }

  /** The report-back waiting for the commissioner's decision, if any. */
  public Optional<ReportBack> pendingReportBack() {
    return reportBacks.isEmpty() || !reportBacks.get(reportBacks.size() - 1).isPending() ? Optional.empty()
        : Optional.of(reportBacks.get(reportBacks.size() - 1));
  }

  /**
   * Whether {@link #reportedBack} would take this report-back document: a planned or active trajectory takes a new
   * one (a provider may report back before the start, e.g. when the client cannot be reached for the intake), and one
   * recorded already is taken again without change.
   */
  public boolean takesReportBack(String documentId) {
    return reportBack(documentId).isPresent()
        || status == TrajectoryStatus.PLANNED || status == TrajectoryStatus.ACTIVE;
  }

  /**
   * The provider reported back: planned or active → reported back, the report-back pending. Idempotent: a report-back
   * with a document id this trajectory has already leaves it unchanged (the same object is returned).
   */
  public Trajectory reportedBack(ReportBack received) {
    if (reportBack(received.documentId()).isPresent()) {
      return this;
    }
    requireState(status != TrajectoryStatus.ENDED, Reason.ALREADY_ENDED);
    requireState(status != TrajectoryStatus.REPORTED_BACK, Reason.REPORT_BACK_PENDING);
    if (!received.isPending()) {
      throw new IllegalArgumentException("a report-back arrives undecided");
    }
    List<ReportBack> more = new ArrayList<>(reportBacks);
    more.add(received);
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, actualStart, actualEnd, TrajectoryStatus.REPORTED_BACK, sequenceNumber,
        lastContactDate, causes, ladderStepAtStart, ladderStepAtEnd, result, createdAt, more, followUp, version);
  }

  /**
   * The commissioner decided the pending report-back {@code documentId}. Accepting a proposal to stop or to switch
   * provider ends the trajectory early on the decision's day, with the report-back's reason as its cause; rejecting
   * it, or accepting a proposal to adjust, returns the trajectory to active (planned when it never started).
   *
   * <p>Failure: {@link NotFoundException} when the trajectory has no such report-back;
   * {@link TrajectoryStateException} when it was decided already or the trajectory has ended.
   */
  public Trajectory reportBackDecided(String documentId, ReportBackDecision decision) {
    ReportBack decided = undecidedReportBack(documentId);
    List<ReportBack> updated = new ArrayList<>(reportBacks);
    updated.set(updated.size() - 1, decided.decided(decision));
    boolean ends = decision.outcome() == ReportBackOutcome.ACCEPTED && decided.acceptanceEndsTrajectory();
    TrajectoryStatus next = ends ? TrajectoryStatus.ENDED
        : actualStart.isPresent() ? TrajectoryStatus.ACTIVE : TrajectoryStatus.PLANNED;
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, actualStart, ends ? Optional.of(decision.decidedOn()) : actualEnd, next,
        sequenceNumber, lastContactDate, ends ? List.of(decided.reason()) : causes, ladderStepAtStart,
        ladderStepAtEnd, ends ? Optional.of(TrajectoryResult.ENDED_EARLY) : result, createdAt, updated, followUp,
        version);
  }

  /**
   * The report-back {@code documentId}, when it can still be decided. Failure: {@link NotFoundException} when this
   * trajectory has no such report-back; {@link TrajectoryStateException} when it was decided already or the trajectory
   * has ended.
   */
  public ReportBack undecidedReportBack(String documentId) {
    ReportBack found = reportBack(documentId).orElseThrow(() -> new NotFoundException("report-back"));
    requireState(found.isPending(), Reason.REPORT_BACK_DECIDED);
    requireState(status != TrajectoryStatus.ENDED, Reason.ALREADY_ENDED);
    return found;
  }

  /** Ended on {@code on} with {@code outcome}; possible from any status but ended. */
  public Trajectory end(LocalDate on, TrajectoryResult outcome, List<Cause> why, Optional<LadderStep> stepAtEnd) {
    requireState(status != TrajectoryStatus.ENDED, Reason.ALREADY_ENDED);
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, actualStart, Optional.of(on), TrajectoryStatus.ENDED, sequenceNumber,
        lastContactDate, why, ladderStepAtStart, stepAtEnd, Optional.of(outcome), createdAt, reportBacks, followUp,
        version);
  }

  /** The commissioner decided what follows this ended trajectory; once. */
  public Trajectory followUpDecided(FollowUpDecision decision) {
    requireFollowUpOpen();
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, actualStart, actualEnd, status, sequenceNumber, lastContactDate, causes,
        ladderStepAtStart, ladderStepAtEnd, result, createdAt, reportBacks, Optional.of(decision), version);
  }

  /** Unless this trajectory has ended and its follow-up is not yet decided: {@link TrajectoryStateException}. */
  public void requireFollowUpOpen() {
    requireState(status == TrajectoryStatus.ENDED, Reason.NOT_ENDED);
    requireState(followUp.isEmpty(), Reason.FOLLOW_UP_DECIDED);
  }

  /** With the date of the latest contact between provider and client. */
  public Trajectory withLastContact(LocalDate on) {
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, actualStart, actualEnd, status, sequenceNumber, Optional.of(on), causes,
        ladderStepAtStart, ladderStepAtEnd, result, createdAt, reportBacks, followUp, version);
  }

  /** With another goal or planned period (e.g. an extension agreed with the commissioner). */
  public Trajectory replanned(Goal newGoal, LocalDate newPlannedStart, LocalDate newPlannedEnd) {
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type,
        newGoal, newPlannedStart, newPlannedEnd, actualStart, actualEnd, status, sequenceNumber, lastContactDate,
        causes, ladderStepAtStart, ladderStepAtEnd, result, createdAt, reportBacks, followUp, version);
  }

  /** This trajectory as stored with {@code newVersion}; used by repositories. */
  public Trajectory withVersion(long newVersion) {
    return new Trajectory(trajectoryId, clientId, commissionerOrganisation, providerOrganisation, regime, type, goal,
        plannedStart, plannedEnd, actualStart, actualEnd, status, sequenceNumber, lastContactDate, causes,
        ladderStepAtStart, ladderStepAtEnd, result, createdAt, reportBacks, followUp, newVersion);
  }

  private static void requireState(boolean allowed, Reason reason) {
    if (!allowed) {
      throw new TrajectoryStateException(reason);
    }
  }
}
