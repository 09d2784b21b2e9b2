package nl.reintegratie.gateway.dossier;

import java.util.Objects;
import java.util.Optional;

/**
 * What a trajectory aims for: paid work, or reaching a step of the participation ladder.
 *
 * @param kind       paid work or a ladder step
 * @param targetStep the step to reach; present exactly when {@code kind} is {@link Kind#LADDER_STEP}
 */
public record Goal(Kind kind, Optional<LadderStep> targetStep) {

  /** The kind of goal. */
  public enum Kind implements Coded {
    PAID_WORK("paid-work"),
    LADDER_STEP("ladder-step");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  public Goal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(targetStep, "targetStep");
    if (targetStep.isPresent() != (kind == Kind.LADDER_STEP)) {
      throw new IllegalArgumentException("a target ladder step goes with, and only with, a ladder-step goal");
    }
  }

  /** Paid work (uitstroom naar werk). */
  public static Goal paidWork() {
    return new Goal(Kind.PAID_WORK, Optional.empty());
  }

  /** Reaching {@code step} of the participation ladder. */
  public static Goal ladderStep(LadderStep step) {
    return new Goal(Kind.LADDER_STEP, Optional.of(step));
  }
}
