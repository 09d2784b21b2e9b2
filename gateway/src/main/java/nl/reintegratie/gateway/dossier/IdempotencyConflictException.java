package nl.reintegratie.gateway.dossier;

/**
 * An idempotency key was used again for a different request (another body, dossier or document kind). Nothing was
 * written; the document stored under the key the first time is unchanged.
 */
public final class IdempotencyConflictException extends RuntimeException {

  public IdempotencyConflictException() {
    super("idempotency key already used for a different request", null, false, false);
  }
}
