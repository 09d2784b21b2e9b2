package nl.reintegratie.gateway.dossier;

/** The benefit regime a trajectory falls under; decides the commissioner (municipality or UWV) and the legal basis. */
public enum Regime implements Coded {
  PARTICIPATIEWET("participatiewet"),
  WW("ww"),
  WIA("wia"),
  WAO("wao");

  private final String code;

  Regime(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
