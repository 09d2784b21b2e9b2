package nl.reintegratie.gateway.store;

/**
 * The store is down, unreachable, closed, too slow, or could not make a write durable. The operation may succeed
 * later; the HTTP layer answers 503.
 */
public class StoreUnavailableException extends StoreException {

  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
