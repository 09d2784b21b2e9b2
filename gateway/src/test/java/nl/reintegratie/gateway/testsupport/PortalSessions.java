package nl.reintegratie.gateway.testsupport;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import nl.reintegratie.gateway.identity.PortalSession;
import nl.reintegratie.gateway.identity.Principal;

/**
 * Portal sessions without Keycloak, for tests of what sits behind a login (the Keycloak login itself is tested in
 * {@code PortalLoginTest}, and the staff API with real logins in {@code ProviderAdminApiTest}): a test router gets
 * {@code POST /test/login/{name}}, which logs the named principal in exactly as the portal's callback does (new
 * session id, principal in the session) and answers with the session cookie.
 */
public final class PortalSessions {

  public static final String LOGIN = "/test/login/";

  private PortalSessions() {
  }

  public static void mountLogin(Vertx vertx, Router router, Map<String, Principal> principals) {
    router.post(LOGIN + ":name").handler(PortalSession.handler(vertx)).handler(ctx -> {
      ctx.session().regenerateId();
      PortalSession.logIn(ctx.session(), principals.get(ctx.pathParam("name")));
      ctx.response().setStatusCode(204).end();
    });
  }

  /** The {@code Cookie} header value that carries the session a login answer set. */
  public static String cookie(HttpResponse<?> loginAnswer) {
    String setCookie = loginAnswer.cookies().stream()
        .filter(cookie -> cookie.startsWith(PortalSession.COOKIE + "="))
        .findFirst().orElseThrow(() -> new IllegalStateException("login set no session cookie"));
    return setCookie.substring(0, setCookie.indexOf(';'));
  }
}
