package nl.reintegratie.gateway.dossier;

/** Who writes a type of document: the provider running the trajectory, or the client. */
public enum AuthorRole implements Coded {
  PROVIDER("provider"),
  CLIENT("client");

  private final String code;

  AuthorRole(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
