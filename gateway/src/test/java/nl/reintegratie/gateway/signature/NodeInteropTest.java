package nl.reintegratie.gateway.signature;

import nl.reintegratie.protocol.signature.ContentDigest;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.MessageSigner;
import nl.reintegratie.protocol.signature.SignatureParams;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with an independent RFC 9421 implementation, the npm package {@code http-message-signatures}
 * (pinned in {@code src/test/node/package.json}): their signer against our verifier, our signer against theirs.
 */
class NodeInteropTest {

  static final String KEY_ID = "interop-key";
  static final List<String> FIELDS = List.of("@method", "@target-uri", "content-digest", "content-type");
  static final byte[] BODY = "{\"dossier\": \"D-1\", \"naam\": \"Jan\"}".getBytes(StandardCharsets.UTF_8);
  static final String URL = "https://gateway.example/api/v1/dossiers/D-1/overdracht?reden=uitval";

  static KeyPair pair;

  @BeforeAll
  static void generateKey() throws GeneralSecurityException {
    pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  @Test
  void requestSignedByHttpMessageSignatures_isAcceptedByOurVerifier() throws Exception {
    Instant created = Instant.parse("2026-05-04T10:00:00Z");
    JsonObject input = new JsonObject()
        .put("method", "POST").put("url", URL)
        .put("headers", new JsonObject().put("Content-Type", "application/json")
            .put("Content-Digest", ContentDigest.sha256(BODY)))
        .put("fields", new JsonArray(FIELDS)).put("keyId", KEY_ID)
        .put("privateKeyPkcs8", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
        .put("created", created.getEpochSecond()).put("nonce", "interop-nonce-1").put("label", "sig1");

    JsonObject headers = node("interop/sign-request.mjs", input);
    HttpMessage request = HttpMessage.request("POST", URI.create(URL));
    for (Map.Entry<String, Object> header : headers) {
      request = request.withHeader(header.getKey(), (String) header.getValue());
    }

    Future<VerifiedSignature> result = verifier(created.plusSeconds(5)).verify(request, BODY);

    assertThat(result.succeeded()).as(() -> String.valueOf(result.cause())).isTrue();
    assertThat(result.result().keyId()).isEqualTo(KEY_ID);
    assertThat(result.result().components()).containsExactlyElementsOf(FIELDS);
    // and their signature over a changed body's digest does not pass
    assertThat(verifier(created).verify(request, "{}".getBytes(StandardCharsets.UTF_8)).failed()).isTrue();
  }

  @Test
  void requestSignedByUs_isAcceptedByHttpMessageSignatures() throws Exception {
    // their verifier reads the real clock, so the signature is made now
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    HttpMessage request = HttpMessage.request("POST", URI.create(URL))
        .withHeader("Content-Type", "application/json")
        .withHeader("Content-Digest", ContentDigest.sha256(BODY));
    HttpMessage signed = new MessageSigner(Ed25519SigningKey.fromPkcs8(pair.getPrivate().getEncoded()))
        .signed(request, "sig1", SignatureParams.of(FIELDS, now, KEY_ID, "interop-nonce-2", null));

    assertThat(theirVerdict(signed, now).getBoolean("valid")).as(() -> theirVerdictText(signed, now)).isTrue();

    HttpMessage tampered = new HttpMessage("PUT", signed.targetUri(), null, signed.headers());
    assertThat(theirVerdict(tampered, now).getBoolean("valid")).isFalse();
  }

  private JsonObject theirVerdict(HttpMessage signed, Instant now) throws Exception {
    JsonObject headers = new JsonObject();
    signed.headers().keySet().forEach(name -> headers.put(name, signed.field(name).orElseThrow()));
    JsonObject input = new JsonObject().put("method", signed.method()).put("url", signed.targetUri().toString())
        .put("headers", headers).put("keyId", KEY_ID)
        .put("publicKeySpki", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
        .put("now", now.getEpochSecond());
    return node("interop/verify-request.mjs", input);
  }

  private String theirVerdictText(HttpMessage signed, Instant now) {
    try {
      return theirVerdict(signed, now).encode();
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static SignatureVerifier verifier(Instant now) {
    RegisteredKey key = new RegisteredKey(KEY_ID, "interop-org", "ed25519", pair.getPublic().getEncoded(),
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), false);
    return new SignatureVerifier(id -> id.equals(KEY_ID) ? Optional.of(key) : Optional.empty(),
        (keyId, nonce, expiresAt) -> Future.succeededFuture(true), VerificationPolicy.forRequests(Duration.ofMinutes(5)),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  private static JsonObject node(String script, JsonObject input) throws IOException, InterruptedException {
    Process node = new ProcessBuilder("node", script)
        .directory(ProjectFiles.nodeTools().toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    node.getOutputStream().write(input.encode().getBytes(StandardCharsets.UTF_8));
    node.getOutputStream().close();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
    assertThat(node.exitValue()).as("node exit status; output: %s", output).isZero();
    return new JsonObject(output);
  }
}
