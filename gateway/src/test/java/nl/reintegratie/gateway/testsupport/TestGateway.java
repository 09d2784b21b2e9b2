package nl.reintegratie.gateway.testsupport;

import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.app.Gateway;
import nl.reintegratie.gateway.config.ConfigLoader;
import nl.reintegratie.gateway.config.GatewayConfig;

/**
 * A real gateway for tests: dev profile, HTTPS with the dev certificate, the embedded store in
 * a folder the test chooses (reuse it to test a restart), Keycloak at the given issuer.
 */
public final class TestGateway implements AutoCloseable {

  private final Vertx vertx;
  private final Gateway gateway;
  private final GatewayConfig config;

  private TestGateway(Vertx vertx, Gateway gateway, GatewayConfig config) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.config = config;
  }

  public static TestGateway start(Vertx vertx, Path storeDir, String issuer, int port) throws Exception {
    return start(vertx, storeDir, issuer, port, Map.of());
  }

  public static TestGateway start(Vertx vertx, Path storeDir, String issuer, int port,
                                  Map<String, String> extra) throws Exception {
    Path keys = ProjectFiles.keysDev();
    Map<String, String> env = new HashMap<>();
    env.put("GATEWAY_PROFILE", "dev");
    env.put("HTTP_PORT", Integer.toString(port));
    env.put("PUBLIC_BASE_URL", "https://localhost:" + port);
    env.put("TLS_CERT_FILE", keys.resolve("tls/localhost.crt").toString());
    env.put("TLS_KEY_FILE", keys.resolve("tls/localhost.key").toString());
    env.put("OIDC_ISSUER", issuer);
    env.put("OIDC_CLIENT_SECRET_FILE", keys.resolve("keycloak/portal-bff.secret").toString());
    env.put("KEK_FILE", keys.resolve("kek/kek-dev.json").toString());
    // the provider API signs its responses; the dev default path is relative to the project root
    env.put("GATEWAY_SIGNING_KEY_FILE", keys.resolve("gateway/signing-ed25519.key").toString());
    env.put("STORE_DIR", storeDir.toString());
    env.putAll(extra);
    GatewayConfig config = ConfigLoader.load(env);
    Gateway gateway = Gateway.start(vertx, config).await(60, TimeUnit.SECONDS);
    return new TestGateway(vertx, gateway, config);
  }

  public Gateway gateway() {
    return gateway;
  }

  public GatewayConfig config() {
    return config;
  }

  public String url() {
    return "https://localhost:" + gateway.port();
  }

  /** A client that trusts the dev CA (and verifies the host name), like a browser would. */
  public WebClient client() {
    return WebClient.create(vertx, new WebClientOptions()
        .setSsl(true)
        .setTrustOptions(new PemTrustOptions().addCertPath(ProjectFiles.devCa().toString()))
        .setVerifyHost(true)
        .setDefaultHost("localhost")
        .setDefaultPort(gateway.port())
        .setFollowRedirects(false));
  }

  @Override
  public void close() throws Exception {
    gateway.stop().await(30, TimeUnit.SECONDS);
  }
}
