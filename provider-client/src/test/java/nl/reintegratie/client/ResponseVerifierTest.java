package nl.reintegratie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks of {@link ResponseVerifier} that need no HTTP: parameters, several signatures, the skew setting. */
class ResponseVerifierTest {

  static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
  static final List<String> COVERED = ResponseVerifier.COVERED;

  final ResponseVerifier verifier = new ResponseVerifier(DevKeys.gatewayKey(), Duration.ofMinutes(5),
      Clock.systemUTC());

  @Test
  void theGatewaysOwnSignature_verifies() {
    assertThat(verify(FakeGateway.signed(200, "application/json", BODY))).isTrue();
  }

  @Test
  void aSecondSignatureUnderAnotherKeyId_isIgnored_butTwoUnderTheGatewaysAreAmbiguous() {
    FakeGateway.Reply gateway = FakeGateway.signed(200, "application/json", BODY);
    FakeGateway.Reply proxy = FakeGateway.signed(200, "application/json", BODY, DevKeys.providerSigningKey("kansrijk"),
        "proxy-1", Instant.now(), COVERED);
    FakeGateway.Reply both = gateway
        .withHeader("Signature-Input", gateway.headers().get("Signature-Input") + ", "
            + proxy.headers().get("Signature-Input").replace("gateway=", "proxy="))
        .withHeader("Signature", gateway.headers().get("Signature") + ", "
            + proxy.headers().get("Signature").replace("gateway=", "proxy="));
    assertThat(verify(both)).isTrue();

    FakeGateway.Reply twice = gateway
        .withHeader("Signature-Input", gateway.headers().get("Signature-Input") + ", "
            + gateway.headers().get("Signature-Input").replace("gateway=", "again="))
        .withHeader("Signature", gateway.headers().get("Signature") + ", "
            + gateway.headers().get("Signature").replace("gateway=", "again="));
    assertRefused(twice, VerificationFailure.MALFORMED);
  }

  @Test
  void garbledSignatureFields_areMalformed() {
    FakeGateway.Reply reply = FakeGateway.signed(200, "application/json", BODY);
    assertRefused(reply.withHeader("Signature", "gateway=not base64"), VerificationFailure.MALFORMED);
    assertRefused(reply.withoutHeader("Signature"), VerificationFailure.MALFORMED);
  }

  @Test
  void anAlgOtherThanEd25519_isRefused() {
    FakeGateway.Reply reply = FakeGateway.signed(200, "application/json", BODY);
    String input = reply.headers().get("Signature-Input") + ";alg=\"hmac-sha256\"";
    assertRefused(reply.withHeader("Signature-Input", input), VerificationFailure.ALGORITHM_MISMATCH);
  }

  @Test
  void theSkewIsConfigurable() {
    FakeGateway.Reply old = FakeGateway.signed(200, "application/json", BODY, DevKeys.gatewaySigningKey(),
        DevKeys.GATEWAY_KEY_ID, Instant.now().minus(Duration.ofMinutes(20)), COVERED);
    assertRefused(old, VerificationFailure.CREATED_OUTSIDE_WINDOW);

    ResponseVerifier lenient = new ResponseVerifier(DevKeys.gatewayKey(), Duration.ofMinutes(30), Clock.systemUTC());
    assertThat(lenient.verify(old.status(), headers(old), old.body())).isTrue();
  }

  @Test
  void anUnsignedResponse_isRefusedFor2xxOnly() {
    FakeGateway.Reply problem = FakeGateway.problem(503, "service-unavailable");
    assertThat(verify(problem)).isFalse();
    assertRefused(problem.withStatus(204), VerificationFailure.UNSIGNED);
  }

  boolean verify(FakeGateway.Reply reply) {
    return verifier.verify(reply.status(), headers(reply), reply.body());
  }

  void assertRefused(FakeGateway.Reply reply, VerificationFailure failure) {
    assertThatThrownBy(() -> verify(reply)).isInstanceOfSatisfying(ResponseVerificationException.class,
        e -> assertThat(e.failure()).as(e.getMessage()).isEqualTo(failure));
  }

  static Map<String, List<String>> headers(FakeGateway.Reply reply) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    reply.headers().forEach((name, value) -> headers.put(name, List.of(value)));
    return headers;
  }
}
