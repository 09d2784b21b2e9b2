package nl.reintegratie.gateway.dossier;

/** What a provider proposes in a report-back: stop the trajectory, adjust it, or hand the client to another provider. */
public enum ReportBackProposal implements Coded {
  STOP("stop"),
  ADJUST("adjust"),
  OTHER_PROVIDER("other-provider");

  private final String code;

  ReportBackProposal(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
