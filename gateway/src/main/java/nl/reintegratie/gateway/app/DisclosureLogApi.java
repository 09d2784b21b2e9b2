package nl.reintegratie.gateway.app;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.LogVerifications;
import nl.reintegratie.gateway.audit.http.DisclosureLogRoutes;
import nl.reintegratie.gateway.identity.StaffAccess;

/**
 * The supervisors' disclosure-log routes wired up. One {@link LogVerifications} for the whole process (made once,
 * shared by every listener), so "one verification at a time" holds across event loops.
 *
 * @param origin the portal's origin, for the CSRF rule
 */
record DisclosureLogApi(Vertx vertx, String origin, DisclosureLog log, LogVerifications verifications) {

  /** Mounts the routes on one listener's router (each listener verticle its own session handler). */
  void mount(Router router) {
    new DisclosureLogRoutes(log, verifications, new StaffAccess(vertx, origin)).mount(router);
  }
}
