package nl.reintegratie.gateway.dossier;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.reintegratie.gateway.events.DomainEvent;

/**
 * The dossier's events, built from what was just stored: every one names the trajectory, the client (its opaque id),
 * the commissioner and the provider, and then only the codes and dates of what happened. A subscriber that needs
 * more reads the trajectory; content never travels in an event.
 */
public final class TrajectoryEvents {

  /** A commissioner created a trajectory. Adds {@code regime}, {@code type}, {@code sequenceNumber}. */
  public static final String TRAJECTORY_CREATED = "trajectory-created";
  /**
   * A trajectory ended: ended by the commissioner, or through an accepted report-back. Adds {@code result},
   * {@code endDate}.
   */
  public static final String TRAJECTORY_ENDED = "trajectory-ended";
  /** A provider stored a new document in the dossier. Adds {@code documentId}, {@code documentType}, {@code version}. */
  public static final String REPORT_SUBMITTED = "report-submitted";
  /**
   * A provider's report-back put the trajectory in reported-back. Adds {@code documentId}, {@code reason},
   * {@code proposal}, {@code reportDate}.
   */
  public static final String REPORT_BACK_SUBMITTED = "report-back-submitted";
  /** The commissioner accepted a report-back. Adds {@code documentId}, {@code decisionDate}, {@code status}. */
  public static final String REPORT_BACK_ACCEPTED = "report-back-accepted";
  /** The commissioner rejected a report-back. Adds {@code documentId}, {@code decisionDate}, {@code status}. */
  public static final String REPORT_BACK_REJECTED = "report-back-rejected";
  /**
   * The commissioner decided what follows an ended trajectory. Adds {@code kind}, {@code dueDate},
   * {@code decisionDate}, {@code onTime} and, for a new trajectory, {@code newTrajectoryId}.
   */
  public static final String FOLLOW_UP_DECIDED = "follow-up-decided";

  private TrajectoryEvents() {
  }

  static DomainEvent created(Trajectory trajectory, Instant at) {
    Map<String, String> data = about(trajectory);
    data.put("regime", trajectory.regime().code());
    data.put("type", trajectory.type().code());
    data.put("sequenceNumber", Integer.toString(trajectory.sequenceNumber()));
    return DomainEvent.of(TRAJECTORY_CREATED, at, data);
  }

  static DomainEvent ended(Trajectory trajectory, Instant at) {
    Map<String, String> data = about(trajectory);
    data.put("result", trajectory.result().orElseThrow().code());
    data.put("endDate", trajectory.actualEnd().orElseThrow().toString());
    return DomainEvent.of(TRAJECTORY_ENDED, at, data);
  }

  static DomainEvent reportSubmitted(Trajectory trajectory, DocumentHeader document, Instant at) {
    Map<String, String> data = about(trajectory);
    data.put("documentId", document.documentId());
    data.put("documentType", document.type().code());
    data.put("version", Integer.toString(document.version()));
    return DomainEvent.of(REPORT_SUBMITTED, at, data);
  }

  static DomainEvent reportBackSubmitted(Trajectory trajectory, ReportBack reportBack, Instant at) {
    Map<String, String> data = about(trajectory);
    data.put("documentId", reportBack.documentId());
    data.put("reason", reportBack.reason().code());
    data.put("proposal", reportBack.proposal().code());
    data.put("reportDate", reportBack.reportedOn().toString());
    return DomainEvent.of(REPORT_BACK_SUBMITTED, at, data);
  }

  static DomainEvent reportBackDecided(Trajectory trajectory, ReportBack decided, Instant at) {
    ReportBackDecision decision = decided.decision().orElseThrow();
    Map<String, String> data = about(trajectory);
    data.put("documentId", decided.documentId());
    data.put("decisionDate", decision.decidedOn().toString());
    data.put("status", trajectory.status().code());
    return DomainEvent.of(decision.outcome() == ReportBackOutcome.ACCEPTED ? REPORT_BACK_ACCEPTED
        : REPORT_BACK_REJECTED, at, data);
  }

  static DomainEvent followUpDecided(Trajectory trajectory, Instant at) {
    FollowUpDecision decision = trajectory.followUp().orElseThrow();
    Map<String, String> data = about(trajectory);
    data.put("kind", decision.kind().code());
    data.put("dueDate", decision.dueDate().toString());
    data.put("decisionDate", decision.decidedOn().toString());
    data.put("onTime", Boolean.toString(decision.onTime()));
    decision.newTrajectoryId().ifPresent(id -> data.put("newTrajectoryId", id));
    return DomainEvent.of(FOLLOW_UP_DECIDED, at, data);
  }

  private static Map<String, String> about(Trajectory trajectory) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("trajectoryId", trajectory.trajectoryId());
    data.put("clientId", trajectory.clientId());
    data.put("commissionerId", trajectory.commissionerOrganisation());
    data.put("providerId", trajectory.providerOrganisation());
    return data;
  }
}
