package nl.reintegratie.gateway.identity;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session cookie is sent by the browser with any request to the gateway, including ones a
 * hostile page triggers. A state-changing request on the portal session is accepted only when it
 * carries the custom header {@value #HEADER} (which a cross-site form cannot set, and a cross-site
 * fetch cannot set without a CORS preflight the gateway never grants) and, when the browser says
 * where it comes from, that origin is the portal's own.
 *
 * <p>One rule for every route on the portal session: the portal's own {@code /bff} routes mount this
 * handler, and {@link StaffAccess} applies the same check to the staff API routes.
 */
public final class PortalCsrfGuard implements Handler<RoutingContext> {

  public static final String HEADER = "X-Portal-Request";
  private static final Logger SECURITY = LoggerFactory.getLogger("security");

  private final String origin;

  /** @param origin the portal's own origin, e.g. {@code https://localhost:8443} */
  public PortalCsrfGuard(String origin) {
    this.origin = origin;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (passes(ctx)) {
      ctx.next();
    }
  }

  /**
   * Whether the request may go on: a safe method, or an unsafe one that came from the portal itself. Otherwise the
   * context has failed with 403 {@code cross-site-request} and the attempt is logged as a {@code security} event.
   */
  boolean passes(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    HttpMethod method = request.method();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
      return true;
    }
    String header = request.getHeader(HEADER);
    String requestOrigin = request.getHeader("Origin");
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    boolean originMatches = requestOrigin == null || requestOrigin.equals(origin);
    if ("1".equals(header) && originMatches && (fetchSite == null || fetchSite.equals("same-origin"))) {
      return true;
    }
    SECURITY.warn("event=csrf-rejected path={} hasHeader={} originMatches={} fetchSite={}",
        request.path(), header != null, originMatches, fetchSite);
    ctx.fail(new ApiException(ProblemType.CSRF_REJECTED, Language.of(ctx) == Language.EN
        ? "This request did not come from the portal itself and was therefore refused."
        : "Dit verzoek kwam niet van het portaal zelf en is daarom geweigerd."));
    return false;
  }
}
