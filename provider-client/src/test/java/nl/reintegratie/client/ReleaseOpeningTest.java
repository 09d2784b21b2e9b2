package nl.reintegratie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.reintegratie.protocol.crypto.ReleaseSealer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code fetchRelease}: a release sealed as the gateway seals it opens to exactly its provider and release id; the
 * response signature is checked before anything is opened.
 */
class ReleaseOpeningTest {

  static final String RELEASE_ID = "2f6b1a52-5c1e-4d8e-9a53-0c3f7d0e2a41";
  static final byte[] DOSSIER = "{\"trajectory\":{\"trajectoryId\":\"t-1\"},\"documents\":[]}"
      .getBytes(StandardCharsets.UTF_8);

  static FakeGateway gateway;
  static ProviderCredentials werkpad;
  static ProviderClient client;

  @BeforeAll
  static void start() throws Exception {
    gateway = FakeGateway.start(request -> FakeGateway.problem(404, "not-found"));
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

  @Test
  void aReleaseSealedToThisProviderAndId_opens() throws Exception {
    serve(ReleaseSealer.seal(DevKeys.providerEncryptionPublicKey("werkpad"), DOSSIER,
        ReleaseSealer.releaseData(RELEASE_ID, "werkpad")).toByteArray());

    assertThat(client.fetchRelease(RELEASE_ID)).isEqualTo(DOSSIER);
    assertThat(gateway.last().rawPathAndQuery()).isEqualTo("/api/v1/releases/" + RELEASE_ID);
  }

  @Test
  void aReleaseSealedToAnotherOrganisationsKey_doesNotOpen() {
    serve(ReleaseSealer.seal(DevKeys.providerEncryptionPublicKey("kansrijk"), DOSSIER,
        ReleaseSealer.releaseData(RELEASE_ID, "werkpad")).toByteArray());

    assertNotOpened();
  }

  @Test
  void aReleaseSealedForAnotherOrganisationId_doesNotOpen_evenWithThisKey() {
    serve(ReleaseSealer.seal(DevKeys.providerEncryptionPublicKey("werkpad"), DOSSIER,
        ReleaseSealer.releaseData(RELEASE_ID, "kansrijk")).toByteArray());

    assertNotOpened();
  }

  @Test
  void anotherReleaseServedUnderThisId_doesNotOpen() {
    serve(ReleaseSealer.seal(DevKeys.providerEncryptionPublicKey("werkpad"), DOSSIER,
        ReleaseSealer.releaseData("another-release", "werkpad")).toByteArray());

    assertNotOpened();
  }

  @Test
  void somethingElseThanASealedRelease_isRefused() {
    gateway.respond(request -> FakeGateway.signed(200, "application/json", DOSSIER));

    assertThatThrownBy(() -> client.fetchRelease(RELEASE_ID)).isInstanceOf(ReleaseOpeningException.class)
        .hasMessageContaining(ProviderClient.SEALED_RELEASE);
  }

  @Test
  void aTamperedResponse_isRefusedBeforeOpening() {
    byte[] envelope = ReleaseSealer.seal(DevKeys.providerEncryptionPublicKey("werkpad"), DOSSIER,
        ReleaseSealer.releaseData(RELEASE_ID, "werkpad")).toByteArray();
    byte[] other = ReleaseSealer.seal(DevKeys.providerEncryptionPublicKey("werkpad"), "{}".getBytes(),
        ReleaseSealer.releaseData(RELEASE_ID, "werkpad")).toByteArray();
    gateway.respond(request -> FakeGateway.signed(200, ProviderClient.SEALED_RELEASE, envelope).withBody(other));

    assertThatThrownBy(() -> client.fetchRelease(RELEASE_ID))
        .isInstanceOfSatisfying(ResponseVerificationException.class,
            e -> assertThat(e.failure()).isEqualTo(VerificationFailure.DIGEST_MISMATCH));
  }

  @Test
  void aProblem_isAProblemResponseException_withTheProblem() {
    gateway.respond(request -> FakeGateway.problem(404, "not-found"));

    assertThatThrownBy(() -> client.fetchRelease(RELEASE_ID))
        .isInstanceOfSatisfying(ProblemResponseException.class, e -> {
          assertThat(e.response().status()).isEqualTo(404);
          assertThat(e.response().bodyText()).contains("not-found");
        });
  }

  static void serve(byte[] envelope) {
    gateway.respond(request -> FakeGateway.signed(200, ProviderClient.SEALED_RELEASE, envelope));
  }

  static void assertNotOpened() {
    assertThatThrownBy(() -> client.fetchRelease(RELEASE_ID)).isInstanceOf(ReleaseOpeningException.class)
        .hasMessageContaining(RELEASE_ID).hasMessageContaining("werkpad");
  }
}
