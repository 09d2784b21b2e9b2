package nl.reintegratie.gateway.dossier;

/**
 * How sensitive a document's content is. Health information (a special category of personal data, art. 9 AVG)
 * lives in its own stricter compartment: fewer people may read it, and it is never handed over without
 * justification.
 */
public enum Confidentiality implements Coded {
  STANDARD("standard"),
  HEALTH("health");

  private final String code;

  Confidentiality(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
