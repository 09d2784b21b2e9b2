package nl.reintegratie.gateway.audit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.reintegratie.gateway.audit.AuditFixtures;
import nl.reintegratie.gateway.audit.ConsistencyProof;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.TreeHash;
import nl.reintegratie.gateway.audit.mongo.AuditCollections;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.testsupport.CapturedLogs;
import nl.reintegratie.gateway.testsupport.DemoAccounts;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import nl.reintegratie.gateway.testsupport.PortalBrowser;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The supervisors' disclosure-log routes on a real gateway with real Keycloak logins: a verification job that
 * passes an intact log and names a changed entry once someone edits the store behind the gateway's back; the signed
 * checkpoint; consistency proofs; and who may not.
 */
@Timeout(300)
class DisclosureLogRoutesTest {

  static final Map<String, String> PORTAL = Map.of("X-Portal-Request", "1");
  static final String BASE = "/api/v1/disclosure-log";

  @TempDir
  static Path storeDir;
  static Vertx vertx;
  static TestGateway gateway;
  static PortalBrowser supervisor;
  static CapturedLogs LOGS;

  @BeforeAll
  static void start() throws Exception {
    LOGS = CapturedLogs.of("security");
    KeycloakTestServer keycloak = KeycloakTestServer.get(KeycloakTestServer.gatewayBaseUrl());
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, storeDir, keycloak.issuer(), KeycloakTestServer.gatewayPort());
    for (int n = 0; n < 5; n++) {
      gateway.gateway().disclosureLog().append(AuditFixtures.entry(n, "client-" + n)).await();
    }
    supervisor = PortalBrowser.loggedIn(gateway.url(), DemoAccounts.SUPERVISOR);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
    LOGS.close();
  }

  @Test
  void aVerification_passesTheIntactLog_andNamesAnEntryChangedInTheStore() throws Exception {
    JsonObject passed = verified();

    assertThat(passed.getString("status")).isEqualTo("passed");
    assertThat(passed.getLong("treeSize")).isGreaterThanOrEqualTo(5);
    JsonObject checkpoint = new JsonObject(supervisor.get(gateway.url() + BASE + "/checkpoint").body());
    assertThat(passed.getJsonObject("checkpoint").getString("root")).isEqualTo(checkpoint.getString("root"));
    assertThat(SignedCheckpoint.parse(checkpoint.getString("note")).root().base64())
        .isEqualTo(checkpoint.getString("root"));

    gateway.gateway().store().mongo().findOneAndUpdate(AuditCollections.ENTRIES,
        new JsonObject().put("_id", 2L), new JsonObject().put("$set", new JsonObject().put("org", "kansrijk")))
        .await();

    JsonObject failed = verified();
    assertThat(failed.getString("status")).isEqualTo("failed");
    assertThat(failed.getJsonObject("problem").getString("kind")).isEqualTo("entry-changed");
    assertThat(failed.getJsonObject("problem").getLong("index")).isEqualTo(2L);
    List<String> lines = LOGS.lines();
    assertThat(lines).anySatisfy(line -> assertThat(line)
        .contains("event=disclosure-log-verification-failed", failed.getString("verificationId"),
            "problem=entry-changed"));
  }

  /** Starts a verification and polls it until it has finished. */
  static JsonObject verified() throws Exception {
    HttpResponse<String> started = supervisor.send("POST", BASE + "/verifications", null, PORTAL);
    assertThat(started.statusCode()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(BASE + "/verifications/");
    for (int attempt = 0; attempt < 600; attempt++) {
      JsonObject job = new JsonObject(supervisor.get(gateway.url() + location).body());
      if (!"running".equals(job.getString("status"))) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the verification did not finish");
  }

  @Test
  void aConsistencyProof_betweenTwoSizes_verifiesAgainstTheirRoots() throws Exception {
    SignedCheckpoint before = gateway.gateway().disclosureLog().latestCheckpoint().await();
    gateway.gateway().disclosureLog().append(AuditFixtures.entry(100, "client-100")).await();
    SignedCheckpoint after = gateway.gateway().disclosureLog().latestCheckpoint().await();

    HttpResponse<String> response = supervisor.get(gateway.url() + BASE + "/consistency-proof?firstSize="
        + before.size() + "&secondSize=" + after.size());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(response.body());
    ConsistencyProof proof = new ConsistencyProof(body.getLong("firstSize"), body.getLong("secondSize"),
        body.getJsonArray("path").stream().map(String.class::cast).map(TreeHash::fromBase64).toList());
    assertThat(proof.verify(before.root(), after.root())).isTrue();
    assertThat(proof.verify(after.root(), before.root())).isFalse();
  }

  @Test
  void aConsistencyProofBeyondTheHeadOrWithoutNumbers_isABadRequest() throws Exception {
    for (String query : new String[] {"firstSize=1&secondSize=999999", "firstSize=3&secondSize=2",
        "firstSize=een&secondSize=2", "secondSize=2"}) {
      HttpResponse<String> response = supervisor.get(gateway.url() + BASE + "/consistency-proof?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(new JsonObject(response.body()).getString("type")).isEqualTo(ProblemType.BAD_REQUEST.uri());
    }
  }

  static Stream<Arguments> everyRoute() {
    return Stream.of(
        Arguments.of("POST", BASE + "/verifications"),
        Arguments.of("GET", BASE + "/verifications/00000000-0000-0000-0000-000000000000"),
        Arguments.of("GET", BASE + "/checkpoint"),
        Arguments.of("GET", BASE + "/consistency-proof?firstSize=0&secondSize=1"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRoute")
  void everyRoute_isForSupervisorsOnly(String method, String path) throws Exception {
    HttpResponse<String> anonymous = new PortalBrowser(gateway.url()).send(method, path, null, PORTAL);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    for (DemoAccounts.Account other : new DemoAccounts.Account[] {DemoAccounts.FATIMA,
        DemoAccounts.CASE_MANAGER}) {
      HttpResponse<String> response = PortalBrowser.loggedIn(gateway.url(), other).send(method, path, null, PORTAL);
      assertThat(response.statusCode()).as(other.username()).isEqualTo(403);
      assertThat(new JsonObject(response.body()).getString("type")).isEqualTo(ProblemType.FORBIDDEN.uri());
    }
  }

  @Test
  void startingAVerification_fromAnotherSite_isRefused() throws Exception {
    HttpResponse<String> response = supervisor.send("POST", BASE + "/verifications", null, Map.of());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(response.body()).getString("type")).isEqualTo(ProblemType.CSRF_REJECTED.uri());
  }

  @Test
  void anUnknownVerification_isNotFound() throws Exception {
    HttpResponse<String> response = supervisor.get(gateway.url() + BASE + "/verifications/nope");

    assertThat(response.statusCode()).isEqualTo(404);
  }
}
