package nl.reintegratie.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import org.junit.jupiter.api.Test;

/** What an operator sees when starting the real entry point with development keys in prod. */
class ProdStartTest {

  @Test
  void prodStartWithDevKeys_exitsWithAMessageNamingTheSettings() throws Exception {
    Path keys = ProjectFiles.keysDev();
    ProcessBuilder builder = new ProcessBuilder(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Main.class.getName());
    builder.environment().putAll(Map.of(
        "GATEWAY_PROFILE", "prod",
        "PUBLIC_BASE_URL", "https://gateway.example",
        "MONGO_URI", "mongodb://db1/?replicaSet=rs0",
        "OIDC_ISSUER", "https://login.example/realms/reintegratie",
        "OIDC_CLIENT_SECRET_FILE", keys.resolve("keycloak/portal-bff.secret").toString(),
        "TLS_CERT_FILE", keys.resolve("tls/localhost.crt").toString(),
        "TLS_KEY_FILE", keys.resolve("tls/localhost.key").toString(),
        "KEK_FILE", keys.resolve("kek/kek-dev.json").toString(),
        "GATEWAY_SIGNING_KEY_FILE", keys.resolve("gateway/signing-ed25519.key").toString(),
        "GATEWAY_SIGNING_KEY_ID", "gateway-dev-ed25519-1"));
    builder.redirectErrorStream(true);
    Process process = builder.start();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("TLS_CERT_FILE", "TLS_KEY_FILE", "KEK_FILE", "OIDC_CLIENT_SECRET",
        "GATEWAY_SIGNING_KEY_FILE", "GATEWAY_SIGNING_KEY_ID",
        "development keys are refused in the prod profile");
    assertThat(output).doesNotContain("dev-only-");
  }
}
