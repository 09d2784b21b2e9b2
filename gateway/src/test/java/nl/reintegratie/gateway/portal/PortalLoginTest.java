package nl.reintegratie.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import nl.reintegratie.gateway.logging.RedactingJsonEncoder;
import nl.reintegratie.gateway.testsupport.CapturedLogs;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import nl.reintegratie.gateway.testsupport.PortalBrowser;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal login against the real Keycloak of the dev realm, driven over HTTP like a browser:
 * what a user gets, and what an attacker replaying or forging steps of the flow does not get.
 */
class PortalLoginTest {

  private static final String NAME = "Fatima El Amrani";
  private static final String BSN = "999993653";

  @TempDir
  static Path storeDir;
  private static Vertx vertx;
  private static KeycloakTestServer keycloak;
  private static TestGateway gateway;
  private static CapturedLogs LOGS;

  @BeforeAll
  static void start() throws Exception {
    LOGS = CapturedLogs.ofRoot();
    keycloak = KeycloakTestServer.get(KeycloakTestServer.gatewayBaseUrl());
    vertx = Vertx.vertx();
    gateway = startGateway();
  }

  private static TestGateway startGateway() throws Exception {
    return TestGateway.start(vertx, storeDir, keycloak.issuer(), KeycloakTestServer.gatewayPort());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
    LOGS.close();
  }

  @Test
  void demoClient_logsInThroughKeycloak_andThePortalKnowsTheirName() throws Exception {
    PortalBrowser browser = new PortalBrowser(gateway.url());

    HttpResponse<String> me = browser.login("fatima", "fatima-demo-2026");

    assertThat(me.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(me.body());
    assertThat(body.getString("name")).isEqualTo(NAME);
    assertThat(body.getString("givenName")).isEqualTo("Fatima");
    assertThat(body.getJsonArray("roles")).containsExactly("client");
    assertThat(body.containsKey("bsn")).as("the BSN never goes to the browser").isFalse();
  }

  @Test
  void loginRedirect_usesPkceS256NonceAndState() throws Exception {
    HttpResponse<String> redirect = new PortalBrowser(gateway.url()).startLogin();

    assertThat(redirect.statusCode()).isEqualTo(302);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?")
        .contains("code_challenge_method=S256", "code_challenge=", "nonce=", "state=", "client_id=portal-bff");
    String setCookie = redirect.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).startsWith("__Host-portal-session=").contains("Secure", "HTTPOnly", "SameSite=Lax", "Path=/");
  }

  @Test
  void sessionId_changesAtLogin_soAPlantedSessionIsWorthless() throws Exception {
    PortalBrowser browser = new PortalBrowser(gateway.url());
    String keycloakPage = browser.startLogin().headers().firstValue("Location").orElseThrow();
    String before = browser.sessionCookie().orElseThrow();

    String callback = browser.submitCredentials(keycloakPage, "jan", "jan-demo-2026");
    browser.get(callback);

    assertThat(browser.sessionCookie()).isPresent().get().isNotEqualTo(before);
    assertThat(browser.get(gateway.url() + "/bff/me").statusCode()).isEqualTo(200);
  }

  @Test
  void replayedCallback_isRefused() throws Exception {
    PortalBrowser browser = new PortalBrowser(gateway.url());
    String keycloakPage = browser.startLogin().headers().firstValue("Location").orElseThrow();
    String callback = browser.submitCredentials(keycloakPage, "jan", "jan-demo-2026");
    assertThat(browser.get(callback).statusCode()).isEqualTo(302);

    HttpResponse<String> replay = browser.get(callback);

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(replay.body()).getString("type")).isEqualTo("urn:nl-reintegratie:problem:login-failed");
  }

  @Test
  void callbackWithForgedState_isRefusedAndLogsNobodyIn() throws Exception {
    PortalBrowser browser = new PortalBrowser(gateway.url());
    String keycloakPage = browser.startLogin().headers().firstValue("Location").orElseThrow();
    String callback = browser.submitCredentials(keycloakPage, "sanne", "sanne-demo-2026");
    String forged = callback.replaceAll("state=[^&]+", "state=forged");

    HttpResponse<String> response = browser.get(forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(response.body()).getString("reason")).isEqualTo("state-mismatch");
    assertThat(browser.get(gateway.url() + "/bff/me").statusCode()).isEqualTo(401);
  }

  @Test
  void codeFromAnotherBrowsersLogin_isRefused() throws Exception {
    PortalBrowser victim = new PortalBrowser(gateway.url());
    String victimPage = victim.startLogin().headers().firstValue("Location").orElseThrow();
    String victimCallback = victim.submitCredentials(victimPage, "sanne", "sanne-demo-2026");
    PortalBrowser attacker = new PortalBrowser(gateway.url());
    attacker.startLogin();

    HttpResponse<String> response = attacker.get(victimCallback);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(attacker.get(gateway.url() + "/bff/me").statusCode()).isEqualTo(401);
  }

  @Test
  void wrongPassword_getsNoCode() throws Exception {
    PortalBrowser browser = new PortalBrowser(gateway.url());
    String keycloakPage = browser.startLogin().headers().firstValue("Location").orElseThrow();

    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        browser.submitCredentials(keycloakPage, "fatima", "wrong-password"))
        .hasMessageContaining("did not redirect");
  }

  @Test
  void logout_endsTheSessionAndSendsTheBrowserToKeycloak() throws Exception {
    PortalBrowser browser = new PortalBrowser(gateway.url());
    browser.login("casemanager", "casemanager-demo-2026");

    HttpResponse<String> logout = browser.portalPost("/bff/logout");

    assertThat(logout.statusCode()).isEqualTo(200);
    String redirect = new JsonObject(logout.body()).getString("redirect");
    assertThat(URI.create(redirect).getPath()).isEqualTo(
        URI.create(keycloak.issuer()).getPath() + "/protocol/openid-connect/logout");
    assertThat(redirect).contains("id_token_hint=", "post_logout_redirect_uri=");
    assertThat(browser.get(gateway.url() + "/bff/me").statusCode()).isEqualTo(401);
  }

  @Test
  void previousLogin_isShownAndSurvivesAGatewayRestart() throws Exception {
    Instant beforeFirst = Instant.now().minusSeconds(1);
    new PortalBrowser(gateway.url()).login("uwvcoach", "uwvcoach-demo-2026");

    gateway.close();
    gateway = startGateway();
    HttpResponse<String> me = new PortalBrowser(gateway.url()).login("uwvcoach", "uwvcoach-demo-2026");

    String previous = new JsonObject(me.body()).getString("previousLoginAt");
    assertThat(previous).isNotNull();
    assertThat(Instant.parse(previous)).isAfter(beforeFirst).isBefore(Instant.now());
  }

  @Test
  void logs_neverContainBsnNameTokensOrSecrets() throws Exception {
    PortalBrowser browser = new PortalBrowser(gateway.url());
    browser.login("fatima", "fatima-demo-2026");
    String session = browser.sessionCookie().orElseThrow();
    String secret = Files.readString(ProjectFiles.keysDev().resolve("keycloak/portal-bff.secret")).trim();

    RedactingJsonEncoder encoder = new RedactingJsonEncoder();
    StringBuilder written = new StringBuilder();
    for (ILoggingEvent event : LOGS.events()) {
      written.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
    }

    assertThat(written).as("something was logged").contains("portal-login");
    assertThat(written.toString()).doesNotContain(BSN, NAME, "Fatima", "El Amrani", "fatima-demo-2026",
        secret, session, "eyJ");
  }
}
