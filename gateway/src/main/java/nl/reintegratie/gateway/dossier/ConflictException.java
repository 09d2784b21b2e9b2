package nl.reintegratie.gateway.dossier;

/**
 * A write lost against the current state: what it would create already exists, or what it would change was
 * changed by someone else first. Nothing was written; the HTTP layer answers 409. Messages name the kind of
 * record, never a value, so these exceptions may be logged.
 */
public abstract class ConflictException extends RuntimeException {

  protected ConflictException(String message) {
    super(message, null, false, false); // an expected outcome: no stack trace needed
  }
}
