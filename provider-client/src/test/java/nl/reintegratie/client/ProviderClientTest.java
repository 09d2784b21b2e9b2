package nl.reintegratie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLHandshakeException;
import nl.reintegratie.protocol.crypto.Ed25519;
import nl.reintegratie.protocol.signature.ContentDigest;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.ReceivedSignature;
import nl.reintegratie.protocol.signature.SignatureBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a stand-in gateway over HTTPS: what arrives on the wire verifies the way the gateway verifies,
 * and a response is handed over only when it is provably the gateway's and unchanged.
 */
class ProviderClientTest {

  static final byte[] LIST = "{\"trajectories\":[{\"trajectoryId\":\"t-1\"}]}".getBytes(StandardCharsets.UTF_8);
  static final byte[] BODY = "{\"properties\":{},\"content\":{}}".getBytes(StandardCharsets.UTF_8);
  static final List<String> COVERED = List.of("@status", "content-type", "content-digest", "x-request-id");

  static FakeGateway gateway;
  static ProviderCredentials werkpad;
  static ProviderClient client;

  @BeforeAll
  static void start() throws Exception {
    gateway = FakeGateway.start(request -> FakeGateway.signed(200, "application/json", LIST));
    werkpad = DevKeys.credentials("werkpad");
    client = ProviderClient.builder(werkpad, gateway.url(), DevKeys.gatewayKey())
        .trust(TlsTrust.fromCaPem(DevKeys.devCa()))
        .build();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    werkpad.close();
  }

  @BeforeEach
  void answerNormally() {
    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST));
  }

  // ------------------------------------------------------------------------------------------ requests

  @Test
  void whatArrivesOnTheWire_verifiesAsTheGatewayVerifies() throws Exception {
    gateway.respond(request -> FakeGateway.signed(201, "application/json", BODY));

    GatewayResponse response = client.submit("t-1", DocumentKind.END_REPORT, BODY, "retry-me-1");

    assertThat(response.status()).isEqualTo(201);
    FakeGateway.Received received = gateway.last();
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.rawPathAndQuery()).isEqualTo("/api/v1/trajectories/t-1/end-reports");
    assertThat(received.body()).isEqualTo(BODY);
    assertThat(received.header("Idempotency-Key")).isEqualTo("retry-me-1");
    assertThat(received.header("Content-Type")).isEqualTo("application/json");
    assertThat(gatewayAccepts(received)).isTrue();
  }

  @Test
  void everyTypedCall_goesToItsPath_signed() throws Exception {
    client.trajectories();
    assertThat(gateway.last().rawPathAndQuery()).isEqualTo("/api/v1/trajectories");
    client.trajectory("t-1");
    assertThat(gateway.last().rawPathAndQuery()).isEqualTo("/api/v1/trajectories/t-1");
    client.document("t-1", DocumentKind.PROGRESS_REPORT, "d-1");
    assertThat(gateway.last().rawPathAndQuery()).isEqualTo("/api/v1/trajectories/t-1/progress-reports/d-1");
    client.releases();
    assertThat(gateway.last().rawPathAndQuery()).isEqualTo("/api/v1/releases");
    client.trajectory("../releases");
    assertThat(gateway.last().rawPathAndQuery()).isEqualTo("/api/v1/trajectories/..%2Freleases");
    client.send("POST", "/api/v1/trajectories/t-1/contact-moments", BODY);
    assertThat(gateway.last().header("Idempotency-Key")).isNotBlank();

    assertThat(gateway.received()).allSatisfy(received -> assertThat(gatewayAccepts(received)).isTrue());
  }

  // ------------------------------------------------------------------------------------------ responses

  @Test
  void aSignedResponse_isHandedOverVerified_withItsBodyAndHeaders() throws Exception {
    GatewayResponse response = client.trajectories();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.verified()).isTrue();
    assertThat(response.body()).isEqualTo(LIST);
    assertThat(response.mediaType()).isEqualTo("application/json");
    assertThat(response.requestId()).isPresent();
    assertThat(response.header("content-digest")).contains(ContentDigest.sha256(LIST));
  }

  @Test
  void missingSignature_isRefused() {
    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST)
        .withoutHeader("Signature").withoutHeader("Signature-Input"));

    assertRefused(VerificationFailure.UNSIGNED);
  }

  @Test
  void anotherKeyUnderTheGatewaysKeyId_isRefused() {
    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST,
        DevKeys.providerSigningKey("werkpad"), DevKeys.GATEWAY_KEY_ID, Instant.now(), COVERED));

    assertRefused(VerificationFailure.BAD_SIGNATURE);
  }

  @Test
  void anotherKeyId_isRefused() {
    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST,
        DevKeys.providerSigningKey("werkpad"), werkpad.signingKeyId(), Instant.now(), COVERED));

    assertRefused(VerificationFailure.UNKNOWN_KEY);
  }

  @Test
  void aChangedBody_isRefused_whetherOrNotTheDigestWasRecomputed() {
    byte[] changed = "{\"trajectories\":[]}".getBytes(StandardCharsets.UTF_8);
    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST).withBody(changed));
    assertRefused(VerificationFailure.DIGEST_MISMATCH);

    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST).withBody(changed)
        .withHeader("Content-Digest", ContentDigest.sha256(changed)));
    assertRefused(VerificationFailure.BAD_SIGNATURE);
  }

  @Test
  void aChangedStatus_isRefused() {
    gateway.respond(request -> FakeGateway.signed(404, "application/json", LIST).withStatus(200));
    assertRefused(VerificationFailure.BAD_SIGNATURE);

    gateway.respond(request -> FakeGateway.signed(201, "application/json", LIST).withStatus(200));
    assertRefused(VerificationFailure.BAD_SIGNATURE);
  }

  @Test
  void aChangedCoveredHeader_isRefused() {
    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST)
        .withHeader("Content-Type", "text/html"));
    assertRefused(VerificationFailure.BAD_SIGNATURE);
  }

  @Test
  void aStaleOrFutureCreated_isRefused_justInsideTheSkewIsNot() throws Exception {
    Instant now = Instant.now();
    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST, DevKeys.gatewaySigningKey(),
        DevKeys.GATEWAY_KEY_ID, now.minus(Duration.ofMinutes(6)), COVERED));
    assertRefused(VerificationFailure.CREATED_OUTSIDE_WINDOW);

    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST, DevKeys.gatewaySigningKey(),
        DevKeys.GATEWAY_KEY_ID, now.plus(Duration.ofMinutes(6)), COVERED));
    assertRefused(VerificationFailure.CREATED_OUTSIDE_WINDOW);

    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST, DevKeys.gatewaySigningKey(),
        DevKeys.GATEWAY_KEY_ID, now.minus(Duration.ofMinutes(4)), COVERED));
    assertThat(client.trajectories().verified()).isTrue();
  }

  @Test
  void aSignatureThatLeavesOutAComponent_isRefused() {
    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST, DevKeys.gatewaySigningKey(),
        DevKeys.GATEWAY_KEY_ID, Instant.now(), List.of("@status", "content-type", "content-digest")));
    assertRefused(VerificationFailure.MISSING_COMPONENT);
  }

  @Test
  void anUnsignedProblem_isHandedOver_markedNotVerified() throws Exception {
    gateway.respond(request -> FakeGateway.problem(404, "not-found"));

    GatewayResponse response = client.trajectory("t-unknown");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.verified()).isFalse();
    assertThat(response.isProblem()).isTrue();
    assertThat(response.bodyText()).contains("urn:nl-reintegratie:problem:not-found");
  }

  @Test
  void aSignedNon2xx_isVerified_andRefusedWhenTampered() throws Exception {
    gateway.respond(request -> FakeGateway.signed(409, "application/problem+json", BODY));
    assertThat(client.trajectories().verified()).isTrue();

    gateway.respond(request -> FakeGateway.signed(409, "application/problem+json", BODY).withStatus(422));
    assertThatThrownBy(client::trajectories).isInstanceOf(ResponseVerificationException.class);
  }

  @Test
  void aGatewayWhoseCertificateTheClientDoesNotTrust_isNotTalkedTo() {
    ProviderClient trustingOnlyTheJvm = ProviderClient.builder(werkpad, gateway.url(), DevKeys.gatewayKey()).build();
    int before = gateway.received().size();

    assertThatThrownBy(trustingOnlyTheJvm::trajectories).isInstanceOf(SSLHandshakeException.class);
    assertThat(gateway.received()).hasSize(before);
  }

  @Test
  void oneClient_serves32ConcurrentCallers() throws Exception {
    int before = gateway.received().size();
    ExecutorService callers = Executors.newFixedThreadPool(32);
    try {
      List<Future<GatewayResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 160; i++) {
        int n = i;
        calls.add(callers.submit(() -> n % 2 == 0 ? client.trajectories()
            : client.submit("t-" + n, DocumentKind.CONTACT_MOMENT, BODY, "key-" + n)));
      }
      for (Future<GatewayResponse> call : calls) {
        assertThat(call.get().verified()).isTrue();
      }
    } finally {
      callers.shutdownNow();
    }
    List<FakeGateway.Received> received = gateway.received().subList(before, before + 160);
    assertThat(received).allSatisfy(r -> assertThat(gatewayAccepts(r)).isTrue());
    assertThat(received.stream().map(r -> r.header("Signature-Input").replaceAll(".*nonce=\"([^\"]+)\".*", "$1"))
        .distinct().count()).isEqualTo(160);
  }

  static void assertRefused(VerificationFailure failure) {
    assertThatThrownBy(client::trajectories)
        .isInstanceOfSatisfying(ResponseVerificationException.class, e -> assertThat(e.failure()).isEqualTo(failure))
        .hasMessageStartingWith("response ");
  }

  /**
   * The gateway's check of a request, from what it received: target URI = its public origin + the request line's
   * path, headers as they arrived, werkpad's registered public key, the content digest against the body.
   */
  static boolean gatewayAccepts(FakeGateway.Received received) {
    HttpMessage message = new HttpMessage(received.method(), URI.create(gateway.url() + received.rawPathAndQuery()),
        null, received.headers());
    ReceivedSignature signature = ReceivedSignature.allOf(message).get("sig1");
    List<String> required = new ArrayList<>(List.of("@method", "@target-uri"));
    if (received.body().length > 0) {
      required.addAll(List.of("content-digest", "content-type"));
      ContentDigest.verify(received.header("Content-Digest"), received.body());
    }
    if (received.method().equals("POST")) {
      required.add("idempotency-key");
    }
    return signature.params().components().containsAll(required)
        && signature.params().keyId().orElseThrow().equals(werkpad.signingKeyId())
        && Math.abs(signature.params().created().orElseThrow() - Instant.now().getEpochSecond()) < 60
        && Ed25519.verify(DevKeys.providerSigningPublicKey("werkpad"), SignatureBase.build(message, signature.params()),
        signature.signature());
  }
}
