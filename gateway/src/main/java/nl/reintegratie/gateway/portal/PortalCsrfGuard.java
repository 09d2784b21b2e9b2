package nl.reintegratie.gateway.portal;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session cookie is sent by the browser with any request to the gateway, including ones a
 * hostile page triggers. A state-changing portal request is accepted only when it carries the
 * custom header {@value #HEADER} (which a cross-site form cannot set, and a cross-site fetch
 * cannot set without a CORS preflight the gateway never grants) and, when the browser says
 * where it comes from, that origin is the portal's own.
 */
final class PortalCsrfGuard implements Handler<RoutingContext> {

  static final String HEADER = "X-Portal-Request";
  private static final Logger SECURITY = LoggerFactory.getLogger("security");

  private final String origin;

  PortalCsrfGuard(String origin) {
    this.origin = origin;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
      ctx.next();
      return;
    }
    String header = ctx.request().getHeader(HEADER);
    String requestOrigin = ctx.request().getHeader("Origin");
    String fetchSite = ctx.request().getHeader("Sec-Fetch-Site");
    boolean ok = "1".equals(header)
        && (requestOrigin == null || requestOrigin.equals(origin))
        && (fetchSite == null || fetchSite.equals("same-origin"));
    if (!ok) {
      SECURITY.warn("event=csrf-rejected path={} hasHeader={} originMatches={} fetchSite={}",
          ctx.request().path(), header != null, requestOrigin == null || requestOrigin.equals(origin),
          fetchSite);
      ctx.fail(new ApiException(ProblemType.CSRF_REJECTED,
          "Dit verzoek kwam niet van het portaal zelf en is daarom geweigerd."));
      return;
    }
    ctx.next();
  }
}
