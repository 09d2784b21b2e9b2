package nl.reintegratie.gateway.identity;

import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.time.Duration;
import java.util.Optional;

/**
 * The portal's server-side session: the one cookie a logged-in browser holds, and who is logged in with it. The
 * portal's login routes and every API route for logged-in users ({@link StaffAccess}) read the same sessions, so
 * the cookie, the store and the place of the {@link Principal} are defined here, once.
 *
 * <p>The cookie is {@value #COOKIE}: {@code __Host-} prefixed (HTTPS only, this host only, path /), HttpOnly and
 * SameSite=Lax (Strict would drop the cookie on the redirect back from Keycloak). A session ends after
 * {@link #IDLE_TIMEOUT} without requests. Sessions live in this process's memory ({@link LocalSessionStore}, one
 * map shared by every event loop), so a gateway restart logs everyone out.
 */
public final class PortalSession {

  public static final String COOKIE = "__Host-portal-session";
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
  private static final String PRINCIPAL = "principal";

  private PortalSession() {
  }

  /**
   * A session handler for routes that use the portal session. Handlers made by separate calls share the sessions
   * (one store, by name, per Vert.x instance).
   */
  public static SessionHandler handler(Vertx vertx) {
    return SessionHandler.create(LocalSessionStore.create(vertx))
        .setSessionCookieName(COOKIE)
        .setCookieSecureFlag(true)
        .setCookieHttpOnlyFlag(true)
        .setCookieSameSite(CookieSameSite.LAX)
        .setSessionTimeout(IDLE_TIMEOUT.toMillis())
        .setMinLength(32);
  }

  /** Who is logged in with {@code session}; empty when nobody is (a new, expired or logged-out session). */
  public static Optional<Principal> principal(Session session) {
    JsonObject stored = session == null ? null : session.get(PRINCIPAL);
    return Optional.ofNullable(stored).map(Principal::fromJson);
  }

  /**
   * Records that {@code principal} is logged in with {@code session}. Call it only after a completed login, on a
   * session whose id was just regenerated (no session fixation).
   */
  public static void logIn(Session session, Principal principal) {
    session.put(PRINCIPAL, principal.toJson());
  }
}
