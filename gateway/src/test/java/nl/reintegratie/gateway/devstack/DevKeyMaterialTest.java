package nl.reintegratie.gateway.devstack;

import io.vertx.core.json.JsonObject;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated keys-dev/ material has the layout, formats and markers the gateway relies on. */
class DevKeyMaterialTest {

  private static final String DEV_MARKER = "O=Reintegratie Gateway DEVELOPMENT ONLY";

  private static Path keysDev() {
    return KeycloakTestServer.projectRoot().resolve("keys-dev");
  }

  @Test
  void tlsCertificatesCarryTheDevelopmentMarkerAndChain() throws Exception {
    X509Certificate ca = certificate("tls/dev-ca.crt");
    X509Certificate leaf = certificate("tls/localhost.crt");

    assertThat(ca.getSubjectX500Principal().getName()).contains(DEV_MARKER);
    assertThat(leaf.getSubjectX500Principal().getName()).contains(DEV_MARKER);
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    leaf.verify(ca.getPublicKey());
    leaf.checkValidity();
    ca.checkValidity();

    Duration leafLifetime = Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
    assertThat(leafLifetime).isLessThanOrEqualTo(Duration.ofDays(825));
    assertThat(leaf.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1"); // serverAuth
    assertThat(leaf.getSubjectAlternativeNames().stream().map(san -> san.get(1).toString()).toList())
        .contains("localhost", "127.0.0.1")
        .anyMatch(ip -> ip.startsWith("0:0:0:0:0:0:0:1"));
    assertThat(ca.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(9 * 365)));

    PrivateKey leafKey = privateKey("tls/localhost.key", "EC");
    assertThat(signsFor(leafKey, leaf.getPublicKey(), "SHA256withECDSA")).isTrue();
    assertThat(privateKey("tls/dev-ca.key", "EC").getAlgorithm()).isEqualTo("EC");
  }

  @ParameterizedTest
  @ValueSource(strings = {"werkpad", "kansrijk", "startlijn"})
  void providersHaveDescriptorAndKeyPairs(String id) throws Exception {
    JsonObject provider = new JsonObject(read("providers/" + id + "/provider.json"));
    assertThat(provider.getString("id")).isEqualTo(id);
    assertThat(provider.getString("name")).isNotBlank();
    assertThat(provider.getString("kvk")).matches("\\d{8}");
    assertThat(provider.getString("oin")).isEqualTo("00000003" + provider.getString("kvk") + "0000");
    assertThat(provider.getString("signingKeyId")).matches(id + "-ed25519-\\d{4}-1");
    assertThat(provider.getString("purpose")).isEqualTo("development-only");

    PrivateKey signing = privateKey("providers/" + id + "/signing-ed25519.key", "Ed25519");
    PublicKey verifying = publicKey("providers/" + id + "/signing-ed25519.pub", "Ed25519");
    assertThat(signsFor(signing, verifying, "Ed25519")).isTrue();
    assertThat(privateKey("providers/" + id + "/encryption-x25519.key", "XDH").getAlgorithm()).isEqualTo("XDH");
    assertThat(publicKey("providers/" + id + "/encryption-x25519.pub", "XDH").getAlgorithm()).isEqualTo("XDH");
  }

  @Test
  void gatewayHasItsSigningKeyPairAndFixedDevKeyId() throws Exception {
    JsonObject gateway = new JsonObject(read("gateway/gateway.json"));
    assertThat(gateway.getString("signingKeyId")).isEqualTo("gateway-dev-ed25519-1");
    assertThat(gateway.getString("purpose")).isEqualTo("development-only");
    PrivateKey signing = privateKey("gateway/signing-ed25519.key", "Ed25519");
    PublicKey verifying = publicKey("gateway/signing-ed25519.pub", "Ed25519");
    assertThat(signsFor(signing, verifying, "Ed25519")).isTrue();
  }

  @Test
  void kekHas32ByteActiveKey() throws IOException {
    JsonObject kek = new JsonObject(read("kek/kek-dev.json"));
    assertThat(kek.getString("purpose")).isEqualTo("development-only");
    int active = kek.getInteger("activeVersion");
    JsonObject key = kek.getJsonArray("keys").stream().map(JsonObject.class::cast)
        .filter(k -> k.getInteger("version") == active).findFirst().orElseThrow();
    assertThat(Base64.getDecoder().decode(key.getString("key"))).hasSize(32);
    assertThat(Instant.parse(key.getString("createdAt"))).isBefore(Instant.now().plusSeconds(60));
    assertThat(Base64.getDecoder().decode(kek.getString("lookupKey"))).hasSize(32);
  }

  @Test
  void keycloakSecretsAreMarkedDevOnly() throws IOException {
    for (String file : List.of("keycloak/portal-bff.secret", "keycloak/admin.secret")) {
      String secret = read(file).trim();
      assertThat(secret).as(file).startsWith("dev-only-").matches("dev-only-[A-Za-z0-9_-]{20,}");
    }
    assertThat(read("keycloak/portal-bff.secret").trim()).matches("dev-only-[A-Za-z0-9_-]{32,}");
    assertThat(read("keycloak/realm-reintegratie.json")).contains(read("keycloak/portal-bff.secret").trim())
        .doesNotContain("@@");
  }

  // ---------------------------------------------------------------------------------------------

  private static String read(String relative) throws IOException {
    return Files.readString(keysDev().resolve(relative), StandardCharsets.UTF_8);
  }

  private static X509Certificate certificate(String relative) throws Exception {
    try (InputStream in = Files.newInputStream(keysDev().resolve(relative))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static PrivateKey privateKey(String relative, String algorithm) throws Exception {
    String pem = read(relative);
    assertThat(pem).as(relative + " is unencrypted PKCS#8").startsWith("-----BEGIN PRIVATE KEY-----");
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
  }

  private static PublicKey publicKey(String relative, String algorithm) throws Exception {
    String pem = read(relative);
    assertThat(pem).as(relative + " is SPKI").startsWith("-----BEGIN PUBLIC KEY-----");
    return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der(pem)));
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }

  private static boolean signsFor(PrivateKey privateKey, PublicKey publicKey, String algorithm) throws Exception {
    byte[] data = "reintegratie".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(privateKey);
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(publicKey);
    verifier.update(data);
    return verifier.verify(signature);
  }
}
