package nl.reintegratie.gateway.identity;

import static nl.reintegratie.gateway.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.reintegratie.gateway.http.GatewayRouter;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.identity.Principal.Role;
import nl.reintegratie.gateway.testsupport.PortalSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of the piece every staff API route puts in front of its handlers, on a bare router: which check
 * answers first, what passes, and what the route then knows. Logins are made directly in the session here
 * ({@link PortalSessions}); {@code ProviderAdminApiTest} does the same through the real Keycloak.
 */
@Timeout(60)
class StaffAccessTest {

  static final String ORIGIN = "https://portal.example";
  static final Principal SUPERVISOR = new Principal("sub-supervisor", "Anouk Smit", "Anouk",
      Set.of(Role.SUPERVISOR), Optional.of("gemeente-deventer"), Optional.empty());
  static final Principal CLIENT = new Principal("sub-client", "Fatima El Amrani", "Fatima",
      Set.of(Role.CLIENT), Optional.empty(), Optional.of("999993653"));

  static Vertx vertx;
  static WebClient client;
  static String supervisor;
  static String clientSession;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Router router = GatewayRouter.create(vertx, 64 * 1024);
    PortalSessions.mountLogin(vertx, router, Map.of("supervisor", SUPERVISOR, "client", CLIENT));
    StaffAccess staff = new StaffAccess(vertx, ORIGIN);
    for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE}) {
      staff.requireRole(router.route(method, "/staff"), Role.SUPERVISOR).handler(ctx -> {
        Principal principal = StaffAccess.principal(ctx);
        ctx.json(new JsonObject().put("subject", principal.subject())
            .put("organisation", principal.organisation().orElse(null)));
      });
    }
    router.get("/unguarded").handler(ctx -> ctx.json(new JsonObject().put("subject",
        StaffAccess.principal(ctx).subject())));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(server.actualPort()));
    supervisor = PortalSessions.cookie(client.post(PortalSessions.LOGIN + "supervisor").send().await());
    clientSession = PortalSessions.cookie(client.post(PortalSessions.LOGIN + "client").send().await());
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  static HttpRequest<Buffer> request(HttpMethod method, String session) {
    HttpRequest<Buffer> request = client.request(method, "/staff");
    if (session != null) {
      request.putHeader("Cookie", session);
    }
    return request;
  }

  @Test
  void withTheRole_theRouteRuns_andKnowsWhoIsAsking() {
    HttpResponse<Buffer> response = request(HttpMethod.GET, supervisor).send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
        .put("subject", "sub-supervisor").put("organisation", "gemeente-deventer"));
  }

  @Test
  void withoutASession_isLoginRequired_andNoSessionIsCreated() {
    HttpResponse<Buffer> response = request(HttpMethod.GET, null).send().await();

    assertProblem(response, 401, ProblemType.LOGIN_REQUIRED.uri());
    assertThat(response.cookies()).noneMatch(cookie -> cookie.startsWith(PortalSession.COOKIE));
  }

  @Test
  void anUnknownSessionId_isLoginRequired() {
    HttpResponse<Buffer> response = request(HttpMethod.GET, PortalSession.COOKIE + "=" + "A".repeat(43))
        .send().await();

    assertProblem(response, 401, ProblemType.LOGIN_REQUIRED.uri());
  }

  @Test
  void withoutTheRole_isForbidden() {
    HttpResponse<Buffer> response = request(HttpMethod.GET, clientSession).send().await();

    assertProblem(response, 403, ProblemType.FORBIDDEN.uri());
    assertThat(response.bodyAsJsonObject().getString("detail")).isEqualTo("Dit mag alleen een toezichthouder.");
  }

  @Test
  void unsafeMethods_needThePortalHeader_andTheSameOrigin() {
    assertProblem(request(HttpMethod.POST, supervisor).send().await(), 403, ProblemType.CSRF_REJECTED.uri());
    assertProblem(request(HttpMethod.DELETE, supervisor).send().await(), 403, ProblemType.CSRF_REJECTED.uri());
    assertProblem(request(HttpMethod.POST, supervisor).putHeader("X-Portal-Request", "1")
        .putHeader("Origin", "https://evil.example").send().await(), 403, ProblemType.CSRF_REJECTED.uri());
    assertProblem(request(HttpMethod.POST, supervisor).putHeader("X-Portal-Request", "1")
        .putHeader("Sec-Fetch-Site", "same-site").send().await(), 403, ProblemType.CSRF_REJECTED.uri());

    assertThat(request(HttpMethod.POST, supervisor).putHeader("X-Portal-Request", "1")
        .putHeader("Origin", ORIGIN).putHeader("Sec-Fetch-Site", "same-origin").send().await().statusCode())
        .isEqualTo(200);
    assertThat(request(HttpMethod.DELETE, supervisor).putHeader("X-Portal-Request", "1").send().await()
        .statusCode()).isEqualTo(200);
  }

  @Test
  void theChecksAnswerInOrder_login_thenCrossSite_thenRole() {
    assertProblem(request(HttpMethod.POST, null).send().await(), 401, ProblemType.LOGIN_REQUIRED.uri());
    assertProblem(request(HttpMethod.POST, clientSession).send().await(), 403, ProblemType.CSRF_REJECTED.uri());
    assertProblem(request(HttpMethod.POST, clientSession).putHeader("X-Portal-Request", "1").send().await(), 403,
        ProblemType.FORBIDDEN.uri());
  }

  @Test
  void aRouteNotBehindStaffAccess_neverTreatsTheCallerAsSomeone() {
    HttpResponse<Buffer> response = client.get("/unguarded").putHeader("Cookie", supervisor).send().await();

    assertProblem(response, 500, ProblemType.INTERNAL_ERROR.uri());
  }
}
