package nl.reintegratie.gateway.dossier;

/** Where a trajectory is in its life: planned, active, reported back to the commissioner, ended. */
public enum TrajectoryStatus implements Coded {
  PLANNED("planned"),
  ACTIVE("active"),
  REPORTED_BACK("reported-back"),
  ENDED("ended");

  private final String code;

  TrajectoryStatus(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
