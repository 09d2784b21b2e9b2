package nl.reintegratie.gateway.identity;

import static nl.reintegratie.gateway.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.reintegratie.gateway.http.GatewayRouter;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.identity.Principal.Role;
import nl.reintegratie.gateway.store.StoreUnavailableException;
import nl.reintegratie.gateway.testsupport.PortalSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client lookup every client API route stands behind, on a bare router with logins made directly in the session
 * ({@code ClientApiTest} does it through the real Keycloak): the client id comes from the login's BSN only, no
 * dossier and no BSN are one answer, and the lookup is never asked before the role is checked.
 */
@Timeout(60)
class ClientAccessTest {

  static final String FATIMA_BSN = "999993653";
  static final String UNREGISTERED_BSN = "999990019";
  static final String FAILING_BSN = "999991772";
  static final Map<String, Principal> LOGINS = Map.of(
      "fatima", client("sub-fatima", Optional.of(FATIMA_BSN)),
      "sanne", client("sub-sanne", Optional.of(UNREGISTERED_BSN)),
      "nobsn", client("sub-nobsn", Optional.empty()),
      "failing", client("sub-failing", Optional.of(FAILING_BSN)),
      "commissioner", new Principal("sub-officer", "Marieke Visser", "Marieke", Set.of(Role.COMMISSIONER),
          Optional.of("gemeente-deventer"), Optional.empty()));
  static final List<String> ASKED = new CopyOnWriteArrayList<>();

  static Vertx vertx;
  static WebClient client;

  static Principal client(String subject, Optional<String> bsn) {
    return new Principal(subject, "Naam", "Naam", Set.of(Role.CLIENT), Optional.empty(), bsn);
  }

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Router router = GatewayRouter.create(vertx, 64 * 1024);
    PortalSessions.mountLogin(vertx, router, LOGINS);
    ClientAccess clients = new ClientAccess(new StaffAccess(vertx, "https://portal.example"), bsn -> {
      ASKED.add(bsn);
      return switch (bsn) {
        case FATIMA_BSN -> Future.succeededFuture(Optional.of("client-fatima-0001"));
        case FAILING_BSN -> Future.failedFuture(new StoreUnavailableException("down"));
        default -> Future.succeededFuture(Optional.empty());
      };
    });
    clients.requireClient(router.get("/me")).handler(ctx -> ctx.json(new JsonObject()
        .put("clientId", ClientAccess.client(ctx).clientId()).put("subject", ClientAccess.client(ctx).subject())));
    router.get("/unguarded").handler(ctx -> ctx.json(new JsonObject()
        .put("clientId", ClientAccess.client(ctx).clientId())));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(server.actualPort()));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @BeforeEach
  void forget() {
    ASKED.clear();
  }

  static HttpResponse<Buffer> get(String path, String login) {
    String session = PortalSessions.cookie(client.post(PortalSessions.LOGIN + login).send().await());
    return client.get(path).putHeader("Cookie", session).send().await();
  }

  @Test
  void aRegisteredClient_reachesTheRoute_asTheClientOfTheirOwnBsn() {
    HttpResponse<Buffer> response = get("/me?bsn=" + UNREGISTERED_BSN + "&clientId=someone-else", "fatima");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
        .put("clientId", "client-fatima-0001").put("subject", "sub-fatima"));
    assertThat(ASKED).containsExactly(FATIMA_BSN);
  }

  @Test
  void noDossier_andNoBsnClaim_areOneAndTheSameAnswer() {
    HttpResponse<Buffer> unregistered = get("/me", "sanne");
    HttpResponse<Buffer> noBsn = get("/me", "nobsn");

    assertProblem(unregistered, 404, ProblemType.CLIENT_UNKNOWN.uri());
    assertProblem(noBsn, 404, ProblemType.CLIENT_UNKNOWN.uri());
    assertThat(unregistered.bodyAsJsonObject().getString("detail"))
        .isEqualTo(noBsn.bodyAsJsonObject().getString("detail"));
    assertThat(unregistered.bodyAsString()).doesNotContain(UNREGISTERED_BSN);
    assertThat(ASKED).containsExactly(UNREGISTERED_BSN);
  }

  @Test
  void anotherRole_isForbidden_beforeAnyLookup() {
    assertProblem(get("/me", "commissioner"), 403, ProblemType.FORBIDDEN.uri());
    assertThat(ASKED).isEmpty();
  }

  @Test
  void aLookupThatFails_isServiceUnavailable_notUnknown() {
    assertProblem(get("/me", "failing"), 503, ProblemType.SERVICE_UNAVAILABLE.uri());
  }

  @Test
  void aRouteNotBehindClientAccess_neverTreatsTheCallerAsSomeClient() {
    assertProblem(get("/unguarded", "fatima"), 500, ProblemType.INTERNAL_ERROR.uri());
  }
}
