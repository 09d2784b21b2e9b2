package nl.reintegratie.gateway.identity;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.identity.Principal.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use an API route for logged-in people (supervisors, commissioners, and clients, whose routes add
 * {@link ClientAccess}): the one kind of authentication for those routes, put in front of a route's own handlers.
 *
 * <pre>{@code
 * staff.requireRole(router.post("/api/v1/providers"), Role.SUPERVISOR)
 *     .handler(BodyValidation.against(schemas, "provider-registration"))
 *     .handler(ctx -> register(StaffAccess.principal(ctx), BodyValidation.body(ctx)));
 * }</pre>
 *
 * <p>In this order, each failure answered as problem+json before the route's handlers run:
 * <ol>
 *   <li>the portal session is loaded ({@link PortalSession}); without a logged-in principal: 401
 *       {@code login-required} (the browser has no session, it expired, or the user logged out);
 *   <li>on an unsafe method (POST, PUT, PATCH, DELETE) the portal's CSRF rule ({@link PortalCsrfGuard}): 403
 *       {@code cross-site-request} unless the request came from the portal's own pages;
 *   <li>the role: 403 {@code forbidden} when the principal lacks it.
 * </ol>
 *
 * <p>Then {@link #principal} gives the route who is asking, with their organisation, for the object-level checks
 * that follow (a commissioner sees only their own organisation's trajectories, and so on): this class answers
 * "may this person use this route at all", never "may they see this object". Rejections are logged as
 * {@code security} events with the subject id and the path, never a name.
 */
public final class StaffAccess {

  private static final Logger SECURITY = LoggerFactory.getLogger("security");
  private static final String PRINCIPAL = StaffAccess.class.getName() + ".principal";
  private static final Map<Role, String> ROLE_NAMES_NL = Map.of(
      Role.CLIENT, "cliënt", Role.COMMISSIONER, "opdrachtgever", Role.SUPERVISOR, "toezichthouder");
  private static final Map<Role, String> ROLE_NAMES_EN = Map.of(
      Role.CLIENT, "client", Role.COMMISSIONER, "commissioner", Role.SUPERVISOR, "supervisor");

  private final SessionHandler sessions;
  private final PortalCsrfGuard csrf;

  /** @param origin the portal's origin ({@code PUBLIC_BASE_URL}'s scheme, host and port), for the CSRF rule */
  public StaffAccess(Vertx vertx, String origin) {
    this.sessions = PortalSession.handler(vertx);
    this.csrf = new PortalCsrfGuard(Objects.requireNonNull(origin));
  }

  /**
   * Puts the session, CSRF and role checks in front of {@code route}'s handlers. Returns {@code route}, so the
   * route's own handlers follow in the same expression.
   */
  public Route requireRole(Route route, Role role) {
    Objects.requireNonNull(role);
    return route.handler(sessions).handler(ctx -> check(ctx, role));
  }

  /**
   * Who is asking, on a route behind {@link #requireRole}. Failure: {@link IllegalStateException} when the route is
   * not behind it, a wiring mistake that must not look like an anonymous request.
   */
  public static Principal principal(RoutingContext ctx) {
    Principal principal = ctx.get(PRINCIPAL);
    if (principal == null) {
      throw new IllegalStateException("route is not behind StaffAccess.requireRole");
    }
    return principal;
  }

  private void check(RoutingContext ctx, Role role) {
    Language language = Language.of(ctx);
    Optional<Principal> loggedIn = PortalSession.principal(ctx.session());
    if (loggedIn.isEmpty()) {
      SECURITY.info("event=staff-login-required method={} path={}", ctx.request().method(), ctx.normalizedPath());
      ctx.fail(new ApiException(ProblemType.LOGIN_REQUIRED, language == Language.EN
          ? "Log in through the portal and try again." : "Log in via het portaal en probeer het opnieuw."));
      return;
    }
    if (!csrf.passes(ctx)) {
      return;
    }
    Principal principal = loggedIn.get();
    if (!principal.has(role)) {
      SECURITY.warn("event=staff-role-missing subject={} required={} method={} path={}", principal.subject(),
          role.claim(), ctx.request().method(), ctx.normalizedPath());
      ctx.fail(new ApiException(ProblemType.FORBIDDEN, language == Language.EN
          ? "Only a " + ROLE_NAMES_EN.get(role) + " may do this."
          : "Dit mag alleen een " + ROLE_NAMES_NL.get(role) + "."));
      return;
    }
    ctx.put(PRINCIPAL, principal);
    ctx.next();
  }
}
