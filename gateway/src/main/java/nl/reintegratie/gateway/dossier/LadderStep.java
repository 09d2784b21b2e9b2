package nl.reintegratie.gateway.dossier;

/** A step of the participation ladder (participatieladder), 1 (isolated) to 6 (paid work); stored as its number. */
public enum LadderStep {
  ISOLATED(1),
  SOCIAL_CONTACTS(2),
  ORGANISED_ACTIVITIES(3),
  UNPAID_WORK(4),
  PAID_WORK_WITH_SUPPORT(5),
  PAID_WORK(6);

  private final int number;

  LadderStep(int number) {
    this.number = number;
  }

  /** The step's number, 1 to 6. */
  public int number() {
    return number;
  }

  /** The step with {@code number}; {@link IllegalArgumentException} outside 1..6. */
  public static LadderStep of(int number) {
    for (LadderStep step : values()) {
      if (step.number == number) {
        return step;
      }
    }
    throw new IllegalArgumentException("ladder step must be 1..6, was " + number);
  }
}
