package nl.reintegratie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.reintegratie.protocol.crypto.Ed25519;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.ReceivedSignature;
import nl.reintegratie.protocol.signature.SignatureBase;
import nl.reintegratie.protocol.signature.SignatureParams;
import org.junit.jupiter.api.Test;

/**
 * The client's request signatures, checked without the client's own code: the expected signature base is written
 * out by hand from RFC 9421 section 2.5 and verified with the JDK's own Ed25519 (SunEC, not Bouncy Castle), and the
 * gateway's way (protocol's SignatureBase and Ed25519 over the received fields) accepts them too.
 */
class RequestSignerTest {

  static final String KEY_ID = "werkpad-ed25519-2026-1";
  static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
  static final URI GATEWAY = URI.create("https://localhost:8443");
  static final Pattern INPUT = Pattern.compile(
      "sig1=(\\([^)]*\\));created=(\\d+);keyid=\"([^\"]+)\";nonce=\"([A-Za-z0-9_-]+)\"");
  static final byte[] BODY = "{\"properties\":{},\"content\":{\"result\":\"placed\"}}".getBytes(StandardCharsets.UTF_8);

  final RequestSigner signer = new RequestSigner(GATEWAY, KEY_ID, DevKeys.providerSigningKey("werkpad"),
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void get_coversMethodAndTargetUri_withCreatedKeyidNonce_andNoAlg() throws Exception {
    SignedRequest signed = signer.sign(ProviderRequest.get("/api/v1/trajectories?page=2"));

    assertThat(signed.targetUri()).hasToString("https://localhost:8443/api/v1/trajectories?page=2");
    assertThat(signed.headers()).containsOnlyKeys("Signature-Input", "Signature");
    Matcher input = INPUT.matcher(signed.headers().get("Signature-Input"));
    assertThat(input.matches()).as(signed.headers().get("Signature-Input")).isTrue();
    assertThat(input.group(1)).isEqualTo("(\"@method\" \"@target-uri\")");
    assertThat(input.group(2)).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(input.group(3)).isEqualTo(KEY_ID);
    assertThat(Base64.getUrlDecoder().decode(input.group(4))).hasSizeGreaterThanOrEqualTo(16);

    String expectedBase = "\"@method\": GET\n"
        + "\"@target-uri\": https://localhost:8443/api/v1/trajectories?page=2\n"
        + "\"@signature-params\": (\"@method\" \"@target-uri\");created=1772443800;keyid=\"" + KEY_ID
        + "\";nonce=\"" + input.group(4) + "\"";
    assertThat(jdkVerifies(expectedBase, signature(signed))).isTrue();
  }

  @Test
  void post_alsoCoversDigestTypeAndIdempotencyKey() throws Exception {
    SignedRequest signed = signer.sign(ProviderRequest.postJson("/api/v1/trajectories/t-1/end-reports", BODY,
        "key-1"));

    String digest = "sha-256=:" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(BODY)) + ":";
    assertThat(signed.headers()).containsEntry("Content-Type", "application/json")
        .containsEntry("Content-Digest", digest).containsEntry("Idempotency-Key", "key-1");
    assertThat(signed.body()).isEqualTo(BODY);
    Matcher input = INPUT.matcher(signed.headers().get("Signature-Input"));
    assertThat(input.matches()).isTrue();
    String components = "(\"@method\" \"@target-uri\" \"content-digest\" \"content-type\" \"idempotency-key\")";
    assertThat(input.group(1)).isEqualTo(components);

    String expectedBase = "\"@method\": POST\n"
        + "\"@target-uri\": https://localhost:8443/api/v1/trajectories/t-1/end-reports\n"
        + "\"content-digest\": " + digest + "\n"
        + "\"content-type\": application/json\n"
        + "\"idempotency-key\": key-1\n"
        + "\"@signature-params\": " + components + ";created=1772443800;keyid=\"" + KEY_ID + "\";nonce=\""
        + input.group(4) + "\"";
    assertThat(jdkVerifies(expectedBase, signature(signed))).isTrue();
    // the same check fails for a base that differs in one byte: the test can fail
    assertThat(jdkVerifies(expectedBase.replace("key-1", "key-2"), signature(signed))).isFalse();
  }

  @Test
  void theGatewaysWayOfVerifying_acceptsTheSignature_andRefusesAnotherBody() {
    SignedRequest signed = signer.sign(ProviderRequest.postJson("/api/v1/trajectories/t-1/end-reports", BODY,
        "key-1"));
    HttpMessage received = HttpMessage.request("POST", signed.targetUri());
    for (var header : signed.headers().entrySet()) {
      received = received.withHeader(header.getKey(), header.getValue());
    }
    ReceivedSignature signature = ReceivedSignature.allOf(received).get("sig1");
    SignatureParams params = signature.params();

    assertThat(params.alg()).isEmpty();
    assertThat(params.nonce()).isPresent();
    assertThat(Ed25519.verify(DevKeys.providerSigningPublicKey("werkpad"), SignatureBase.build(received, params),
        signature.signature())).isTrue();
    assertThat(Ed25519.verify(DevKeys.providerSigningPublicKey("kansrijk"), SignatureBase.build(received, params),
        signature.signature())).isFalse();
    HttpMessage otherBody = received.withoutHeader("Content-Digest")
        .withHeader("Content-Digest", nl.reintegratie.protocol.signature.ContentDigest.sha256(new byte[] {1}));
    assertThat(Ed25519.verify(DevKeys.providerSigningPublicKey("werkpad"), SignatureBase.build(otherBody, params),
        signature.signature())).isFalse();
  }

  @Test
  void everySignatureHasItsOwnNonce() {
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Matcher input = INPUT.matcher(signer.sign(ProviderRequest.get("/api/v1/trajectories"))
          .headers().get("Signature-Input"));
      assertThat(input.matches()).isTrue();
      nonces.add(input.group(4));
    }
    assertThat(nonces).hasSize(200);
  }

  @Test
  void theTargetUriIsTheGatewaysOrigin_plusThePath() {
    RequestSigner upperCase = new RequestSigner(URI.create("HTTPS://gateway.example.nl/"), KEY_ID,
        DevKeys.providerSigningKey("werkpad"), Clock.systemUTC());

    assertThat(upperCase.sign(ProviderRequest.get("/api/v1/releases")).targetUri())
        .hasToString("https://gateway.example.nl/api/v1/releases");
    for (String wrong : new String[] {"http://localhost:8443", "https://localhost:8443/prefix",
        "https://localhost:8443?x=1", "https://user@localhost:8443", "localhost:8443"}) {
      assertThatThrownBy(() -> new RequestSigner(URI.create(wrong), KEY_ID, DevKeys.providerSigningKey("werkpad"),
          Clock.systemUTC())).as(wrong).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void requestsThatCouldLandElsewhere_areRefusedBeforeSigning() {
    for (String path : new String[] {"api/v1/trajectories", "//evil.example/x", "/a b", "/x#frag"}) {
      assertThatThrownBy(() -> ProviderRequest.get(path)).as(path).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> ProviderRequest.postJson("/api/v1/x", BODY, "has space"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Idempotency-Key");
    assertThatThrownBy(() -> ProviderRequest.postJson("/api/v1/x", BODY, "k".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PathSegments.encode("../t 1/x")).isEqualTo("..%2Ft%201%2Fx");
  }

  static byte[] signature(SignedRequest signed) {
    String field = signed.headers().get("Signature");
    assertThat(field).startsWith("sig1=:").endsWith(":");
    return Base64.getDecoder().decode(field.substring("sig1=:".length(), field.length() - 1));
  }

  static boolean jdkVerifies(String base, byte[] signature) throws Exception {
    PublicKey key = KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(DevKeys.providerSigningPublicKey("werkpad")));
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(key);
    verifier.update(base.getBytes(StandardCharsets.US_ASCII));
    return verifier.verify(signature);
  }
}
