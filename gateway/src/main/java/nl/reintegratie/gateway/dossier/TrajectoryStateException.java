package nl.reintegratie.gateway.dossier;

import java.util.Objects;

/**
 * A change the trajectory's current state does not allow, e.g. ending a trajectory that has ended. Nothing was
 * written; the HTTP layer answers 409 {@code trajectory-state-conflict}. Unlike a {@link StaleVersionException},
 * retrying does not help: the state has to change first (or it never will).
 */
public final class TrajectoryStateException extends ConflictException {

  /** Which rule refused the change; the HTTP layer explains each in the caller's language. */
  public enum Reason {
    /** Only a planned trajectory can start. */
    NOT_PLANNED,
    /** The trajectory has ended: it cannot end again, get a report-back or have one decided. */
    ALREADY_ENDED,
    /** A report-back already waits for the commissioner's decision; a second one waits until then. */
    REPORT_BACK_PENDING,
    /** This report-back was decided already. */
    REPORT_BACK_DECIDED,
    /** A follow-up is decided only for a trajectory that has ended. */
    NOT_ENDED,
    /** The follow-up of this trajectory was decided already. */
    FOLLOW_UP_DECIDED
  }

  private final Reason reason;

  public TrajectoryStateException(Reason reason) {
    super("trajectory state does not allow this: " + reason);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }
}
