package nl.reintegratie.gateway.store;

/**
 * A store operation failed for a reason the caller cannot fix by retrying or changing its input (the HTTP layer
 * answers 500). Subclasses name the failures callers can act on.
 *
 * <p>Messages never contain document contents, so these exceptions may be logged.
 */
public class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
