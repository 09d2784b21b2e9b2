package nl.reintegratie.gateway.dossier;

/** How an ended trajectory ended. */
public enum TrajectoryResult implements Coded {
  PLACED("placed"),
  ENDED_EARLY("ended-early"),
  ENDED_WITHOUT_RESULT("ended-without-result");

  private final String code;

  TrajectoryResult(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
