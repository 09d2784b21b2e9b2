package nl.reintegratie.gateway.devstack;

/**
 * Keycloak did not come up: the process died, did not answer in time, or could not be launched.
 * The message carries the tail of Keycloak's log, because that is where the actual reason is.
 */
public final class KeycloakStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KeycloakStartException(String message) {
    super(message);
  }

  public KeycloakStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
