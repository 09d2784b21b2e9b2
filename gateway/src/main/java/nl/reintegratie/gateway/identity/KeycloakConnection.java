package nl.reintegratie.gateway.identity;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's link to its Keycloak realm: OIDC discovery, the realm's signing keys, and the
 * portal's confidential client. Keycloak may start after the gateway or be down for a while,
 * so discovery is retried on demand rather than being a start-up condition; once discovered,
 * tokens are validated locally against the cached keys (no Keycloak call per request), and
 * an unknown key id triggers at most one key refetch per {@link #KEY_REFETCH_INTERVAL}.
 */
public final class KeycloakConnection {

  private static final Logger LOG = LoggerFactory.getLogger(KeycloakConnection.class);
  static final Duration KEY_REFETCH_INTERVAL = Duration.ofSeconds(30);
  private static final Duration KEY_CHECK_CACHE = Duration.ofSeconds(10);

  /** Where the realm is and how the portal authenticates at it. */
  public record Settings(String issuer, String clientId, String clientSecret, String audience) {
    @Override
    public String toString() {
      return "Settings[issuer=" + issuer + ", clientId=" + clientId + "]";
    }
  }

  private final Vertx vertx;
  private final Settings settings;
  private final AtomicReference<Future<Connected>> connection = new AtomicReference<>();
  private volatile long lastKeyRefetch;
  private volatile long lastKeyCheck;
  private volatile Future<Void> lastKeyCheckResult = Future.failedFuture("not checked yet");

  /** A discovered realm: the provider and the endpoints discovery filled in. */
  public record Connected(OAuth2Auth auth, OAuth2Options options) {
    public String endSessionEndpoint() {
      return options.getLogoutPath();
    }
  }

  public KeycloakConnection(Vertx vertx, Settings settings) {
    this.vertx = vertx;
    this.settings = settings;
  }

  public String issuer() {
    return settings.issuer();
  }

  public String clientId() {
    return settings.clientId();
  }

  /**
   * The discovered realm. Succeeds at once when discovery already succeeded; otherwise runs
   * discovery (concurrent callers share one attempt). Fails when Keycloak cannot be reached;
   * the next call tries again.
   */
  public Future<Connected> connected() {
    Future<Connected> current = connection.get();
    if (current != null && !current.failed()) {
      return current;
    }
    Promise<Connected> attempt = Promise.promise();
    if (!connection.compareAndSet(current, attempt.future())) {
      return connection.get();
    }
    discover().onComplete(attempt);
    return attempt.future();
  }

  private Future<Connected> discover() {
    OAuth2Options options = new OAuth2Options()
        .setSite(settings.issuer())
        .setClientId(settings.clientId())
        .setClientSecret(settings.clientSecret())
        // the access tokens are for the gateway as a resource server, not for the BFF client
        .setJWTOptions(new JWTOptions().setAudience(List.of(settings.audience())).setLeeway(5))
        // a Keycloak that does not answer must not hold a login (or readiness) for long
        .setHttpClientOptions(new HttpClientOptions().setConnectTimeout(2_000).setIdleTimeout(10));
    return OpenIDConnectAuth.discover(vertx, options)
        .map(auth -> {
          auth.missingKeyHandler(this::refetchKeys);
          LOG.info("event=oidc-discovered issuer={}", settings.issuer());
          return new Connected(auth, options);
        })
        .onFailure(e -> LOG.warn("event=oidc-discovery-failed issuer={} cause={}", settings.issuer(),
            e.getClass().getSimpleName()));
  }

  /** Keycloak rotated its keys: fetch them again, but not more than once per interval. */
  private void refetchKeys(String keyId) {
    long now = System.nanoTime();
    if (now - lastKeyRefetch < KEY_REFETCH_INTERVAL.toNanos()) {
      return;
    }
    lastKeyRefetch = now;
    connected().compose(c -> c.auth().jWKSet())
        .onSuccess(v -> LOG.info("event=oidc-keys-refetched"))
        .onFailure(e -> LOG.warn("event=oidc-keys-refetch-failed cause={}", e.getClass().getSimpleName()));
  }

  /**
   * Readiness: Keycloak's signing keys can be fetched now. The answer is cached briefly, so a
   * load balancer polling readiness does not turn into load on Keycloak.
   */
  public Future<Void> keysReachable() {
    long now = System.nanoTime();
    if (now - lastKeyCheck < KEY_CHECK_CACHE.toNanos()) {
      return lastKeyCheckResult;
    }
    lastKeyCheck = now;
    Future<Void> result = connected().<Void>compose(c -> c.auth().jWKSet())
        .timeout(3, java.util.concurrent.TimeUnit.SECONDS);
    lastKeyCheckResult = result;
    return result;
  }
}
