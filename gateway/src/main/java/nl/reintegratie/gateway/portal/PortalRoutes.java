package nl.reintegratie.gateway.portal;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.identity.KeycloakConnection;
import nl.reintegratie.gateway.identity.PortalCsrfGuard;
import nl.reintegratie.gateway.identity.PortalSession;
import nl.reintegratie.gateway.identity.Principal;

/**
 * The portal: its static files at {@code /}, and the backend-for-frontend under {@code /bff}:
 * login, callback, who am I, logout. Sessions live on the server ({@link PortalSession}: the
 * cookie, its flags and the idle timeout); state-changing requests pass the {@link PortalCsrfGuard}.
 */
public final class PortalRoutes {

  public static final String LOGIN = "/bff/login";
  public static final String CALLBACK = "/bff/callback";
  public static final String ME = "/bff/me";
  public static final String LOGOUT = "/bff/logout";

  private final Vertx vertx;
  private final KeycloakConnection keycloak;
  private final PortalLogin login;
  private final String origin;

  public PortalRoutes(Vertx vertx, KeycloakConnection keycloak, LoginHistory loginHistory, String origin) {
    this.vertx = vertx;
    this.keycloak = keycloak;
    this.origin = origin;
    this.login = new PortalLogin(keycloak, loginHistory, origin, Clock.systemUTC());
  }

  /** Mounts the /bff routes. Call {@link #mountStaticFiles} after every other route. */
  public void mount(Router router) {
    router.route("/bff/*").handler(PortalSession.handler(vertx));
    router.route("/bff/*").handler(new PortalCsrfGuard(origin));
    router.get(LOGIN).handler(login::start);
    router.get(CALLBACK).handler(login::callback);
    router.get(ME).handler(this::me);
    router.post(LOGOUT).handler(this::logout);
  }

  /**
   * The built portal (from the portal-ui module's jar). Hashed assets are cached for a year;
   * everything else, index.html included, is revalidated so a new release shows at once.
   */
  public void mountStaticFiles(Router router) {
    router.get("/assets/*").handler(StaticHandler.create("webroot")
        .setCachingEnabled(true)
        .setMaxAgeSeconds(Duration.ofDays(365).toSeconds())
        .setDirectoryListing(false));
    router.get("/*").handler(StaticHandler.create("webroot")
        .setCachingEnabled(false)
        .setDirectoryListing(false)
        .setIndexPage("index.html"));
  }

  /** {@code GET /bff/me}: the logged-in user as the portal shows them, or 401. */
  private void me(RoutingContext ctx) {
    Optional<Principal> loggedIn = PortalSession.principal(ctx.session());
    if (loggedIn.isEmpty()) {
      ctx.fail(new ApiException(ProblemType.UNAUTHENTICATED, "Je bent niet ingelogd."));
      return;
    }
    Principal principal = loggedIn.get();
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject()
            .put("name", principal.name())
            .put("givenName", principal.givenName())
            .put("roles", new JsonArray(principal.roleClaims()))
            .put("previousLoginAt", ctx.session().<String>get(PortalLogin.PREVIOUS_LOGIN))
            .toBuffer());
  }

  /**
   * {@code POST /bff/logout}: ends the gateway session at once and answers where the browser
   * should go to end the Keycloak session too.
   */
  private void logout(RoutingContext ctx) {
    boolean wasLoggedIn = PortalSession.principal(ctx.session()).isPresent();
    String idToken = ctx.session().get(PortalLogin.ID_TOKEN);
    ctx.session().destroy();
    if (!wasLoggedIn) {
      respondRedirect(ctx, "/");
      return;
    }
    keycloak.connected()
        .map(realm -> login.endSessionUrl(realm, idToken))
        .otherwise("/")
        .onSuccess(url -> respondRedirect(ctx, url));
  }

  private static void respondRedirect(RoutingContext ctx, String url) {
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("redirect", url).toBuffer());
  }
}
