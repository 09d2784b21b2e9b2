package nl.reintegratie.gateway.dossier;

/** The kind of re-integration service commissioned. */
public enum TrajectoryType implements Coded {
  PLACEMENT("placement"),
  ACTIVATION("activation"),
  DIAGNOSIS("diagnosis"),
  JOB_HUNTING("job-hunting"),
  INTENSIVE_COACHING("intensive-coaching"),
  /** Individuele re-integratieovereenkomst: the client chose the provider. */
  IRO("iro"),
  /** For clients who have shown they do not want to cooperate. */
  NIET_WILLERS("niet-willers");

  private final String code;

  TrajectoryType(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
