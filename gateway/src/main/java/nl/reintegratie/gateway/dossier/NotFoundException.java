package nl.reintegratie.gateway.dossier;

/** The client, trajectory or document does not exist (or is not this caller's: callers cannot tell). */
public final class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found", null, false, false);
  }
}
