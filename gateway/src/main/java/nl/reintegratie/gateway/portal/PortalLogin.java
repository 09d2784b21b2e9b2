package nl.reintegratie.gateway.portal;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.identity.KeycloakConnection;
import nl.reintegratie.gateway.identity.PortalSession;
import nl.reintegratie.gateway.identity.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's backend-for-frontend login: authorization code flow with PKCE (S256), a
 * confidential client, and the tokens kept on the server; the browser only ever holds an
 * HttpOnly session cookie.
 *
 * <p>Written out here rather than using vertx-web's OAuth2AuthHandler because that handler
 * sends no OIDC {@code nonce}, uses a 6-character state, and accepts a login whose ID token
 * failed validation (it then just lacks the decoded token). Here every check of OIDC Core
 * 3.1.2-3.1.3 is explicit: state (one use, ten minutes), issuer of the response (RFC 9207
 * mix-up defence), PKCE verifier, ID token signature, audience, issuer and nonce, and a new
 * session id after login (no session fixation).
 */
final class PortalLogin {

  private static final Logger LOG = LoggerFactory.getLogger(PortalLogin.class);
  private static final Logger SECURITY = LoggerFactory.getLogger("security");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(10);

  static final String PENDING = "oidc.pending";
  static final String ID_TOKEN = "idToken";
  static final String PREVIOUS_LOGIN = "previousLoginAt";

  private record LoggedIn(Principal principal, String idToken) {}

  private final KeycloakConnection keycloak;
  private final LoginHistory loginHistory;
  private final String origin;
  private final String callbackUrl;
  private final Clock clock;

  PortalLogin(KeycloakConnection keycloak, LoginHistory loginHistory, String origin, Clock clock) {
    this.keycloak = keycloak;
    this.loginHistory = loginHistory;
    this.origin = origin;
    this.callbackUrl = origin + PortalRoutes.CALLBACK;
    this.clock = clock;
  }

  /** {@code GET /bff/login}: remember what to check on return, then send the browser to Keycloak. */
  void start(RoutingContext ctx) {
    keycloak.connected()
        .recover(e -> Future.failedFuture(keycloakUnavailable()))
        .onSuccess(realm -> {
          String state = randomToken(32);
          String nonce = randomToken(32);
          String verifier = randomToken(48);
          ctx.session().put(PENDING, new JsonObject()
              .put("state", state)
              .put("nonce", nonce)
              .put("verifier", verifier)
              .put("startedAt", clock.instant().toString()));
          String url = realm.auth().authorizeURL(new OAuth2AuthorizationURL()
              .setRedirectUri(callbackUrl)
              .setScopes(List.of("openid"))
              .setState(state)
              .setCodeChallenge(s256(verifier))
              .setCodeChallengeMethod("S256")
              .putAdditionalParameter("nonce", nonce));
          ctx.response().setStatusCode(302).putHeader("Location", url).end();
        })
        .onFailure(ctx::fail);
  }

  /** {@code GET /bff/callback}: Keycloak sends the browser back here with a code. */
  void callback(RoutingContext ctx) {
    Session session = ctx.session();
    JsonObject pending = session.remove(PENDING);
    checkResponse(ctx, pending)
        .compose(code -> keycloak.connected()
            .recover(e -> Future.failedFuture(keycloakUnavailable()))
            .compose(realm -> realm.auth().authenticate(new Oauth2Credentials()
                .setFlow(OAuth2FlowType.AUTH_CODE)
                .setCode(code)
                .setRedirectUri(callbackUrl)
                .setCodeVerifier(pending.getString("verifier")))
                .recover(e -> Future.failedFuture(failed("code-exchange-failed")))))
        .map(user -> new LoggedIn(principalOf(user, pending.getString("nonce")),
            user.principal().getString("id_token")))
        .compose(loggedIn -> loginHistory.recordLogin(loggedIn.principal().subject(), clock.instant())
            .map(previous -> {
              // a fresh session id: whatever id the browser had before login is now worthless
              session.regenerateId();
              PortalSession.logIn(session, loggedIn.principal());
              // kept only to end the Keycloak session at logout (id_token_hint)
              session.put(ID_TOKEN, loggedIn.idToken());
              previous.ifPresent(p -> session.put(PREVIOUS_LOGIN, p.toString()));
              return loggedIn.principal();
            }))
        .onSuccess(principal -> {
          LOG.info("event=portal-login subject={} roles={}", principal.subject(), principal.roles());
          ctx.response().setStatusCode(302)
              .putHeader("Location", "/")
              .putHeader("Cache-Control", "no-store")
              .end();
        })
        .onFailure(ctx::fail);
  }

  private Future<String> checkResponse(RoutingContext ctx, JsonObject pending) {
    if (pending == null) {
      return Future.failedFuture(failed("no-login-in-progress"));
    }
    if (Instant.parse(pending.getString("startedAt")).plus(LOGIN_TIMEOUT).isBefore(clock.instant())) {
      return Future.failedFuture(failed("login-expired"));
    }
    String state = ctx.request().getParam("state");
    if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.US_ASCII),
        pending.getString("state").getBytes(StandardCharsets.US_ASCII))) {
      return Future.failedFuture(failed("state-mismatch"));
    }
    String issuer = ctx.request().getParam("iss");
    if (issuer != null && !issuer.equals(keycloak.issuer())) {
      return Future.failedFuture(failed("issuer-mismatch"));
    }
    if (ctx.request().getParam("error") != null) {
      return Future.failedFuture(failed("login-refused-by-keycloak"));
    }
    String code = ctx.request().getParam("code");
    return code == null ? Future.failedFuture(failed("code-missing")) : Future.succeededFuture(code);
  }

  private Principal principalOf(User user, String expectedNonce) {
    JsonObject idToken = user.attributes().getJsonObject("idToken");
    JsonObject accessToken = user.attributes().getJsonObject("accessToken");
    // vertx-auth-oauth2 leaves these out when their validation failed instead of failing
    if (idToken == null || accessToken == null) {
      throw failed("token-validation-failed");
    }
    String nonce = idToken.getString("nonce");
    if (nonce == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.US_ASCII),
        expectedNonce.getBytes(StandardCharsets.US_ASCII))) {
      throw failed("nonce-mismatch");
    }
    try {
      return Principal.fromClaims(idToken, accessToken);
    } catch (IllegalArgumentException e) {
      throw failed("claims-invalid");
    }
  }

  /** The redirect that ends the Keycloak session too, back to the portal's start page. */
  String endSessionUrl(KeycloakConnection.Connected realm, String idToken) {
    StringBuilder url = new StringBuilder(realm.endSessionEndpoint())
        .append("?client_id=").append(encode(keycloak.clientId()))
        .append("&post_logout_redirect_uri=").append(encode(origin + "/"));
    if (idToken != null) {
      url.append("&id_token_hint=").append(encode(idToken));
    }
    return url.toString();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static ApiException failed(String reason) {
    SECURITY.warn("event=portal-login-failed reason={}", reason);
    return new ApiException(ProblemType.LOGIN_FAILED,
        "Inloggen is niet gelukt. Ga terug naar het portaal en probeer het opnieuw.",
        new JsonObject().put("reason", reason), null);
  }

  static ApiException keycloakUnavailable() {
    return new ApiException(ProblemType.SERVICE_UNAVAILABLE,
        "Inloggen kan nu even niet. Probeer het over een paar minuten opnieuw.");
  }

  private static String randomToken(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }

  private static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
