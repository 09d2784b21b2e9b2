package nl.reintegratie.gateway.dossier;

/** What follows an ended trajectory: a new trajectory, another service, or a reasoned stop. */
public enum FollowUpKind implements Coded {
  NEW_TRAJECTORY("new-trajectory"),
  OTHER_SERVICE("other-service"),
  REASONED_STOP("reasoned-stop");

  private final String code;

  FollowUpKind(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
