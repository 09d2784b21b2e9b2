package nl.reintegratie.gateway.signature;

import nl.reintegratie.protocol.signature.ContentDigest;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.MessageSigner;
import nl.reintegratie.protocol.signature.SignatureParams;
import nl.reintegratie.protocol.signature.SignatureException;
import nl.reintegratie.protocol.signature.RejectionReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import org.junit.jupiter.api.Test;

/**
 * The verifier's policy: every rejection reason, each with a signed request that differs from a good one in exactly
 * that respect.
 */
class SignatureVerifierTest {

  static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
  static final Duration SKEW = Duration.ofSeconds(300);
  static final String KEY_ID = "org-a-2026";
  static final String ORG = "reintegratie-bureau-a";
  static final List<String> COMPONENTS = List.of("@method", "@target-uri", "content-digest", "content-type");
  static final byte[] BODY = "{\"dossier\": \"D-1\"}".getBytes(StandardCharsets.UTF_8);

  static final Ed25519SigningKey OUR_KEY = Rfc9421ExamplesTest.rfcSigningKey();
  static final Ed25519SigningKey OTHER_KEY = generatedKey();

  final Map<String, RegisteredKey> registry = new HashMap<>(Map.of(KEY_ID, registered(KEY_ID, OUR_KEY)));
  final Set<String> seenNonces = ConcurrentHashMap.newKeySet();
  final NonceLedger ledger = (keyId, nonce, expiresAt) -> Future.succeededFuture(seenNonces.add(keyId + " " + nonce));

  SignatureVerifier verifier() {
    return verifier(ledger);
  }

  SignatureVerifier verifier(NonceLedger nonces) {
    KeyDirectory directory = keyId -> Optional.ofNullable(registry.get(keyId));
    return new SignatureVerifier(directory, nonces, VerificationPolicy.forRequests(SKEW),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static Ed25519SigningKey generatedKey() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return Ed25519SigningKey.fromPkcs8(pair.getPrivate().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static RegisteredKey registered(String keyId, Ed25519SigningKey key) {
    return new RegisteredKey(keyId, ORG, "ed25519", key.publicKey(), NOW.minus(Duration.ofDays(30)),
        NOW.plus(Duration.ofDays(335)), false);
  }

  static HttpMessage unsigned(byte[] body) {
    HttpMessage request = HttpMessage.request("POST", URI.create("https://gateway.example/api/v1/dossiers?x=1"))
        .withHeader("Content-Type", "application/json");
    return body.length == 0 ? request : request.withHeader("Content-Digest", ContentDigest.sha256(body));
  }

  static SignatureParams params(Instant created, String nonce) {
    return SignatureParams.of(COMPONENTS, created, KEY_ID, nonce, null);
  }

  static SignatureParams withParam(SignatureParams params, String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(params.parameters());
    if (value == null) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return new SignatureParams(params.components(), copy);
  }

  static HttpMessage sign(HttpMessage request, SignatureParams params) {
    return new MessageSigner(OUR_KEY).signed(request, "sig1", params);
  }

  static HttpMessage goodRequest() {
    return sign(unsigned(BODY), params(NOW, "n-1"));
  }

  VerifiedSignature accepted(HttpMessage request, byte[] body) {
    Future<VerifiedSignature> result = verifier().verify(request, body);
    assertThat(result.succeeded()).as(() -> String.valueOf(result.cause())).isTrue();
    return result.result();
  }

  RejectionReason rejected(HttpMessage request, byte[] body) {
    return rejected(verifier().verify(request, body));
  }

  static RejectionReason rejected(Future<VerifiedSignature> result) {
    assertThat(result.failed()).as("verification should fail").isTrue();
    assertThat(result.cause()).isInstanceOf(SignatureException.class);
    return ((SignatureException) result.cause()).reason();
  }

  @Test
  void goodRequest_isAcceptedWithTheSignersIdentity() {
    VerifiedSignature verified = accepted(goodRequest(), BODY);

    assertThat(verified.organisationId()).isEqualTo(ORG);
    assertThat(verified.keyId()).isEqualTo(KEY_ID);
    assertThat(verified.label()).isEqualTo("sig1");
    assertThat(verified.components()).containsExactlyElementsOf(COMPONENTS);
    assertThat(verified.created()).isEqualTo(NOW);
  }

  @Test
  void requestWithoutBody_needsNoDigest() {
    HttpMessage request = sign(HttpMessage.request("GET", URI.create("https://gateway.example/api/v1/dossiers/D-1")),
        SignatureParams.of(List.of("@method", "@target-uri"), NOW, KEY_ID, "n-get", null));

    assertThat(accepted(request, null).components()).containsExactly("@method", "@target-uri");
  }

  @Test
  void unknownKeyId_isUnknownKey() {
    HttpMessage request = sign(unsigned(BODY), withParam(params(NOW, "n-1"), "keyid", "nobody"));

    assertThat(rejected(request, BODY)).isEqualTo(RejectionReason.UNKNOWN_KEY);
  }

  @Test
  void revokedKey_isRevokedKey() {
    RegisteredKey key = registry.get(KEY_ID);
    registry.put(KEY_ID, new RegisteredKey(KEY_ID, ORG, "ed25519", key.publicKey(), key.validFrom(),
        key.validUntil(), true));

    assertThat(rejected(goodRequest(), BODY)).isEqualTo(RejectionReason.REVOKED_KEY);
  }

  @Test
  void keyExpiredOrNotYetValid_isKeyNotValidNow() {
    byte[] publicKey = OUR_KEY.publicKey();
    registry.put(KEY_ID, new RegisteredKey(KEY_ID, ORG, "ed25519", publicKey, NOW.minusSeconds(3600), NOW, false));
    assertThat(rejected(goodRequest(), BODY)).isEqualTo(RejectionReason.KEY_NOT_VALID_NOW);

    registry.put(KEY_ID, new RegisteredKey(KEY_ID, ORG, "ed25519", publicKey, NOW.plusSeconds(1),
        NOW.plusSeconds(3600), false));
    assertThat(rejected(goodRequest(), BODY)).isEqualTo(RejectionReason.KEY_NOT_VALID_NOW);
  }

  @Test
  void signedByAnotherKeyUnderOurKeyId_isBadSignature() {
    HttpMessage request = new MessageSigner(OTHER_KEY).signed(unsigned(BODY), "sig1", params(NOW, "n-1"));

    assertThat(rejected(request, BODY)).isEqualTo(RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void methodChangedAfterSigning_isBadSignature() {
    HttpMessage good = goodRequest();
    HttpMessage changed = new HttpMessage("PUT", good.targetUri(), null, good.headers());

    assertThat(rejected(changed, BODY)).isEqualTo(RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void targetUriChangedAfterSigning_isBadSignature() {
    HttpMessage good = goodRequest();
    HttpMessage changed = new HttpMessage(good.method(), URI.create("https://gateway.example/api/v1/dossiers?x=2"),
        null, good.headers());

    assertThat(rejected(changed, BODY)).isEqualTo(RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void signatureBytesFlipped_isBadSignature() {
    HttpMessage good = goodRequest();
    String signature = good.field("signature").orElseThrow();
    String flipped = signature.charAt(6) == 'A' ? signature.substring(0, 6) + "B" + signature.substring(7)
        : signature.substring(0, 6) + "A" + signature.substring(7);

    assertThat(rejected(good.withoutHeader("Signature").withHeader("Signature", flipped), BODY))
        .isEqualTo(RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void tamperedBodyWithTheOldDigest_isDigestMismatch() {
    byte[] tampered = "{\"dossier\": \"D-2\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(rejected(goodRequest(), tampered)).isEqualTo(RejectionReason.DIGEST_MISMATCH);
  }

  @Test
  void tamperedBodyWithARecomputedDigest_isBadSignature() {
    byte[] tampered = "{\"dossier\": \"D-2\"}".getBytes(StandardCharsets.UTF_8);
    HttpMessage request = goodRequest().withoutHeader("Content-Digest")
        .withHeader("Content-Digest", ContentDigest.sha256(tampered));

    assertThat(rejected(request, tampered)).isEqualTo(RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void targetUriNotCovered_isMissingComponent() {
    SignatureParams params = SignatureParams.of(List.of("@method", "content-digest", "content-type"), NOW, KEY_ID,
        "n-1", null);

    assertThat(rejected(sign(unsigned(BODY), params), BODY)).isEqualTo(RejectionReason.MISSING_COMPONENT);
  }

  @Test
  void bodyWithoutCoveredDigest_isMissingComponent() {
    SignatureParams params = SignatureParams.of(List.of("@method", "@target-uri", "content-type"), NOW, KEY_ID,
        "n-1", null);

    assertThat(rejected(sign(unsigned(BODY), params), BODY)).isEqualTo(RejectionReason.MISSING_COMPONENT);
  }

  @Test
  void bodyWithoutCoveredContentType_isMissingComponent() {
    SignatureParams params = SignatureParams.of(List.of("@method", "@target-uri", "content-digest"), NOW, KEY_ID,
        "n-1", null);

    assertThat(rejected(sign(unsigned(BODY), params), BODY)).isEqualTo(RejectionReason.MISSING_COMPONENT);
  }

  @Test
  void coveredHeaderRemovedAfterSigning_isMissingComponent() {
    assertThat(rejected(goodRequest().withoutHeader("Content-Type"), BODY))
        .isEqualTo(RejectionReason.MISSING_COMPONENT);
  }

  @Test
  void eachRequiredParameterMissing_isMissingParameter() {
    for (String name : List.of("created", "nonce", "keyid")) {
      HttpMessage request = sign(unsigned(BODY), withParam(params(NOW, "n-" + name), name, null));
      assertThat(rejected(request, BODY)).as(name).isEqualTo(RejectionReason.MISSING_PARAMETER);
    }
  }

  @Test
  void createdJustInsideTheWindowOnBothSides_isAccepted() {
    accepted(sign(unsigned(BODY), params(NOW.minus(SKEW), "n-old")), BODY);
    accepted(sign(unsigned(BODY), params(NOW.plus(SKEW), "n-new")), BODY);
  }

  @Test
  void createdJustOutsideTheWindowOnBothSides_isCreatedOutsideWindow() {
    HttpMessage tooOld = sign(unsigned(BODY), params(NOW.minus(SKEW).minusSeconds(1), "n-old"));
    HttpMessage tooNew = sign(unsigned(BODY), params(NOW.plus(SKEW).plusSeconds(1), "n-new"));

    assertThat(rejected(tooOld, BODY)).isEqualTo(RejectionReason.CREATED_OUTSIDE_WINDOW);
    assertThat(rejected(tooNew, BODY)).isEqualTo(RejectionReason.CREATED_OUTSIDE_WINDOW);
  }

  @Test
  void expiresInThePast_isExpired() {
    SignatureParams params = SignatureParams.of(COMPONENTS, NOW.minusSeconds(60), KEY_ID, "n-1",
        NOW.minusSeconds(1));

    assertThat(rejected(sign(unsigned(BODY), params), BODY)).isEqualTo(RejectionReason.EXPIRED);
  }

  @Test
  void expiresNow_isAccepted() {
    SignatureParams params = SignatureParams.of(COMPONENTS, NOW.minusSeconds(60), KEY_ID, "n-1", NOW);

    accepted(sign(unsigned(BODY), params), BODY);
  }

  @Test
  void sameNonceTwice_isReplayedNonce() {
    HttpMessage request = goodRequest();
    accepted(request, BODY);

    assertThat(rejected(request, BODY)).isEqualTo(RejectionReason.REPLAYED_NONCE);
  }

  @Test
  void nonceLedgerIsGivenTheEndOfTheWindow() {
    Map<String, Instant> asked = new HashMap<>();
    NonceLedger recording = (keyId, nonce, expiresAt) -> {
      asked.put(keyId + " " + nonce, expiresAt);
      return Future.succeededFuture(true);
    };

    assertThat(verifier(recording).verify(goodRequest(), BODY).succeeded()).isTrue();
    assertThat(asked).containsExactly(Map.entry(KEY_ID + " n-1", NOW.plus(SKEW)));
  }

  @Test
  void forgedRequest_doesNotUseUpTheNonce() {
    HttpMessage forged = new MessageSigner(OTHER_KEY).signed(unsigned(BODY), "sig1", params(NOW, "n-1"));
    assertThat(rejected(forged, BODY)).isEqualTo(RejectionReason.BAD_SIGNATURE);

    accepted(goodRequest(), BODY);
  }

  @Test
  void ledgerFailure_isPassedOnNotTurnedIntoAVerdict() {
    IllegalStateException down = new IllegalStateException("ledger down");
    Future<VerifiedSignature> result = verifier((k, n, e) -> Future.failedFuture(down)).verify(goodRequest(), BODY);

    assertThat(result.failed()).isTrue();
    assertThat(result.cause()).isSameAs(down);
  }

  @Test
  void algHmacSha256_isAlgorithmMismatch() {
    HttpMessage request = sign(unsigned(BODY), withParam(params(NOW, "n-1"), "alg", "hmac-sha256"));

    assertThat(rejected(request, BODY)).isEqualTo(RejectionReason.ALGORITHM_MISMATCH);
  }

  @Test
  void algEd25519_isAccepted() {
    accepted(sign(unsigned(BODY), withParam(params(NOW, "n-1"), "alg", "ed25519")), BODY);
  }

  @Test
  void keyRegisteredForAnotherAlgorithm_isAlgorithmMismatch() {
    RegisteredKey key = registry.get(KEY_ID);
    registry.put(KEY_ID, new RegisteredKey(KEY_ID, ORG, "rsa-pss-sha512", key.publicKey(), key.validFrom(),
        key.validUntil(), false));

    assertThat(rejected(goodRequest(), BODY)).isEqualTo(RejectionReason.ALGORITHM_MISMATCH);
  }

  @Test
  void badSignatureWithAValidSecondSignatureFromAForeignKey_isBadSignature() {
    HttpMessage ours = new MessageSigner(OTHER_KEY).signed(unsigned(BODY), "sig1", params(NOW, "n-1"));
    HttpMessage both = new MessageSigner(OTHER_KEY).signed(ours, "proxy",
        withParam(params(NOW, "n-p"), "keyid", "foreign-proxy"));

    assertThat(rejected(both, BODY)).isEqualTo(RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void goodSignatureWithAForeignSecondSignature_isAcceptedOnOursAlone() {
    HttpMessage both = new MessageSigner(OTHER_KEY).signed(goodRequest(), "proxy",
        withParam(params(NOW, "n-p"), "keyid", "foreign-proxy"));

    VerifiedSignature verified = accepted(both, BODY);

    assertThat(verified.label()).isEqualTo("sig1");
    assertThat(verified.keyId()).isEqualTo(KEY_ID);
  }

  @Test
  void onlyForeignSignatures_isUnknownKey() {
    HttpMessage request = new MessageSigner(OTHER_KEY).signed(unsigned(BODY), "proxy",
        withParam(params(NOW, "n-p"), "keyid", "foreign-proxy"));

    assertThat(rejected(request, BODY)).isEqualTo(RejectionReason.UNKNOWN_KEY);
  }

  @Test
  void twoSignaturesFromKnownKeys_isMalformed() {
    registry.put("org-a-second", registered("org-a-second", OTHER_KEY));
    HttpMessage both = new MessageSigner(OTHER_KEY).signed(goodRequest(), "sig2",
        withParam(params(NOW, "n-2"), "keyid", "org-a-second"));

    assertThat(rejected(both, BODY)).isEqualTo(RejectionReason.MALFORMED);
  }

  @Test
  void malformedSignatureHeaders_areMalformed() {
    HttpMessage good = goodRequest();
    String input = good.field("signature-input").orElseThrow();
    String signature = good.field("signature").orElseThrow();
    List<HttpMessage> variants = List.of(
        good.withoutHeader("Signature"),
        good.withoutHeader("Signature-Input"),
        good.withoutHeader("Signature-Input").withHeader("Signature-Input", "sig1=(\"@method\""),
        good.withoutHeader("Signature-Input").withHeader("Signature-Input", input.replace("sig1=", "other=")),
        good.withoutHeader("Signature").withHeader("Signature", signature.replace(":", "")),
        good.withHeader("Signature-Input", input), // the same label twice
        good.withoutHeader("Signature-Input").withHeader("Signature-Input",
            input.replace("created=" + NOW.getEpochSecond(), "created=\"" + NOW.getEpochSecond() + "\"")));

    for (HttpMessage variant : variants) {
      assertThat(rejected(variant, BODY)).as(variant.headers().toString()).isEqualTo(RejectionReason.MALFORMED);
    }
  }

  @Test
  void rejection_neverEchoesInput() {
    SignatureException e = new SignatureException(RejectionReason.BAD_SIGNATURE);

    assertThat(e.getMessage()).isEqualTo("BAD_SIGNATURE");
    assertThat(e.getStackTrace()).isEmpty();
  }
}
