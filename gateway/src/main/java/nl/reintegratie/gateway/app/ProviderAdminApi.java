package nl.reintegratie.gateway.app;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import nl.reintegratie.gateway.identity.StaffAccess;
import nl.reintegratie.gateway.signature.ProviderDirectory;
import nl.reintegratie.gateway.signature.http.ProviderAdminRoutes;
import nl.reintegratie.schemas.SchemaCatalog;

/**
 * The supervisors' provider registry API wired up: its routes on the provider API's own key directory (so a
 * revocation reaches the verifier at once), behind {@link StaffAccess} on the portal session.
 *
 * @param origin the portal's origin, for the CSRF rule
 */
record ProviderAdminApi(Vertx vertx, String origin, ProviderDirectory directory, SchemaCatalog schemas) {

  /**
   * Mounts the routes on one listener's router. Called in each listener verticle's start, so the session handler
   * (whose store runs a reaper timer) belongs to that verticle and stops with it.
   */
  void mount(Router router) {
    new ProviderAdminRoutes(directory, new StaffAccess(vertx, origin), schemas, Clock.systemUTC()).mount(router);
  }
}
