package nl.reintegratie.gateway.devstack;

import io.vertx.core.json.JsonObject;
import nl.reintegratie.gateway.testsupport.DemoAccounts;
import nl.reintegratie.gateway.testsupport.DemoAccounts.Account;
import nl.reintegratie.gateway.testsupport.Jwts;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import nl.reintegratie.gateway.testsupport.OidcBrowserlessLogin;
import nl.reintegratie.gateway.testsupport.OidcBrowserlessLogin.Authorization;
import nl.reintegratie.gateway.testsupport.OidcBrowserlessLogin.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development realm, imported into a real Keycloak, issues the tokens the gateway relies on.
 * Every login here is a real authorization code + PKCE flow through Keycloak's login page.
 */
class KeycloakRealmTest {

  private static KeycloakTestServer keycloak;
  private static OidcBrowserlessLogin login;

  @BeforeAll
  static void startKeycloak() {
    keycloak = KeycloakTestServer.get();
    login = keycloak.login();
  }

  @Test
  void clientAccessTokenCarriesSubIssuerAudienceRoleAndBsn() {
    Account fatima = DemoAccounts.FATIMA;

    Tokens tokens = login.login(fatima.username(), fatima.password());

    JsonObject access = tokens.accessTokenClaims();
    assertThat(access.getString("sub")).isNotBlank();
    assertThat(access.getString("iss")).isEqualTo(keycloak.issuer());
    assertThat(Jwts.stringList(access, "aud")).contains("reintegratie-gateway");
    assertThat(Jwts.stringList(access, "roles")).contains("client").doesNotContain("commissioner", "supervisor");
    assertThat(access.getString("bsn")).isEqualTo(fatima.bsn());
    assertThat(access.getString("azp")).isEqualTo(KeycloakTestServer.CLIENT_ID);
    assertThat(access.getString("given_name")).isEqualTo("Fatima");
    assertThat(access.getString("family_name")).isEqualTo("El Amrani");
    assertThat(access.getString("name")).isEqualTo("Fatima El Amrani");
    assertThat(access.getString("email")).isEqualTo(fatima.email());
    assertThat(access.getBoolean("email_verified")).isTrue();
    assertThat(access.containsKey("organisation")).isFalse();
    // Access token lifespan of the realm: 300 s.
    assertThat(access.getLong("exp") - access.getLong("iat")).isEqualTo(300L);
    assertThat(Jwts.header(tokens.accessToken()).getString("alg")).isEqualTo("RS256");
    assertThat(tokens.refreshToken()).isNotBlank();
  }

  @Test
  void bsnStaysOutOfIdTokenAndUserinfo() {
    Account jan = DemoAccounts.JAN;

    Tokens tokens = login.login(jan.username(), jan.password());

    JsonObject id = tokens.idTokenClaims();
    assertThat(id.getString("sub")).isEqualTo(tokens.accessTokenClaims().getString("sub"));
    assertThat(id.getString("iss")).isEqualTo(keycloak.issuer());
    assertThat(Jwts.stringList(id, "aud")).containsExactly(KeycloakTestServer.CLIENT_ID);
    assertThat(Jwts.stringList(id, "roles")).contains("client");
    assertThat(id.containsKey("bsn")).as("ID token must not carry the BSN").isFalse();

    JsonObject userInfo = login.userInfo(tokens.accessToken());
    assertThat(userInfo.getString("sub")).isEqualTo(id.getString("sub"));
    assertThat(userInfo.containsKey("bsn")).as("userinfo must not carry the BSN").isFalse();
  }

  @Test
  void caseManagerHasOrganisationAndCommissionerRole() {
    Account caseManager = DemoAccounts.CASE_MANAGER;

    Tokens tokens = login.login(caseManager.username(), caseManager.password());

    JsonObject access = tokens.accessTokenClaims();
    assertThat(access.getString("organisation")).isEqualTo("gemeente-deventer");
    assertThat(Jwts.stringList(access, "roles")).contains("commissioner").doesNotContain("client");
    assertThat(access.containsKey("bsn")).isFalse();
    assertThat(tokens.idTokenClaims().getString("organisation")).isEqualTo("gemeente-deventer");
  }

  static List<Account> demoAccounts() {
    return DemoAccounts.ALL;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demoAccounts")
  void everyDemoAccountCanLogInWithItsDocumentedRole(Account account) {
    // Also proves no required action (e.g. "update profile" for the client without e-mail) blocks login.
    JsonObject access = login.login(account.username(), account.password()).accessTokenClaims();

    assertThat(access.getString("preferred_username")).isEqualTo(account.username());
    assertThat(Jwts.stringList(access, "roles")).contains(account.role());
    assertThat(access.getString("organisation")).isEqualTo(account.organisation());
    assertThat(access.getString("bsn")).isEqualTo(account.bsn());
    assertThat(access.getString("email")).isEqualTo(account.email());
  }

  @Test
  void wrongPasswordGivesNoCodeButTheLoginPageAgain() {
    Authorization attempt = login.authorize(DemoAccounts.UWV_COACH.username(), "not-the-password");

    assertThat(attempt.succeeded()).isFalse();
    assertThat(attempt.lastResponse().headers().firstValue("Location")).isEmpty();
    assertThat(attempt.showsLoginForm()).isTrue();
  }

  @Test
  void unregisteredRedirectUriIsRefused() {
    HttpResponse<String> response = login.authorizeRequest("https://evil.example/bff/callback");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.body()).containsIgnoringCase("redirect_uri");
  }

  @Test
  void redirectUriOfAnotherGatewayPortIsRefused() {
    // The realm was patched for the test gateway's port; the committed default must not also work.
    String otherPort = KeycloakTestServer.gatewayPort() == 8443 ? "8444" : "8443";
    HttpResponse<String> response = login.authorizeRequest("https://localhost:" + otherPort + "/bff/callback");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void discoveryAdvertisesS256AndTheLoopbackIssuer() {
    JsonObject discovery = login.discovery();

    assertThat(discovery.getString("issuer")).isEqualTo(keycloak.issuer());
    assertThat(Jwts.strings(discovery.getJsonArray("code_challenge_methods_supported"))).contains("S256");
    assertThat(keycloak.issuer()).isEqualTo("http://127.0.0.1:" + keycloak.process().port() + "/realms/reintegratie");
  }

  @Test
  void tokensAreFresh() {
    JsonObject access = login.login(DemoAccounts.SUPERVISOR.username(), DemoAccounts.SUPERVISOR.password())
        .accessTokenClaims();

    long now = Instant.now().getEpochSecond();
    assertThat(access.getLong("iat")).isBetween(now - 60, now + 60);
    assertThat(Jwts.stringList(access, "roles")).contains("supervisor");
  }
}
