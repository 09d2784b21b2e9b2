package nl.reintegratie.gateway.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the configuration from environment variables and, when {@code GATEWAY_CONFIG_FILE}
 * names one, a properties file with the same keys. Environment variables win over the file, so
 * one file can serve several instances that differ only in, say, their port.
 *
 * <p>The {@code dev} profile has defaults that point into {@code keys-dev/} and at the local
 * Keycloak of the dev stack; {@code prod} has no defaults for anything secret or
 * environment-specific and refuses development keys (see {@link DevKeyGuard}).
 */
public final class ConfigLoader {

  public static final String CONFIG_FILE = "GATEWAY_CONFIG_FILE";
  /** The benefit regimes, as the dossier codes them; each has its own retention setting. */
  private static final List<String> REGIMES = List.of("participatiewet", "ww", "wia", "wao");

  private final Map<String, String> values;
  private final List<ConfigException.Problem> problems = new ArrayList<>();

  private ConfigLoader(Map<String, String> values) {
    this.values = values;
  }

  /** Loads from the process environment. */
  public static GatewayConfig fromEnvironment() {
    return load(System.getenv());
  }

  /**
   * Loads from the given variables (and the file they name).
   *
   * @throws ConfigException naming every setting that is missing or wrong
   */
  public static GatewayConfig load(Map<String, String> env) {
    Map<String, String> merged = new HashMap<>(readFile(env.get(CONFIG_FILE)));
    env.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        merged.put(k, v);
      }
    });
    return new ConfigLoader(merged).build();
  }

  private static Map<String, String> readFile(String file) {
    if (file == null || file.isBlank()) {
      return Map.of();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException(List.of(new ConfigException.Problem(CONFIG_FILE,
          "cannot read '" + file + "' (" + e.getClass().getSimpleName() + ")")));
    }
    Map<String, String> map = new HashMap<>();
    properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k).trim()));
    return map;
  }

  private GatewayConfig build() {
    Profile profile = Profile.parse(values.getOrDefault("GATEWAY_PROFILE", "prod"));
    boolean dev = profile == Profile.DEV;

    GatewayConfig.Http http = new GatewayConfig.Http(
        text("HTTP_HOST", dev ? "127.0.0.1" : "0.0.0.0"),
        port("HTTP_PORT", 8443),
        httpsUrl("PUBLIC_BASE_URL", dev ? "https://localhost:8443" : null),
        path("TLS_CERT_FILE", dev ? "keys-dev/tls/localhost.crt" : null),
        path("TLS_KEY_FILE", dev ? "keys-dev/tls/localhost.key" : null),
        positiveLong("MAX_BODY_BYTES", 1024 * 1024));

    Optional<String> mongoUri = Optional.ofNullable(values.get("MONGO_URI")).filter(s -> !s.isBlank());
    if (!dev && mongoUri.isEmpty()) {
      problem("MONGO_URI", "is required in the prod profile (the embedded store is for development)");
    }
    GatewayConfig.Store store = new GatewayConfig.Store(
        mongoUri,
        text("MONGO_DATABASE", "reintegratie"),
        path("STORE_DIR", "data/store"),
        port("STORE_PORT", 0));

    GatewayConfig.Oidc oidc = new GatewayConfig.Oidc(
        url("OIDC_ISSUER", dev ? "http://127.0.0.1:8180/realms/reintegratie" : null),
        text("OIDC_CLIENT_ID", "portal-bff"),
        secret("OIDC_CLIENT_SECRET", dev ? "keys-dev/keycloak/portal-bff.secret" : null),
        text("OIDC_AUDIENCE", "reintegratie-gateway"));

    Path kek = path("KEK_FILE", dev ? "keys-dev/kek/kek-dev.json" : null);

    int defaultYears = (int) positiveLong("RETENTION_YEARS", 7);
    Map<String, Integer> years = new HashMap<>();
    for (String regime : REGIMES) {
      years.put(regime, (int) positiveLong("RETENTION_YEARS_" + regime.toUpperCase(java.util.Locale.ROOT), defaultYears));
    }
    GatewayConfig.Retention retention = new GatewayConfig.Retention(years,
        java.time.Duration.ofMinutes(positiveLong("RETENTION_CHECK_MINUTES", 360)));

    GatewayConfig.ResponseSigning responseSigning = new GatewayConfig.ResponseSigning(
        path("GATEWAY_SIGNING_KEY_FILE", dev ? "keys-dev/gateway/signing-ed25519.key" : null),
        text("GATEWAY_SIGNING_KEY_ID", dev ? DevKeyGuard.DEV_GATEWAY_KEY_ID : null));

    Optional<GatewayConfig.Smtp> smtp = smtp(dev);
    String logOrigin = disclosureLogOrigin(http.publicBaseUrl());

    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    GatewayConfig config = new GatewayConfig(profile, http, store, oidc, kek, retention, responseSigning, smtp,
        logOrigin);
    if (!dev) {
      List<ConfigException.Problem> devKeys = DevKeyGuard.findDevelopmentKeys(config, values);
      if (!devKeys.isEmpty()) {
        throw new ConfigException(devKeys);
      }
    }
    return config;
  }

  /**
   * The disclosure log's name, the first line of every checkpoint: {@code DISCLOSURE_LOG_ORIGIN}, by default
   * {@code <host[:port] of PUBLIC_BASE_URL>/disclosure-log}. It is signed into the log for good, so it must not
   * change when the public URL does: pin it when the URL may move.
   */
  private String disclosureLogOrigin(java.net.URI publicBaseUrl) {
    String configured = values.get("DISCLOSURE_LOG_ORIGIN");
    if (configured == null || configured.isBlank()) {
      if (publicBaseUrl == null) {
        return null;
      }
      return publicBaseUrl.getHost() + (publicBaseUrl.getPort() == -1 ? "" : ":" + publicBaseUrl.getPort())
          + "/disclosure-log";
    }
    // one line of a signed note, named like a URL without its scheme (c2sp.org/tlog-checkpoint)
    if (!configured.trim().matches("[A-Za-z0-9][A-Za-z0-9.:/_-]{0,199}")) {
      problem("DISCLOSURE_LOG_ORIGIN", "must look like example.org/disclosure-log (letters, digits, . : / _ -)");
      return null;
    }
    return configured.trim();
  }

  /** The SMTP settings, all of them only with {@code SMTP_HOST}: a lone {@code SMTP_FROM} is a mistake, not "off". */
  private Optional<GatewayConfig.Smtp> smtp(boolean dev) {
    String host = values.get("SMTP_HOST");
    if (host == null || host.isBlank()) {
      for (String key : List.of("SMTP_PORT", "SMTP_FROM", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_PASSWORD_FILE",
          "SMTP_STARTTLS")) {
        if (values.get(key) != null && !values.get(key).isBlank()) {
          problem(key, "has no effect without SMTP_HOST (mail is off)");
        }
      }
      return Optional.empty();
    }
    boolean startTls = bool("SMTP_STARTTLS", !dev);
    int port = port("SMTP_PORT", startTls ? 587 : 25);
    if (port == 0) {
      problem("SMTP_PORT", "must be a port number between 1 and 65535");
    }
    String from = text("SMTP_FROM", null);
    if (from != null && !from.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
      problem("SMTP_FROM", "must be an e-mail address such as noreply@example.org");
    }
    Optional<String> username = Optional.ofNullable(values.get("SMTP_USERNAME")).map(String::trim)
        .filter(s -> !s.isEmpty());
    Optional<Secret> password = optionalSecret("SMTP_PASSWORD");
    if (username.isPresent() != password.isPresent()) {
      problem(username.isPresent() ? "SMTP_PASSWORD" : "SMTP_USERNAME",
          "SMTP_USERNAME and SMTP_PASSWORD (or SMTP_PASSWORD_FILE) go together");
    }
    return Optional.of(new GatewayConfig.Smtp(host.trim(), port, from, username, password, startTls));
  }

  private boolean bool(String key, boolean fallback) {
    String raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    if ("true".equalsIgnoreCase(raw.trim()) || "false".equalsIgnoreCase(raw.trim())) {
      return Boolean.parseBoolean(raw.trim());
    }
    problem(key, "must be true or false, was '" + raw + "'");
    return fallback;
  }

  /** Like {@link #secret} for a secret that may be absent. */
  private Optional<Secret> optionalSecret(String key) {
    boolean inline = values.get(key) != null && !values.get(key).isBlank();
    boolean file = values.get(key + "_FILE") != null && !values.get(key + "_FILE").isBlank();
    return inline || file ? Optional.ofNullable(secret(key, null)) : Optional.empty();
  }

  private void problem(String setting, String reason) {
    problems.add(new ConfigException.Problem(setting, reason));
  }

  private String text(String key, String fallback) {
    String value = values.getOrDefault(key, fallback);
    if (value == null || value.isBlank()) {
      problem(key, "is required");
      return null;
    }
    return value.trim();
  }

  private int port(String key, int fallback) {
    String raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(raw.trim());
      if (port < 0 || port > 65535) {
        problem(key, "must be a port number between 0 and 65535");
      }
      return port;
    } catch (NumberFormatException e) {
      problem(key, "must be a port number, was '" + raw + "'");
      return fallback;
    }
  }

  private long positiveLong(String key, long fallback) {
    String raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value <= 0) {
        problem(key, "must be a positive number");
      }
      return value;
    } catch (NumberFormatException e) {
      problem(key, "must be a number, was '" + raw + "'");
      return fallback;
    }
  }

  private Path path(String key, String fallback) {
    String value = text(key, fallback);
    return value == null ? null : Path.of(value);
  }

  private URI url(String key, String fallback) {
    String value = text(key, fallback);
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        problem(key, "must be an absolute URL, was '" + value + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      problem(key, "must be a URL, was '" + value + "'");
      return null;
    }
  }

  private URI httpsUrl(String key, String fallback) {
    URI uri = url(key, fallback);
    if (uri != null && !"https".equalsIgnoreCase(uri.getScheme())) {
      problem(key, "must be an https:// URL");
    }
    return uri;
  }

  /**
   * A secret comes either inline ({@code KEY}) or from a file ({@code KEY_FILE}); a file keeps
   * it out of process listings and shell history.
   */
  private Secret secret(String key, String fallbackFile) {
    String inline = values.get(key);
    if (inline != null && !inline.isBlank()) {
      return new Secret(inline.trim());
    }
    String file = values.getOrDefault(key + "_FILE", fallbackFile);
    if (file == null || file.isBlank()) {
      problem(key, "is required (set " + key + " or " + key + "_FILE)");
      return null;
    }
    try {
      String value = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
      if (value.isEmpty()) {
        problem(key + "_FILE", "file '" + file + "' is empty");
        return null;
      }
      return new Secret(value);
    } catch (IOException e) {
      problem(key + "_FILE", "cannot read '" + file + "' (" + e.getClass().getSimpleName() + ")");
      return null;
    }
  }
}
