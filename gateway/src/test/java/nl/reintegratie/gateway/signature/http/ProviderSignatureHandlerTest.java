package nl.reintegratie.gateway.signature.http;

import static nl.reintegratie.gateway.http.ProblemAssertions.assertProblem;
import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.reintegratie.protocol.crypto.Ed25519;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import nl.reintegratie.gateway.http.GatewayRouter;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.http.RequestIds;
import nl.reintegratie.protocol.signature.ContentDigest;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.MessageSigner;
import nl.reintegratie.gateway.signature.ProviderDirectory;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.protocol.signature.RejectionReason;
import nl.reintegratie.protocol.signature.SignatureBase;
import nl.reintegratie.protocol.signature.SignatureParams;
import nl.reintegratie.gateway.signature.SignatureVerifier;
import nl.reintegratie.gateway.signature.VerificationPolicy;
import nl.reintegratie.gateway.signature.mongo.MongoNonceLedger;
import nl.reintegratie.gateway.signature.mongo.MongoProviderRegistry;
import nl.reintegratie.gateway.signature.mongo.SignatureCollections;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The provider API's signature edge on real routers and a real embedded store: two routers stand for two gateway
 * instances sharing one store. Requests are signed with the werkpad dev key, responses checked with the gateway's
 * dev public key.
 */
@Timeout(120)
class ProviderSignatureHandlerTest {

  static final String ORIGIN = "https://gateway.test";
  static final String PATH = "/api/v1/provider/echo?x=1";
  static final String KEY_ID = "werkpad-ed25519-2026-1";
  static final String GATEWAY_KEY_ID = "gateway-dev-ed25519-1";
  static final Ed25519SigningKey WERKPAD = signingKey("providers/werkpad/signing-ed25519.key");
  static final Ed25519SigningKey OTHER = generatedKey();
  static final byte[] BODY = "{\"dossier\":\"D-1\"}".getBytes(StandardCharsets.UTF_8);
  static final List<String> COMPONENTS = List.of("@method", "@target-uri", "content-digest", "content-type");

  @TempDir
  static Path dir;
  static Vertx vertx;
  static Store store;
  static WebClient first;
  static WebClient second;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    store = await(Stores.open(vertx, StoreSettings.embedded(dir, "test")));
    await(Indexes.ensure(store, SignatureCollections.INDEXES));
    MongoProviderRegistry registry = new MongoProviderRegistry(store);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    await(registry.register(ProviderOrganisation.of("werkpad", "Werkpad Re-integratie B.V.", "91234567",
        "00000003912345670000")));
    await(registry.addSigningKey(new RegisteredKey(KEY_ID, "werkpad", "ed25519",
        publicKey("providers/werkpad/signing-ed25519.pub"), now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(365)), false)));
    await(registry.addSigningKey(new RegisteredKey("revoked-1", "werkpad", "ed25519", OTHER.publicKey(),
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false)));
    await(registry.revokeKey("revoked-1"));
    await(registry.addSigningKey(new RegisteredKey("future-1", "werkpad", "ed25519", OTHER.publicKey(),
        now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false)));
    first = client(await(instance()));
    second = client(await(instance()));
  }

  @AfterAll
  static void stop() {
    await(store.close());
    vertx.close().await();
  }

  /** One gateway instance: its own directory snapshot, ledger, verifier and router, on the shared store. */
  static io.vertx.core.Future<HttpServer> instance() {
    ProviderDirectory directory = new ProviderDirectory(new MongoProviderRegistry(store));
    return directory.start(vertx, Duration.ofSeconds(30)).compose(v -> {
      SignatureVerifier verifier = new SignatureVerifier(directory, new MongoNonceLedger(store),
          VerificationPolicy.forRequests(Duration.ofSeconds(300)), Clock.systemUTC());
      ResponseSigner responses = ResponseSigner.fromPemFile(
          ProjectFiles.keysDev().resolve("gateway/signing-ed25519.key"), GATEWAY_KEY_ID, Clock.systemUTC());
      Router router = GatewayRouter.create(vertx, 64 * 1024);
      router.route("/api/v1/provider/*")
          .handler(new ProviderSignatureHandler(verifier, URI.create(ORIGIN + "/")))
          .handler(responses);
      router.route("/api/v1/provider/echo").handler(ctx -> {
        ProviderCaller caller = ProviderSignatureHandler.caller(ctx);
        SignedResponses.end(ctx, 200, "application/json", new JsonObject()
            .put("organisation", caller.organisationId()).put("keyId", caller.keyId()).toBuffer());
      });
      return vertx.createHttpServer().requestHandler(router).listen(0);
    });
  }

  static WebClient client(HttpServer server) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultPort(server.actualPort()));
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void correctlySignedRequest_passes_andTheHandlerExposesTheOrganisation() {
    HttpResponse<Buffer> response = send(first, sign(request(), params()), BODY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
        .put("organisation", "werkpad").put("keyId", KEY_ID));
  }

  @Test
  void signedGetWithoutBody_passes() {
    HttpMessage get = HttpMessage.request("GET", URI.create(ORIGIN + PATH));
    HttpResponse<Buffer> response = send(first, sign(get, SignatureParams.of(List.of("@method", "@target-uri"),
        Instant.now(), KEY_ID, nonce(), null)), new byte[0]);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void theSameRequestTwice_isReplayed() {
    HttpMessage signed = sign(request(), params());

    assertThat(send(first, signed, BODY).statusCode()).isEqualTo(200);
    assertRejected(send(first, signed, BODY), RejectionReason.REPLAYED_NONCE);
  }

  @Test
  void aRequestAcceptedByOneInstance_isRefusedAsReplayedByTheOther() {
    HttpMessage signed = sign(request(), params());

    assertThat(send(first, signed, BODY).statusCode()).isEqualTo(200);
    assertRejected(send(second, signed, BODY), RejectionReason.REPLAYED_NONCE);
  }

  @Test
  void malformed() {
    HttpMessage signed = sign(request(), params()).withoutHeader("Signature-Input")
        .withHeader("Signature-Input", "sig1=(\"@method\"");
    assertRejected(send(first, signed, BODY), RejectionReason.MALFORMED);
  }

  @Test
  void unknownKey() {
    assertRejected(send(first, sign(request(), params("nobody-1", Instant.now(), null)), BODY),
        RejectionReason.UNKNOWN_KEY);
  }

  @Test
  void revokedKey() {
    assertRejected(send(first, sign(request(), params("revoked-1", Instant.now(), null), OTHER), BODY),
        RejectionReason.REVOKED_KEY);
  }

  @Test
  void keyNotValidYet() {
    assertRejected(send(first, sign(request(), params("future-1", Instant.now(), null), OTHER), BODY),
        RejectionReason.KEY_NOT_VALID_NOW);
  }

  @Test
  void badSignature_otherTargetThanSigned() {
    HttpMessage signed = sign(request(), params());
    assertRejected(send(first, "/api/v1/provider/echo?x=2", signed, BODY), RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void badSignature_signedForAnotherHost() {
    HttpMessage elsewhere = HttpMessage.request("POST", URI.create("https://acceptance.gateway.test" + PATH))
        .withHeader("Content-Type", "application/json").withHeader("Content-Digest", ContentDigest.sha256(BODY));
    assertRejected(send(first, sign(elsewhere, params()), BODY), RejectionReason.BAD_SIGNATURE);
  }

  @Test
  void missingComponent() {
    SignatureParams params = SignatureParams.of(List.of("@method", "content-digest", "content-type"), Instant.now(),
        KEY_ID, nonce(), null);
    assertRejected(send(first, sign(request(), params), BODY), RejectionReason.MISSING_COMPONENT);
  }

  @Test
  void missingParameter() {
    Map<String, Object> noNonce = new LinkedHashMap<>();
    noNonce.put("created", Instant.now().getEpochSecond());
    noNonce.put("keyid", KEY_ID);
    assertRejected(send(first, sign(request(), new SignatureParams(COMPONENTS, noNonce)), BODY),
        RejectionReason.MISSING_PARAMETER);
  }

  @Test
  void digestMismatch() {
    byte[] other = "{\"dossier\":\"D-2\"}".getBytes(StandardCharsets.UTF_8);
    assertRejected(send(first, sign(request(), params()), other), RejectionReason.DIGEST_MISMATCH);
  }

  @Test
  void createdOutsideWindow() {
    assertRejected(send(first, sign(request(), params(KEY_ID, Instant.now().minus(Duration.ofHours(1)), null)),
        BODY), RejectionReason.CREATED_OUTSIDE_WINDOW);
  }

  @Test
  void expired() {
    Instant now = Instant.now();
    assertRejected(send(first, sign(request(), params(KEY_ID, now.minusSeconds(20), now.minusSeconds(10))), BODY),
        RejectionReason.EXPIRED);
  }

  @Test
  void algorithmMismatch() {
    Map<String, Object> withAlg = new LinkedHashMap<>(params().parameters());
    withAlg.put("alg", "rsa-pss-sha512");
    assertRejected(send(first, sign(request(), new SignatureParams(COMPONENTS, withAlg)), BODY),
        RejectionReason.ALGORITHM_MISMATCH);
  }

  @ParameterizedTest
  @EnumSource(RejectionReason.class)
  void everyReason_hasItsOwnProblemType(RejectionReason reason) {
    ProblemType type = SignatureProblems.of(reason, nl.reintegratie.gateway.http.Language.NL).type();
    long sameType = java.util.Arrays.stream(RejectionReason.values())
        .filter(r -> SignatureProblems.of(r, nl.reintegratie.gateway.http.Language.NL).type() == type).count();

    assertThat(sameType).isEqualTo(1);
    assertThat(type.status()).isIn(400, 401);
  }

  @Test
  void unsignedRequest_isUnauthenticated_andTheRouteNeverRuns() {
    HttpResponse<Buffer> response = first.get("/api/v1/provider/echo").send().await();

    assertProblem(response, 401, "urn:nl-reintegratie:problem:unauthenticated");
    assertThat(response.getHeader("Accept-Signature")).contains("\"@method\"");
    assertThat(response.bodyAsString()).doesNotContain("werkpad");
  }

  @Test
  void rejections_speakEnglishWhenAskedFor() {
    HttpMessage signed = sign(request(), params(KEY_ID, Instant.now().minus(Duration.ofHours(1)), null))
        .withHeader("Accept-Language", "en");
    HttpResponse<Buffer> response = send(first, signed, BODY);

    assertProblem(response, 401, "urn:nl-reintegratie:problem:signature-created-outside-window");
    assertThat(response.bodyAsJsonObject().getString("title"))
        .isEqualTo("The signature's creation time is outside the window");
    assertThat(response.bodyAsJsonObject().getString("detail")).startsWith("Sign just before sending");
  }

  @Test
  void signedResponse_verifiesWithTheGatewayKey_andItsDigestMatchesTheBody() {
    HttpResponse<Buffer> response = send(first, sign(request(), params()), BODY);
    assertThat(response.statusCode()).isEqualTo(200);

    byte[] body = response.body().getBytes();
    assertThat(response.getHeader("Content-Digest")).isEqualTo(ContentDigest.sha256(body));
    Matcher input = Pattern.compile("gateway=(\\(.*\\));created=(\\d+);keyid=\"([^\"]+)\";nonce=\"([^\"]+)\"")
        .matcher(response.getHeader("Signature-Input"));
    assertThat(input.matches()).isTrue();
    assertThat(input.group(1)).isEqualTo("(\"@status\" \"content-type\" \"content-digest\" \"x-request-id\")");
    assertThat(input.group(3)).isEqualTo(GATEWAY_KEY_ID);
    SignatureParams params = SignatureParams.of(List.of("@status", "content-type", "content-digest", "x-request-id"),
        Instant.ofEpochSecond(Long.parseLong(input.group(2))), input.group(3), input.group(4), null);
    HttpMessage received = HttpMessage.response(response.statusCode())
        .withHeader("Content-Type", response.getHeader("Content-Type"))
        .withHeader("Content-Digest", response.getHeader("Content-Digest"))
        .withHeader("X-Request-ID", response.getHeader(RequestIds.HEADER));
    Matcher signature = Pattern.compile("gateway=:([A-Za-z0-9+/=]+):").matcher(response.getHeader("Signature"));
    assertThat(signature.matches()).isTrue();

    byte[] base = SignatureBase.build(received, params);
    byte[] gatewayKey = publicKey("gateway/signing-ed25519.pub");
    assertThat(Ed25519.verify(gatewayKey, base, Base64.getDecoder().decode(signature.group(1)))).isTrue();
    assertThat(Ed25519.verify(gatewayKey, SignatureBase.build(received.withoutHeader("X-Request-ID")
        .withHeader("X-Request-ID", UUID.randomUUID().toString()), params),
        Base64.getDecoder().decode(signature.group(1)))).isFalse();
  }

  @Test
  void ledgerThatCannotAnswer_is503_andAcceptsNothing() {
    ProviderDirectory directory = new ProviderDirectory(new MongoProviderRegistry(store));
    await(directory.refresh());
    SignatureVerifier verifier = new SignatureVerifier(directory, (keyId, nonce, expiresAt) ->
        io.vertx.core.Future.failedFuture(new nl.reintegratie.gateway.store.StoreUnavailableException("down")),
        VerificationPolicy.forRequests(Duration.ofSeconds(300)), Clock.systemUTC());
    Router router = GatewayRouter.create(vertx, 64 * 1024);
    router.route("/api/v1/provider/*").handler(new ProviderSignatureHandler(verifier, URI.create(ORIGIN)));
    router.route("/api/v1/provider/echo").handler(ctx -> ctx.response().end("reached"));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await();

    HttpResponse<Buffer> response = send(client(server), sign(request(), params()), BODY);

    assertProblem(response, 503, "urn:nl-reintegratie:problem:service-unavailable");
    server.close().await();
  }

  @Test
  void signedResponseOutsideAResponseSignerRoute_failsInsteadOfAnsweringUnsigned() {
    Router router = GatewayRouter.create(vertx, 1024);
    router.get("/unsigned").handler(ctx -> SignedResponses.end(ctx, 200, "text/plain", Buffer.buffer("x")));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await();

    HttpResponse<Buffer> response = client(server).get("/unsigned").send().await();

    assertProblem(response, 500, "urn:nl-reintegratie:problem:internal-error");
    server.close().await();
  }

  // ---------------------------------------------------------------------------------------------

  static void assertRejected(HttpResponse<Buffer> response, RejectionReason reason) {
    ProblemType type = SignatureProblems.of(reason, nl.reintegratie.gateway.http.Language.NL).type();
    assertProblem(response, type.status(), type.uri());
    assertThat(response.getHeader("Accept-Signature")).contains("\"@target-uri\"");
    assertThat(response.getHeader("Signature")).isNull(); // problems are not signed by the gateway
  }

  static HttpMessage request() {
    return HttpMessage.request("POST", URI.create(ORIGIN + PATH))
        .withHeader("Content-Type", "application/json")
        .withHeader("Content-Digest", ContentDigest.sha256(BODY));
  }

  static SignatureParams params() {
    return params(KEY_ID, Instant.now(), null);
  }

  static SignatureParams params(String keyId, Instant created, Instant expires) {
    return SignatureParams.of(COMPONENTS, created, keyId, nonce(), expires);
  }

  static String nonce() {
    return UUID.randomUUID().toString();
  }

  static HttpMessage sign(HttpMessage message, SignatureParams params) {
    return sign(message, params, WERKPAD);
  }

  static HttpMessage sign(HttpMessage message, SignatureParams params, Ed25519SigningKey key) {
    return new MessageSigner(key).signed(message, "sig1", params);
  }

  static HttpResponse<Buffer> send(WebClient client, HttpMessage signed, byte[] body) {
    String target = signed.targetUri().getRawPath()
        + (signed.targetUri().getRawQuery() == null ? "" : "?" + signed.targetUri().getRawQuery());
    return send(client, target, signed, body);
  }

  static HttpResponse<Buffer> send(WebClient client, String target, HttpMessage signed, byte[] body) {
    HttpRequest<Buffer> request = client.request(HttpMethod.valueOf(signed.method()), target);
    signed.headers().forEach((name, values) -> values.forEach(value -> request.headers().add(name, value)));
    return (body.length == 0 ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  static Ed25519SigningKey signingKey(String relative) {
    return Ed25519SigningKey.fromPkcs8(pem(relative));
  }

  static Ed25519SigningKey generatedKey() {
    try {
      return Ed25519SigningKey.fromPkcs8(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate()
          .getEncoded());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] publicKey(String relative) {
    return pem(relative);
  }

  static byte[] pem(String relative) {
    try {
      String text = Files.readString(ProjectFiles.keysDev().resolve(relative));
      return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
