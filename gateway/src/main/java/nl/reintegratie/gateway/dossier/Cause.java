package nl.reintegratie.gateway.dossier;

/**
 * Why a trajectory did not (fully) succeed. A closed list on purpose: steering statistics need countable causes,
 * and an explanation in the provider's own words belongs in the encrypted end report, not in clear metadata.
 */
public enum Cause implements Coded {
  ILLNESS("illness"),
  MOTIVATION("motivation"),
  COMPLEX_PROBLEMS("complex-problems"),
  WRONG_DIAGNOSIS("wrong-diagnosis"),
  TOO_LITTLE_TAILORING("too-little-tailoring"),
  TOO_SHORT("too-short"),
  NO_CLICK("no-click"),
  BAD_LUCK("bad-luck"),
  LABOUR_MARKET("labour-market"),
  OTHER("other");

  private final String code;

  Cause(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
