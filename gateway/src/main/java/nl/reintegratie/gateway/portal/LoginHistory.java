package nl.reintegratie.gateway.portal;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * When each portal user last logged in, so the portal can show "you were last here on ..."
 * (people notice misuse of their account that way). Keyed by Keycloak's subject id, which is
 * pseudonymous: no name or BSN is stored.
 */
public interface LoginHistory {

  /**
   * Records a login at {@code at} and returns the login before it.
   *
   * @return succeeds, once the new login is durably stored, with the previous login time, or
   *     empty for a first login; fails with the store's failure (mapped to 503 by the caller)
   */
  Future<Optional<Instant>> recordLogin(String subject, Instant at);

}
