package nl.reintegratie.gateway.dossier;

/** The commissioner's answer to a report-back: the proposal is accepted, or rejected with a reason. */
public enum ReportBackOutcome implements Coded {
  ACCEPTED("accepted"),
  REJECTED("rejected");

  private final String code;

  ReportBackOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
