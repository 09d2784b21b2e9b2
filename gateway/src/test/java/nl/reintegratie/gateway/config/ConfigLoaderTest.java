package nl.reintegratie.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final Path KEYS = ProjectFiles.keysDev();

  @TempDir
  Path dir;

  @Test
  void devProfile_runsOnDefaultsWithTheEmbeddedStore() {
    GatewayConfig config = ConfigLoader.load(Map.of(
        "GATEWAY_PROFILE", "dev",
        "OIDC_CLIENT_SECRET_FILE", KEYS.resolve("keycloak/portal-bff.secret").toString()));

    assertThat(config.isDev()).isTrue();
    assertThat(config.responseSigning().keyFile()).isEqualTo(Path.of("keys-dev/gateway/signing-ed25519.key"));
    assertThat(config.responseSigning().keyId()).isEqualTo("gateway-dev-ed25519-1");
    assertThat(config.http().host()).isEqualTo("127.0.0.1");
    assertThat(config.http().port()).isEqualTo(8443);
    assertThat(config.http().publicOrigin()).isEqualTo("https://localhost:8443");
    assertThat(config.store().mongoUri()).isEmpty();
    assertThat(config.oidc().issuer().toString()).isEqualTo("http://127.0.0.1:8180/realms/reintegratie");
    assertThat(config.oidc().clientSecret().toString()).doesNotContain("dev-only");
  }

  @Test
  void noProfile_meansProd_andProdWithoutSettings_namesEveryMissingOne() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(settings(e)).contains(
            "PUBLIC_BASE_URL", "TLS_CERT_FILE", "TLS_KEY_FILE", "MONGO_URI", "OIDC_ISSUER",
            "OIDC_CLIENT_SECRET", "KEK_FILE", "GATEWAY_SIGNING_KEY_FILE", "GATEWAY_SIGNING_KEY_ID"));
  }

  @Test
  void prodWithDevKeys_isRefusedNamingEachDevelopmentKey() {
    Map<String, String> env = prodEnv();
    env.put("TLS_CERT_FILE", KEYS.resolve("tls/localhost.crt").toString());
    env.put("TLS_KEY_FILE", KEYS.resolve("tls/localhost.key").toString());
    env.put("KEK_FILE", KEYS.resolve("kek/kek-dev.json").toString());
    env.remove("OIDC_CLIENT_SECRET");
    env.put("OIDC_CLIENT_SECRET_FILE", KEYS.resolve("keycloak/portal-bff.secret").toString());
    env.put("GATEWAY_SIGNING_KEY_FILE", KEYS.resolve("gateway/signing-ed25519.key").toString());
    env.put("GATEWAY_SIGNING_KEY_ID", "gateway-dev-ed25519-1");

    assertThatThrownBy(() -> ConfigLoader.load(env))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(settings(e)).contains("TLS_CERT_FILE", "TLS_KEY_FILE", "KEK_FILE",
              "OIDC_CLIENT_SECRET_FILE", "OIDC_CLIENT_SECRET", "GATEWAY_SIGNING_KEY_FILE", "GATEWAY_SIGNING_KEY_ID");
          assertThat(e.getMessage()).contains("development keys are refused in the prod profile")
              .doesNotContain("dev-only-");
        });
  }

  @Test
  void prodWithDevKeysCopiedOutOfKeysDev_isStillRefused() throws Exception {
    Path cert = Files.copy(KEYS.resolve("tls/localhost.crt"), dir.resolve("copied-server.crt"));
    Path kek = Files.copy(KEYS.resolve("kek/kek-dev.json"), dir.resolve("copied-kek.json"));
    Map<String, String> env = prodEnv();
    env.put("TLS_CERT_FILE", cert.toString());
    env.put("KEK_FILE", kek.toString());
    env.put("OIDC_CLIENT_SECRET", Files.readString(KEYS.resolve("keycloak/portal-bff.secret")).trim());

    assertThatThrownBy(() -> ConfigLoader.load(env))
        .isInstanceOfSatisfying(ConfigException.class, e ->
            assertThat(settings(e)).contains("TLS_CERT_FILE", "KEK_FILE", "OIDC_CLIENT_SECRET"));
  }

  @Test
  void prodWithItsOwnKeys_isAccepted() {
    GatewayConfig config = ConfigLoader.load(prodEnv());

    assertThat(config.isDev()).isFalse();
    assertThat(config.http().host()).isEqualTo("0.0.0.0");
    assertThat(config.store().mongoUri()).contains("mongodb://db1,db2,db3/?replicaSet=rs0");
  }

  @Test
  void withoutSmtpHost_mailIsOff_andALoneSmtpSettingIsAMistake() {
    assertThat(ConfigLoader.load(prodEnv()).smtp()).isEmpty();

    Map<String, String> env = prodEnv();
    env.put("SMTP_FROM", "noreply@gemeente.example");
    assertThatThrownBy(() -> ConfigLoader.load(env))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(settings(e)).containsExactly("SMTP_FROM");
          assertThat(e.getMessage()).contains("has no effect without SMTP_HOST");
        });
  }

  @Test
  void smtp_inProd_defaultsToStartTlsOnPort587_withThePasswordFromAFile() throws Exception {
    Path password = Files.writeString(dir.resolve("smtp.secret"), "s3cret-smtp-password\n");
    Map<String, String> env = prodEnv();
    env.put("SMTP_HOST", "smtp.gemeente.example");
    env.put("SMTP_FROM", "noreply@gemeente.example");
    env.put("SMTP_USERNAME", "gateway");
    env.put("SMTP_PASSWORD_FILE", password.toString());

    GatewayConfig.Smtp smtp = ConfigLoader.load(env).smtp().orElseThrow();

    assertThat(smtp.host()).isEqualTo("smtp.gemeente.example");
    assertThat(smtp.port()).isEqualTo(587);
    assertThat(smtp.startTls()).isTrue();
    assertThat(smtp.from()).isEqualTo("noreply@gemeente.example");
    assertThat(smtp.username()).contains("gateway");
    assertThat(smtp.password().orElseThrow().reveal()).isEqualTo("s3cret-smtp-password");
    assertThat(smtp.toString()).doesNotContain("s3cret");
  }

  @Test
  void smtp_wrongValues_areNamed() {
    Map<String, String> env = prodEnv();
    env.put("SMTP_HOST", "smtp.gemeente.example");
    env.put("SMTP_FROM", "not an address");
    env.put("SMTP_PORT", "0");
    env.put("SMTP_STARTTLS", "yes");
    env.put("SMTP_USERNAME", "gateway");

    assertThatThrownBy(() -> ConfigLoader.load(env))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(settings(e)).containsExactlyInAnyOrder("SMTP_FROM", "SMTP_PORT", "SMTP_STARTTLS",
              "SMTP_PASSWORD");
          assertThat(e.getMessage()).contains("must be an e-mail address", "must be true or false",
              "go together");
        });
  }

  @Test
  void environment_winsOverTheConfigFile() throws Exception {
    Path file = dir.resolve("gateway.properties");
    Files.writeString(file, "HTTP_PORT=9000\nMONGO_DATABASE=from-file\n");
    Map<String, String> env = prodEnv();
    env.put(ConfigLoader.CONFIG_FILE, file.toString());
    env.put("HTTP_PORT", "9100");

    GatewayConfig config = ConfigLoader.load(env);

    assertThat(config.http().port()).isEqualTo(9100);
    assertThat(config.store().database()).isEqualTo("from-file");
  }

  @Test
  void wrongValues_areNamedWithWhatIsWrong() {
    Map<String, String> env = prodEnv();
    env.put("HTTP_PORT", "eighty");
    env.put("PUBLIC_BASE_URL", "http://gateway.example");
    env.put("GATEWAY_PROFILE", "prod");

    assertThatThrownBy(() -> ConfigLoader.load(env))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(settings(e)).containsExactlyInAnyOrder("HTTP_PORT", "PUBLIC_BASE_URL");
          assertThat(e.getMessage()).contains("must be a port number", "must be an https:// URL");
        });
  }

  @Test
  void theDisclosureLogsName_followsThePublicUrl_unlessPinned() {
    Map<String, String> env = prodEnv();
    env.put("PUBLIC_BASE_URL", "https://gateway.example:8443/");
    assertThat(ConfigLoader.load(env).disclosureLogOrigin()).isEqualTo("gateway.example:8443/disclosure-log");

    env.put("DISCLOSURE_LOG_ORIGIN", "deventer.example/disclosure-log");
    assertThat(ConfigLoader.load(env).disclosureLogOrigin()).isEqualTo("deventer.example/disclosure-log");

    env.put("DISCLOSURE_LOG_ORIGIN", "deventer.example/log\n— forged line");
    assertThatThrownBy(() -> ConfigLoader.load(env)).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(settings(e)).containsExactly("DISCLOSURE_LOG_ORIGIN"));
  }

  @Test
  void unknownProfile_isRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("GATEWAY_PROFILE", "staging")))
        .isInstanceOfSatisfying(ConfigException.class, e ->
            assertThat(settings(e)).containsExactly("GATEWAY_PROFILE"));
  }

  private static List<String> settings(ConfigException e) {
    return e.problems().stream().map(ConfigException.Problem::setting).toList();
  }

  /** A complete production configuration with key material of its own. */
  private Map<String, String> prodEnv() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
      X500Name name = new X500Name("CN=gateway.example, O=Example Gemeente");
      var cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
          name, BigInteger.ONE, Date.from(Instant.now()), Date.from(Instant.now().plus(1, ChronoUnit.DAYS)),
          name, pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      Path certFile = dir.resolve("prod.crt");
      Files.writeString(certFile, "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder().encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
      Path keyFile = dir.resolve("prod.key");
      Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
      Path kek = dir.resolve("kek.json");
      Files.writeString(kek, "{\"activeVersion\":1,\"keys\":[]}");
      Map<String, String> env = new HashMap<>();
      env.put("GATEWAY_PROFILE", "prod");
      env.put("PUBLIC_BASE_URL", "https://gateway.example");
      env.put("TLS_CERT_FILE", certFile.toString());
      env.put("TLS_KEY_FILE", keyFile.toString());
      env.put("MONGO_URI", "mongodb://db1,db2,db3/?replicaSet=rs0");
      env.put("OIDC_ISSUER", "https://login.example/realms/reintegratie");
      env.put("OIDC_CLIENT_SECRET", "a-production-secret");
      env.put("KEK_FILE", kek.toString());
      Path signingKey = dir.resolve("gateway-signing.key");
      Files.writeString(signingKey, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
          KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n");
      env.put("GATEWAY_SIGNING_KEY_FILE", signingKey.toString());
      env.put("GATEWAY_SIGNING_KEY_ID", "gateway-ed25519-2026-1");
      return env;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
