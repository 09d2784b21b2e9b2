package nl.reintegratie.gateway.dossier;

/** Input the dossier cannot accept, e.g. a BSN that fails the eleven-test. Names the field, never its value. */
public final class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String reason) {
    super(field + ": " + reason, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
