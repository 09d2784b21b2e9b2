package nl.reintegratie.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The gateway's whole configuration, typed and validated. Built by {@link ConfigLoader}; the
 * README lists every setting with its default.
 */
public record GatewayConfig(Profile profile, Http http, Store store, Oidc oidc, Path kekFile, Retention retention,
                            ResponseSigning responseSigning, Optional<Smtp> smtp, String disclosureLogOrigin) {

  /** The HTTPS listener. {@code port} 0 picks a free port (tests). */
  public record Http(String host, int port, URI publicBaseUrl, Path tlsCertFile, Path tlsKeyFile,
                     long maxBodyBytes) {
    /** The externally visible origin, e.g. {@code https://localhost:8443}, without a trailing slash. */
    public String publicOrigin() {
      String s = publicBaseUrl.toString();
      return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
  }

  /**
   * Where data lives: an external MongoDB when {@code mongoUri} is present, otherwise the
   * embedded store persisting to {@code embeddedDir}.
   */
  public record Store(Optional<String> mongoUri, String database, Path embeddedDir, int embeddedPort) {}

  /** The Keycloak realm (OIDC issuer) and the portal's confidential client at it. */
  public record Oidc(URI issuer, String clientId, Secret clientSecret, String audience) {}

  /**
   * How many years a client's data is kept after their last trajectory ended, per regime code
   * ({@code participatiewet}, {@code ww}, {@code wia}, {@code wao}), and how often the gateway
   * looks for clients whose retention has ended.
   */
  public record Retention(java.util.Map<String, Integer> yearsByRegime, java.time.Duration checkEvery) {
    public Retention {
      yearsByRegime = java.util.Map.copyOf(yearsByRegime);
    }
  }

  /**
   * The gateway's own Ed25519 key that signs provider API responses: a PKCS#8 PEM file and the key id providers
   * know it by.
   */
  public record ResponseSigning(Path keyFile, String keyId) {}

  /**
   * The SMTP server client notices are e-mailed through ({@code SMTP_HOST} and friends); absent when
   * {@code SMTP_HOST} is not set: then notices reach the portal inbox only.
   *
   * @param from     the sender address
   * @param username with {@code password}: log in to the server
   * @param startTls upgrade every connection to TLS (required, with the host's certificate checked)
   */
  public record Smtp(String host, int port, String from, Optional<String> username, Optional<Secret> password,
                     boolean startTls) {}

  public boolean isDev() {
    return profile == Profile.DEV;
  }
}
