package nl.reintegratie.gateway.dossier;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A commissioner's input that is well-formed (its schema passed) but does not fit the stored facts: a provider that
 * is not registered, an end date before the trajectory started, a follow-up trajectory of another client. Lists every
 * refusal at once; nothing was written. The HTTP layer answers 400 {@code invalid-body} with one entry per refusal,
 * at its field.
 */
public final class RefusedInputException extends RuntimeException {

  /** One rule about one field of the request body. */
  public enum Refusal {
    PLANNED_END_BEFORE_START("plannedEndDate"),
    PROVIDER_NOT_REGISTERED("providerId"),
    CLIENT_NOT_REGISTERED("clientId"),
    END_DATE_OUT_OF_RANGE("endDate"),
    DECISION_DATE_OUT_OF_RANGE("decisionDate"),
    DUE_DATE_BEFORE_END("dueDate"),
    NEW_TRAJECTORY_UNKNOWN("newTrajectoryId"),
    NEW_TRAJECTORY_SAME_PROVIDER("newTrajectoryId");

    private final String field;

    Refusal(String field) {
      this.field = field;
    }

    /** The request body's field it is about, e.g. {@code endDate}. */
    public String field() {
      return field;
    }
  }

  private final List<Refusal> refusals;

  public RefusedInputException(List<Refusal> refusals) {
    super("refused: " + refusals.stream().map(Enum::name).collect(Collectors.joining(", ")), null, false, false);
    if (refusals.isEmpty()) {
      throw new IllegalArgumentException("a refusal names at least one rule");
    }
    this.refusals = List.copyOf(refusals);
  }

  public List<Refusal> refusals() {
    return refusals;
  }
}
