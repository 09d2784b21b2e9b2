package nl.reintegratie.gateway.signature;

import nl.reintegratie.protocol.signature.ContentDigest;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.MessageSigner;
import nl.reintegratie.protocol.signature.SignatureBase;
import nl.reintegratie.protocol.signature.SignatureParams;
import nl.reintegratie.protocol.signature.ReceivedSignature;
import nl.reintegratie.protocol.signature.SignatureException;
import nl.reintegratie.protocol.signature.RejectionReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.reintegratie.protocol.crypto.Ed25519;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import org.junit.jupiter.api.Test;

/**
 * The published examples: RFC 9421 Appendix B.2.6 (ed25519 over the test-request of B.2 with the key of B.1.4) and
 * the Content-Digest values of RFC 9530 / RFC 9421 B.2. The texts are copied from the RFCs; the line wrapping of
 * RFC 8792 is undone.
 */
class Rfc9421ExamplesTest {

  /** RFC 9421 B.1.4, test-key-ed25519, private key (PKCS#8). */
  static final String TEST_KEY_ED25519_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";
  /** RFC 9421 B.1.4, test-key-ed25519, public key (SubjectPublicKeyInfo). */
  static final String TEST_KEY_ED25519_PUBLIC = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";

  static final String BODY = "{\"hello\": \"world\"}";

  /** RFC 9421 B.2, the test-request: {@code POST /foo?param=Value&Pet=dog HTTP/1.1} to example.com. */
  static HttpMessage testRequest() {
    return HttpMessage.request("POST", URI.create("https://example.com/foo?param=Value&Pet=dog"))
        .withHeader("Host", "example.com")
        .withHeader("Date", "Tue, 20 Apr 2021 02:07:55 GMT")
        .withHeader("Content-Type", "application/json")
        .withHeader("Content-Digest", "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyeal"
            + "dVLvRwEmTHWXvJwew==:")
        .withHeader("Content-Length", "18");
  }

  static final String B26_SIGNATURE_INPUT = "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" "
      + "\"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";
  static final String B26_SIGNATURE = "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1"
      + "u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:";
  static final String B26_BASE = String.join("\n",
      "\"date\": Tue, 20 Apr 2021 02:07:55 GMT",
      "\"@method\": POST",
      "\"@path\": /foo",
      "\"@authority\": example.com",
      "\"content-type\": application/json",
      "\"content-length\": 18",
      "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
          + ";created=1618884473;keyid=\"test-key-ed25519\"");

  static Ed25519SigningKey rfcSigningKey() {
    return Ed25519SigningKey.fromPkcs8(Base64.getDecoder().decode(TEST_KEY_ED25519_PRIVATE));
  }

  @Test
  void rfcB26_signatureBaseIsReproducedExactly() {
    HttpMessage signed = testRequest().withHeader("Signature-Input", B26_SIGNATURE_INPUT)
        .withHeader("Signature", B26_SIGNATURE);
    ReceivedSignature received = ReceivedSignature.allOf(signed).get("sig-b26");

    byte[] base = SignatureBase.build(signed, received.params());

    assertThat(new String(base, StandardCharsets.UTF_8)).isEqualTo(B26_BASE);
  }

  @Test
  void rfcB26_publishedSignatureVerifiesWithTheB14PublicKey() {
    HttpMessage signed = testRequest().withHeader("Signature-Input", B26_SIGNATURE_INPUT)
        .withHeader("Signature", B26_SIGNATURE);
    ReceivedSignature received = ReceivedSignature.allOf(signed).get("sig-b26");

    byte[] base = SignatureBase.build(signed, received.params());

    assertThat(Ed25519.verify(Base64.getDecoder().decode(TEST_KEY_ED25519_PUBLIC), base, received.signature()))
        .isTrue();
    base[base.length - 2] ^= 1;
    assertThat(Ed25519.verify(Base64.getDecoder().decode(TEST_KEY_ED25519_PUBLIC), base, received.signature()))
        .isFalse();
  }

  @Test
  void rfcB26_ourSignerProducesTheSameHeadersByteForByte() {
    SignatureParams params = new SignatureParams(
        List.of("date", "@method", "@path", "@authority", "content-type", "content-length"),
        new java.util.LinkedHashMap<>(Map.of("created", 1618884473L)));
    Map<String, Object> ordered = new java.util.LinkedHashMap<>(params.parameters());
    ordered.put("keyid", "test-key-ed25519");
    params = new SignatureParams(params.components(), ordered);

    MessageSigner.SignatureHeaders headers = new MessageSigner(rfcSigningKey()).sign(testRequest(), "sig-b26", params);

    assertThat(headers.signatureInput()).isEqualTo(B26_SIGNATURE_INPUT);
    assertThat(headers.signature()).isEqualTo(B26_SIGNATURE);
  }

  @Test
  void rfcB14_privateKeyDerivesThePublishedPublicKey() {
    assertThat(rfcSigningKey().publicKey())
        .isEqualTo(Ed25519.rawPublicKey(Base64.getDecoder().decode(TEST_KEY_ED25519_PUBLIC)));
    assertThat(rfcSigningKey().toString()).doesNotContain("9f8362f8", TEST_KEY_ED25519_PRIVATE);
  }

  @Test
  void rfc9530HelloWorld_sha256MatchesThePublishedValue() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

    assertThat(ContentDigest.sha256(body)).isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
    ContentDigest.verify("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", body);
  }

  @Test
  void rfc9421B2TestRequest_sha512DigestVerifies() {
    ContentDigest.verify(testRequest().field("content-digest").orElseThrow(), BODY.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void bodyWithTrailingNewline_isADigestMismatch() {
    byte[] changed = (BODY + "\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ContentDigest.verify("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", changed))
        .isInstanceOfSatisfying(SignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.DIGEST_MISMATCH));
  }

  @Test
  void bothDigestsPresentOneWrong_isADigestMismatch() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    String sha512 = testRequest().field("content-digest").orElseThrow();
    String wrong256 = "sha-256=:" + Base64.getEncoder().encodeToString(new byte[32]) + ":";

    assertThatThrownBy(() -> ContentDigest.verify(sha512 + ", " + wrong256, body))
        .isInstanceOfSatisfying(SignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.DIGEST_MISMATCH));
  }

  @Test
  void onlyUnsupportedOrMalformedDigests_areMalformed() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    for (String field : List.of("md5=:AAAA:", "sha-256=X48E9q", "sha-256=:not base64!:", "", "sha-256=\"x\"")) {
      assertThatThrownBy(() -> ContentDigest.verify(field, body)).as(field)
          .isInstanceOfSatisfying(SignatureException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
    }
  }
}
