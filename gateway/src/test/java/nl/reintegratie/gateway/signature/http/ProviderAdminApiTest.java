package nl.reintegratie.gateway.signature.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.testsupport.CapturedLogs;
import nl.reintegratie.gateway.testsupport.DemoAccounts;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import nl.reintegratie.gateway.testsupport.PortalBrowser;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.MessageSigner;
import nl.reintegratie.protocol.signature.SignatureParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The supervisors' provider registry end to end: a real gateway (dev profile, so werkpad, kansrijk and startlijn
 * are registered with their keys-dev keys, and kansrijk with its folder's health data attestation), demo users logged in through the real Keycloak like a browser, and
 * provider requests signed with real keys. What a supervisor sees, what everyone else gets, and what a provider
 * notices of each change: its next signed request.
 */
@Timeout(300)
class ProviderAdminApiTest {

  static final String PROVIDERS = "/api/v1/providers";
  static final String KANSRIJK_KEY_ID = "kansrijk-ed25519-2026-1";
  static final String STARTLIJN_KEY_ID = "startlijn-ed25519-2026-1";
  static final String WERKPAD_KEY_ID = "werkpad-ed25519-2026-1";
  static final String LOGIN_REQUIRED = ProblemType.LOGIN_REQUIRED.uri();
  static final String FORBIDDEN = ProblemType.FORBIDDEN.uri();
  static final String CSRF = ProblemType.CSRF_REJECTED.uri();
  static final String INVALID_BODY = ProblemType.INVALID_BODY.uri();
  static final Map<String, String> PORTAL = Map.of("X-Portal-Request", "1");
  static final String KANSRIJK_ATTESTATION = PROVIDERS + "/kansrijk/health-data-attestation";

  @TempDir
  static Path storeDir;
  static Vertx vertx;
  static TestGateway gateway;
  static WebClient client;
  static PortalBrowser supervisor;
  static PortalBrowser casemanager;
  static PortalBrowser fatima;
  static CapturedLogs LOGS;

  @BeforeAll
  static void start() throws Exception {
    LOGS = CapturedLogs.ofRoot();
    KeycloakTestServer keycloak = KeycloakTestServer.get(KeycloakTestServer.gatewayBaseUrl());
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, storeDir, keycloak.issuer(), KeycloakTestServer.gatewayPort());
    client = gateway.client();
    supervisor = loggedIn(DemoAccounts.SUPERVISOR);
    casemanager = loggedIn(DemoAccounts.CASE_MANAGER);
    fatima = loggedIn(DemoAccounts.FATIMA);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await();
    LOGS.close();
  }

  static PortalBrowser loggedIn(DemoAccounts.Account account) throws Exception {
    return PortalBrowser.loggedIn(gateway.url(), account);
  }

  // ------------------------------------------------------------------------------------------ who may

  /** Every route, with a request that would succeed for a supervisor. */
  static Stream<Arguments> everyRoute() {
    String revocation = PROVIDERS + "/kansrijk/signing-keys/" + KANSRIJK_KEY_ID + "/revocation";
    return Stream.of(
        Arguments.of("GET", PROVIDERS, null),
        Arguments.of("POST", PROVIDERS, "register"),
        Arguments.of("GET", PROVIDERS + "/kansrijk", null),
        Arguments.of("POST", PROVIDERS + "/kansrijk/signing-keys", "key"),
        Arguments.of("GET", PROVIDERS + "/kansrijk/signing-keys/" + KANSRIJK_KEY_ID, null),
        Arguments.of("POST", revocation, null),
        Arguments.of("PUT", KANSRIJK_ATTESTATION, "attestation"),
        Arguments.of("DELETE", KANSRIJK_ATTESTATION, null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRoute")
  void everyRoute_withoutALogin_isLoginRequired_andChangesNothing(String method, String path, String body)
      throws Exception {
    String providerId = "anoniem-" + shortId();
    PortalBrowser anonymous = new PortalBrowser(gateway.url());

    HttpResponse<String> response = anonymous.send(method, path, body(body, providerId), PORTAL);

    assertProblemJson(response, 401, LOGIN_REQUIRED);
    assertThat(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId).statusCode()).isEqualTo(404);
    assertThat(signedGet(devKey("kansrijk"), KANSRIJK_KEY_ID).statusCode()).isEqualTo(200);
    assertKansrijkKeepsItsFolderAttestation();
  }

  static Stream<Arguments> everyRouteForEveryoneButASupervisor() {
    return Stream.of("fatima", "casemanager").flatMap(user -> everyRoute()
        .map(route -> Arguments.of(user, route.get()[0], route.get()[1], route.get()[2])));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("everyRouteForEveryoneButASupervisor")
  void everyRoute_forAClientOrACommissioner_isForbidden_andChangesNothing(String user, String method, String path,
                                                                          String body) throws Exception {
    PortalBrowser browser = user.equals("fatima") ? fatima : casemanager;
    String providerId = "rol-" + shortId();

    HttpResponse<String> response = browser.send(method, path, body(body, providerId), PORTAL);

    assertProblemJson(response, 403, FORBIDDEN);
    assertThat(new JsonObject(response.body()).getString("detail")).isEqualTo("Dit mag alleen een toezichthouder.");
    assertThat(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId).statusCode()).isEqualTo(404);
    assertThat(signedGet(devKey("kansrijk"), KANSRIJK_KEY_ID).statusCode()).isEqualTo(200);
    assertKansrijkKeepsItsFolderAttestation();
  }

  @Test
  void forbidden_isExplainedInEnglish_whenAskedFor() throws Exception {
    HttpResponse<String> response = casemanager.send("GET", PROVIDERS, null, Map.of("Accept-Language", "en"));

    assertProblemJson(response, 403, FORBIDDEN);
    assertThat(new JsonObject(response.body()).getString("title")).isEqualTo("This action is not allowed");
    assertThat(new JsonObject(response.body()).getString("detail")).isEqualTo("Only a supervisor may do this.");
  }

  @Test
  void afterLogout_theSessionOpensNothing() throws Exception {
    PortalBrowser browser = loggedIn(DemoAccounts.SUPERVISOR);
    assertThat(browser.get(gateway.url() + PROVIDERS).statusCode()).isEqualTo(200);

    assertThat(browser.portalPost("/bff/logout").statusCode()).isEqualTo(200);

    assertProblemJson(browser.get(gateway.url() + PROVIDERS), 401, LOGIN_REQUIRED);
  }

  // ------------------------------------------------------------------------------------------ CSRF

  @Test
  void registrationWithoutThePortalHeader_isRefusedAsCrossSite_andNothingIsStored() throws Exception {
    String providerId = "csrf-" + shortId();

    HttpResponse<String> response = supervisor.send("POST", PROVIDERS, registration(providerId), Map.of());

    assertProblemJson(response, 403, CSRF);
    assertThat(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId).statusCode()).isEqualTo(404);
  }

  @Test
  void registrationFromAnotherOrigin_isRefusedAsCrossSite_andNothingIsStored() throws Exception {
    String providerId = "csrf-" + shortId();

    HttpResponse<String> foreignOrigin = supervisor.send("POST", PROVIDERS, registration(providerId),
        Map.of("X-Portal-Request", "1", "Origin", "https://evil.example"));
    HttpResponse<String> crossSiteFetch = supervisor.send("POST", PROVIDERS, registration(providerId),
        Map.of("X-Portal-Request", "1", "Sec-Fetch-Site", "cross-site"));

    assertProblemJson(foreignOrigin, 403, CSRF);
    assertProblemJson(crossSiteFetch, 403, CSRF);
    assertThat(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId).statusCode()).isEqualTo(404);
  }

  @Test
  void revocationWithoutThePortalHeader_isRefused_andTheKeyStillSigns() throws Exception {
    String path = PROVIDERS + "/startlijn/signing-keys/" + STARTLIJN_KEY_ID + "/revocation";

    HttpResponse<String> response = supervisor.send("POST", path, null, Map.of("Origin", gateway.url()));

    assertProblemJson(response, 403, CSRF);
    assertThat(signedGet(devKey("startlijn"), STARTLIJN_KEY_ID).statusCode()).isEqualTo(200);
    JsonObject key = json(supervisor.get(gateway.url() + PROVIDERS + "/startlijn/signing-keys/" + STARTLIJN_KEY_ID));
    assertThat(key.getBoolean("revoked")).isFalse();
  }

  // ------------------------------------------------------------------------------------------ reading

  @Test
  void theList_showsEveryProviderWithItsKeys_andFingerprintsAsOpensslPrintsThem() throws Exception {
    HttpResponse<String> response = supervisor.get(gateway.url() + PROVIDERS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonArray providers = new JsonObject(response.body()).getJsonArray("providers");
    assertThat(providers.stream().map(p -> ((JsonObject) p).getString("providerId")))
        .contains("kansrijk", "startlijn", "werkpad");
    JsonObject kansrijk = provider(providers, "kansrijk");
    assertThat(kansrijk.getString("name")).isEqualTo("Kansrijk Werk & Talent B.V.");
    assertThat(kansrijk.getString("kvkNumber")).isEqualTo("92345678");
    assertThat(kansrijk.getString("oin")).isEqualTo("00000003923456780000");
    assertThat(kansrijk.getBoolean("active")).isTrue();
    assertThat(kansrijk.getJsonObject("encryptionKey").getString("fingerprint"))
        .isEqualTo(fingerprintOfFile("providers/kansrijk/encryption-x25519.pub"));
    JsonObject key = kansrijk.getJsonArray("signingKeys").getJsonObject(0);
    assertThat(key.getString("keyId")).isEqualTo(KANSRIJK_KEY_ID);
    assertThat(key.getString("algorithm")).isEqualTo("ed25519");
    assertThat(key.getString("fingerprint")).isEqualTo(fingerprintOfFile("providers/kansrijk/signing-ed25519.pub"));
    assertThat(Base64.getDecoder().decode(key.getString("publicKey")))
        .isEqualTo(devKey("kansrijk").publicKey());
    assertThat(Instant.parse(key.getString("validUntil"))).isAfter(Instant.parse(key.getString("validFrom")));
    assertThat(key.getBoolean("revoked")).isFalse();
    assertThat(key.containsKey("revokedAt")).isFalse();
  }

  @Test
  void unknownProviders_andKeysOfAnotherProvider_areNotFound_andAreNotRevoked() throws Exception {
    String kansrijkKeyUnderStartlijn = PROVIDERS + "/startlijn/signing-keys/" + KANSRIJK_KEY_ID;

    assertProblemJson(supervisor.get(gateway.url() + PROVIDERS + "/bestaat-niet"), 404,
        ProblemType.NOT_FOUND.uri());
    assertProblemJson(supervisor.get(gateway.url() + kansrijkKeyUnderStartlijn), 404, ProblemType.NOT_FOUND.uri());
    assertProblemJson(supervisor.portalPost(kansrijkKeyUnderStartlijn + "/revocation", null), 404,
        ProblemType.NOT_FOUND.uri());
    assertProblemJson(supervisor.portalPost(PROVIDERS + "/kansrijk/signing-keys/bestaat-niet/revocation", null), 404,
        ProblemType.NOT_FOUND.uri());
    assertProblemJson(supervisor.portalPost(PROVIDERS + "/bestaat-niet/signing-keys", signingKey(newKeyId(),
        pem(newEd25519().getPublic().getEncoded()))), 404, ProblemType.NOT_FOUND.uri());

    assertThat(signedGet(devKey("kansrijk"), KANSRIJK_KEY_ID).statusCode()).isEqualTo(200);
  }

  // ------------------------------------------------------------------------------------------ registering

  @Test
  void registration_isStored_andTheNewKeySignsRequestsAtOnce() throws Exception {
    String providerId = "nieuw-" + shortId();
    KeyPair signing = newEd25519();
    KeyPair encryption = KeyPairGenerator.getInstance("X25519").generateKeyPair();
    String keyId = newKeyId();

    HttpResponse<String> response = supervisor.portalPost(PROVIDERS, registration(providerId, "Nieuw Werk B.V.",
        "90000017", oin(), pem(encryption.getPublic().getEncoded()), keyId, pem(signing.getPublic().getEncoded())));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).contains(PROVIDERS + "/" + providerId);
    JsonObject created = new JsonObject(response.body());
    assertThat(created.getString("providerId")).isEqualTo(providerId);
    assertThat(created.getString("name")).isEqualTo("Nieuw Werk B.V.");
    assertThat(created.getBoolean("active")).isTrue();
    assertThat(created.getJsonObject("encryptionKey").getString("fingerprint"))
        .isEqualTo(sha256Hex(encryption.getPublic().getEncoded()));
    JsonObject key = created.getJsonArray("signingKeys").getJsonObject(0);
    assertThat(key.getString("keyId")).isEqualTo(keyId);
    assertThat(key.getString("fingerprint")).isEqualTo(sha256Hex(signing.getPublic().getEncoded()));
    assertThat(json(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId))).isEqualTo(created);

    var signed = signedGet(Ed25519SigningKey.fromPkcs8(signing.getPrivate().getEncoded()), keyId);
    assertThat(signed.statusCode()).as(signed.bodyAsString()).isEqualTo(200);
    assertThat(signed.bodyAsJsonObject().getJsonArray("trajectories")).isEmpty();
  }

  @Test
  void registration_isLoggedWithWhoDidIt_butWithoutKeyMaterial() throws Exception {
    String providerId = "logboek-" + shortId();
    KeyPair signing = newEd25519();
    String keyId = newKeyId();

    HttpResponse<String> response = supervisor.portalPost(PROVIDERS, registration(providerId, "Logboek B.V.",
        "90000017", oin(), x25519Pem(), keyId, pem(signing.getPublic().getEncoded())));

    assertThat(response.statusCode()).isEqualTo(201);
    String supervisorSubject = loggedLines().stream()
        .filter(line -> line.contains("event=portal-login") && line.contains("SUPERVISOR"))
        .map(line -> field(line, "subject")).findFirst().orElseThrow();
    String registered = loggedLines().stream()
        .filter(line -> line.contains("event=provider-registered") && line.contains("provider=" + providerId))
        .findFirst().orElseThrow();
    assertThat(field(registered, "by")).isEqualTo(supervisorSubject);
    assertThat(registered).contains("byOrganisation=gemeente-deventer", "signingKeyId=" + keyId);
    String publicKeyBase64 = Base64.getEncoder().encodeToString(signing.getPublic().getEncoded());
    String rawBase64 = new JsonObject(response.body()).getJsonArray("signingKeys").getJsonObject(0)
        .getString("publicKey");
    assertThat(String.join("\n", loggedLines())).doesNotContain(publicKeyBase64, rawBase64,
        publicKeyBase64.substring(16, 40), "Anouk", "Smit");
  }

  @Test
  void wrongKvkAndOin_areListedTogether_andNothingIsStored() throws Exception {
    String providerId = "fout-" + shortId();

    HttpResponse<String> response = supervisor.portalPost(PROVIDERS, registration(providerId, "Fout B.V.",
        "1234567", "0000000391234567000", x25519Pem(), newKeyId(), pem(newEd25519().getPublic().getEncoded())));

    assertProblemJson(response, 400, INVALID_BODY);
    assertThat(pointers(response)).containsExactlyInAnyOrder("/kvkNumber", "/oin");
    assertThat(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId).statusCode()).isEqualTo(404);
  }

  @Test
  void keysThatAreNoUsableCurvePoints_areRefusedTogether_andNothingIsStored() throws Exception {
    String providerId = "punt-" + shortId();
    // 01 00 .. 00: the Ed25519 identity point, and u = 1, an X25519 point of low order; both pass the schema
    String one = Base64.getEncoder().encodeToString(littleEndianOne());

    HttpResponse<String> response = supervisor.portalPost(PROVIDERS, registration(providerId, "Punt B.V.",
        "90000017", oin(), one, newKeyId(), one));

    assertProblemJson(response, 400, INVALID_BODY);
    assertThat(pointers(response)).containsExactlyInAnyOrder("/encryptionKey", "/signingKey/publicKey");
    assertThat(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId).statusCode()).isEqualTo(404);
  }

  @Test
  void anExistingProviderId_oin_orKeyId_isAConflict_andNothingIsStored() throws Exception {
    String signingPem = pem(newEd25519().getPublic().getEncoded());
    String freshId = "dubbel-" + shortId();

    HttpResponse<String> sameId = supervisor.portalPost(PROVIDERS, registration("werkpad", "Andere Naam B.V.",
        "90000017", oin(), x25519Pem(), newKeyId(), signingPem));
    HttpResponse<String> sameOin = supervisor.portalPost(PROVIDERS, registration(freshId, "Dubbel B.V.",
        "90000017", "00000003923456780000", x25519Pem(), newKeyId(), signingPem));
    HttpResponse<String> sameKeyId = supervisor.portalPost(PROVIDERS, registration(freshId, "Dubbel B.V.",
        "90000017", oin(), x25519Pem(), KANSRIJK_KEY_ID, signingPem));

    assertProblemJson(sameId, 409, ProblemType.CONFLICT.uri());
    assertProblemJson(sameOin, 409, ProblemType.CONFLICT.uri());
    assertProblemJson(sameKeyId, 409, ProblemType.CONFLICT.uri());
    assertThat(json(supervisor.get(gateway.url() + PROVIDERS + "/werkpad")).getString("name"))
        .isEqualTo("Werkpad Re-integratie B.V.");
    assertThat(supervisor.get(gateway.url() + PROVIDERS + "/" + freshId).statusCode()).isEqualTo(404);
    assertThat(signedGet(devKey("kansrijk"), KANSRIJK_KEY_ID).statusCode()).isEqualTo(200);
  }

  // ------------------------------------------------------------------------------------------ adding keys

  @Test
  void anAddedKey_isShownAtItsLocation_andSignsRequestsAtOnce() throws Exception {
    KeyPair next = newEd25519();
    String keyId = newKeyId();

    HttpResponse<String> response = supervisor.portalPost(PROVIDERS + "/startlijn/signing-keys",
        signingKey(keyId, pem(next.getPublic().getEncoded())));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo(PROVIDERS + "/startlijn/signing-keys/" + keyId);
    assertThat(json(supervisor.get(gateway.url() + location))).isEqualTo(new JsonObject(response.body()));
    assertThat(new JsonObject(response.body()).getString("fingerprint"))
        .isEqualTo(sha256Hex(next.getPublic().getEncoded()));
    assertThat(json(supervisor.get(gateway.url() + PROVIDERS + "/startlijn")).getJsonArray("signingKeys").stream()
        .map(k -> ((JsonObject) k).getString("keyId"))).contains(STARTLIJN_KEY_ID, keyId);
    assertThat(signedGet(Ed25519SigningKey.fromPkcs8(next.getPrivate().getEncoded()), keyId).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aKeyIdOfAnotherProvider_isAConflict_andBothKeysStayAsTheyWere() throws Exception {
    int keysBefore = startlijnKeyCount();

    HttpResponse<String> response = supervisor.portalPost(PROVIDERS + "/startlijn/signing-keys",
        signingKey(KANSRIJK_KEY_ID, pem(newEd25519().getPublic().getEncoded())));

    assertProblemJson(response, 409, ProblemType.CONFLICT.uri());
    assertThat(startlijnKeyCount()).isEqualTo(keysBefore);
    assertThat(json(supervisor.get(gateway.url() + PROVIDERS + "/kansrijk/signing-keys/" + KANSRIJK_KEY_ID))
        .getString("fingerprint")).isEqualTo(fingerprintOfFile("providers/kansrijk/signing-ed25519.pub"));
  }

  @Test
  void anX25519KeyAsSigningKey_andAnEmptyPeriod_areInvalid_andNothingIsStored() throws Exception {
    int keysBefore = startlijnKeyCount();

    HttpResponse<String> wrongAlgorithm = supervisor.portalPost(PROVIDERS + "/startlijn/signing-keys",
        signingKey(newKeyId(), x25519Pem()));
    HttpResponse<String> endBeforeStart = supervisor.portalPost(PROVIDERS + "/startlijn/signing-keys",
        new JsonObject(signingKey(newKeyId(), pem(newEd25519().getPublic().getEncoded())))
            .put("validFrom", "2027-01-01T00:00:00+01:00").put("validUntil", "2026-12-31T00:00:00+01:00").encode());
    HttpResponse<String> alreadyOver = supervisor.portalPost(PROVIDERS + "/startlijn/signing-keys",
        new JsonObject(signingKey(newKeyId(), pem(newEd25519().getPublic().getEncoded())))
            .put("validFrom", "2020-01-01T00:00:00Z").put("validUntil", "2021-01-01T00:00:00Z").encode());

    assertProblemJson(wrongAlgorithm, 400, INVALID_BODY);
    assertThat(pointers(wrongAlgorithm)).containsExactly("/publicKey");
    assertProblemJson(endBeforeStart, 400, INVALID_BODY);
    assertThat(pointers(endBeforeStart)).containsExactly("/validUntil");
    assertProblemJson(alreadyOver, 400, INVALID_BODY);
    assertThat(pointers(alreadyOver)).containsExactly("/validUntil");
    assertThat(startlijnKeyCount()).isEqualTo(keysBefore);
  }

  // ------------------------------------------------------------------------------------------ revoking

  @Test
  void revokingWerkpadsKey_refusesItsVeryNextSignedRequest_andTheListShowsIt() throws Exception {
    Ed25519SigningKey werkpad = devKey("werkpad");
    String revocation = PROVIDERS + "/werkpad/signing-keys/" + WERKPAD_KEY_ID + "/revocation";
    assertThat(signedGet(werkpad, WERKPAD_KEY_ID).statusCode()).isEqualTo(200);
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    HttpResponse<String> revoked = supervisor.portalPost(revocation, null);

    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    JsonObject key = new JsonObject(revoked.body());
    assertThat(key.getString("keyId")).isEqualTo(WERKPAD_KEY_ID);
    assertThat(key.getBoolean("revoked")).isTrue();
    Instant revokedAt = Instant.parse(key.getString("revokedAt"));
    assertThat(revokedAt).isBetween(before, Instant.now());

    var next = signedGet(werkpad, WERKPAD_KEY_ID);
    assertThat(next.statusCode()).isEqualTo(401);
    assertThat(next.bodyAsJsonObject().getString("type")).isEqualTo(ProblemType.SIGNATURE_REVOKED_KEY.uri());

    HttpResponse<String> again = supervisor.portalPost(revocation, null);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(again.body())).isEqualTo(key);

    JsonObject listed = provider(json(supervisor.get(gateway.url() + PROVIDERS)).getJsonArray("providers"), "werkpad")
        .getJsonArray("signingKeys").getJsonObject(0);
    assertThat(listed.getBoolean("revoked")).isTrue();
    assertThat(listed.getString("revokedAt")).isEqualTo(revokedAt.toString());
    assertThat(signedGet(werkpad, WERKPAD_KEY_ID).statusCode()).isEqualTo(401);
    assertThat(loggedLines()).anySatisfy(line -> assertThat(line)
        .contains("event=provider-signing-key-revoked", "keyId=" + WERKPAD_KEY_ID, "alreadyRevoked=false"));
    assertThat(loggedLines()).anySatisfy(line -> assertThat(line)
        .contains("event=provider-signing-key-revoked", "keyId=" + WERKPAD_KEY_ID, "alreadyRevoked=true"));
  }

  // ------------------------------------------------------------------------------------------ health data attestation

  /** The demo's premise: health data may be released to kansrijk (its folder attests it), never to werkpad. */
  @Test
  void kansrijk_attestsHealthDataByItsFolder_forTwoYears_andWerkpadDoesNot() throws Exception {
    LocalDate today = LocalDate.now(NETHERLANDS);

    JsonObject kansrijk = json(supervisor.get(gateway.url() + PROVIDERS + "/kansrijk"))
        .getJsonObject("healthDataAttestation");
    JsonObject werkpad = json(supervisor.get(gateway.url() + PROVIDERS + "/werkpad"));

    String folderReference = new JsonObject(Files.readString(ProjectFiles.keysDev()
        .resolve("providers/kansrijk/provider.json"))).getString("healthDataAttestationReference");
    assertThat(kansrijk.getString("reference")).isEqualTo(folderReference);
    assertThat(kansrijk.getString("recordedBy")).isEqualTo("provider-folder");
    LocalDate attestedOn = LocalDate.parse(kansrijk.getString("attestedOn"));
    LocalDate validUntil = LocalDate.parse(kansrijk.getString("validUntil"));
    assertThat(attestedOn).isBeforeOrEqualTo(today);
    assertThat(validUntil).isEqualTo(attestedOn.plusYears(2)).isAfter(today.plusYears(2).minusDays(3));
    assertThat(werkpad.containsKey("healthDataAttestation")).isFalse();
    assertThat(provider(json(supervisor.get(gateway.url() + PROVIDERS)).getJsonArray("providers"), "kansrijk")
        .getJsonObject("healthDataAttestation")).isEqualTo(kansrijk);
  }

  @Test
  void aSupervisor_records_replaces_andWithdrawsAnAttestation_eachShownAtOnce_andLoggedWithTheirSubject()
      throws Exception {
    String providerId = registeredProvider("vgv");
    String path = PROVIDERS + "/" + providerId + "/health-data-attestation";
    LocalDate today = LocalDate.now(NETHERLANDS);
    JsonObject before = json(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId));
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    HttpResponse<String> recorded = supervisor.send("PUT", path,
        attestation(today.minusDays(10), today.minusDays(10).plusYears(3), "PR-VGV-2026-001"), PORTAL);

    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    assertThat(recorded.headers().firstValue("Content-Type")).contains("application/json");
    JsonObject shown = new JsonObject(recorded.body());
    assertThat(shown.getString("providerId")).isEqualTo(providerId);
    assertThat(shown.getJsonArray("signingKeys")).isEqualTo(before.getJsonArray("signingKeys"));
    JsonObject attestation = shown.getJsonObject("healthDataAttestation");
    assertThat(attestation.getString("attestedOn")).isEqualTo(today.minusDays(10).toString());
    assertThat(attestation.getString("validUntil")).isEqualTo(today.minusDays(10).plusYears(3).toString());
    assertThat(attestation.getString("reference")).isEqualTo("PR-VGV-2026-001");
    assertThat(attestation.getString("recordedBy")).isEqualTo(supervisorSubject());
    assertThat(Instant.parse(attestation.getString("recordedAt"))).isBetween(start, Instant.now());
    assertThat(json(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId))).isEqualTo(shown);
    assertThat(provider(json(supervisor.get(gateway.url() + PROVIDERS)).getJsonArray("providers"), providerId))
        .isEqualTo(shown);

    HttpResponse<String> replaced = supervisor.send("PUT", path,
        attestation(today, today.plusYears(1), "PR-VGV-2026-002"), PORTAL);

    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(new JsonObject(replaced.body()).getJsonObject("healthDataAttestation").getString("reference"))
        .isEqualTo("PR-VGV-2026-002");

    HttpResponse<String> withdrawn = supervisor.send("DELETE", path, null, PORTAL);

    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(204);
    assertThat(withdrawn.body()).isEmpty();
    JsonObject after = json(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId));
    assertThat(after.containsKey("healthDataAttestation")).isFalse();
    assertThat(after).isEqualTo(before);
    assertThat(supervisor.send("DELETE", path, null, PORTAL).statusCode()).isEqualTo(204);

    String subject = supervisorSubject();
    List<String> lines = loggedLines().stream().filter(line -> line.contains("provider=" + providerId)).toList();
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("event=provider-health-data-attested",
        "by=" + subject, "byOrganisation=", "reference=PR-VGV-2026-001", "attestedOn=" + today.minusDays(10)));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("event=provider-health-data-attested",
        "by=" + subject, "reference=PR-VGV-2026-002"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains(
        "event=provider-health-data-attestation-withdrawn", "by=" + subject, "reference=PR-VGV-2026-002",
        "alreadyWithdrawn=false"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains(
        "event=provider-health-data-attestation-withdrawn", "by=" + subject, "reference=-", "alreadyWithdrawn=true"));
    assertThat(String.join("\n", loggedLines())).doesNotContain("Anouk", "Smit");
  }

  @Test
  void invalidAttestations_listEveryFailingField_andNothingIsStored() throws Exception {
    String providerId = registeredProvider("ongeldig");
    String path = PROVIDERS + "/" + providerId + "/health-data-attestation";
    LocalDate today = LocalDate.now(NETHERLANDS);

    HttpResponse<String> empty = supervisor.send("PUT", path, "{}", PORTAL);
    HttpResponse<String> freeText = supervisor.send("PUT", path, new JsonObject(attestation(today, today.plusYears(1),
        "999993653")).put("note", "getekend door de directeur").encode(), PORTAL);
    HttpResponse<String> futureAndTooLong = supervisor.send("PUT", path,
        attestation(today.plusDays(1), today.plusDays(1).plusYears(3).plusDays(1), "PR-1"), PORTAL);
    HttpResponse<String> endsWhenSigned = supervisor.send("PUT", path, attestation(today, today, "PR-1"), PORTAL);
    HttpResponse<String> over = supervisor.send("PUT", path,
        attestation(LocalDate.parse("2020-01-01"), LocalDate.parse("2021-01-01"), "PR-1"), PORTAL);
    HttpResponse<String> noSuchDay = supervisor.send("PUT", path,
        new JsonObject(attestation(today, today.plusYears(1), "PR-1")).put("attestedOn", "2026-02-30").encode(),
        PORTAL);

    assertProblemJson(empty, 400, INVALID_BODY);
    assertThat(pointers(empty)).containsExactlyInAnyOrder("/attestedOn", "/validUntil", "/reference");
    assertProblemJson(freeText, 400, INVALID_BODY);
    assertThat(pointers(freeText)).containsExactlyInAnyOrder("/reference", "/note");
    assertProblemJson(futureAndTooLong, 400, INVALID_BODY);
    assertThat(pointers(futureAndTooLong)).containsExactlyInAnyOrder("/attestedOn", "/validUntil");
    assertProblemJson(endsWhenSigned, 400, INVALID_BODY);
    assertThat(pointers(endsWhenSigned)).containsExactly("/validUntil");
    assertProblemJson(over, 400, INVALID_BODY);
    assertThat(pointers(over)).containsExactly("/validUntil");
    assertProblemJson(noSuchDay, 400, INVALID_BODY);
    assertThat(pointers(noSuchDay)).containsExactly("/attestedOn");
    assertThat(details(futureAndTooLong)).containsExactlyInAnyOrder(
        "Deze dag is nog niet geweest: vul de dag in waarop de verklaring is ondertekend.",
        "Een verklaring geldt hoogstens drie jaar na attestedOn. Vraag daarna een nieuwe.");
    assertThat(json(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId))
        .containsKey("healthDataAttestation")).isFalse();
    assertThat(String.join("\n", loggedLines())).doesNotContain("getekend", "999993653");
  }

  @Test
  void invalidAttestations_areExplainedInEnglish_whenAskedFor() throws Exception {
    String providerId = registeredProvider("engels");
    LocalDate today = LocalDate.now(NETHERLANDS);

    HttpResponse<String> response = supervisor.send("PUT", PROVIDERS + "/" + providerId + "/health-data-attestation",
        attestation(today.minusYears(2), today.minusDays(1), "PR-1"),
        Map.of("X-Portal-Request", "1", "Accept-Language", "en"));

    assertProblemJson(response, 400, INVALID_BODY);
    assertThat(details(response)).containsExactly("This day has passed: the statement would never apply.");
  }

  @Test
  void anUnknownProvider_isNotFound_forRecordingAndWithdrawing_andIsNotRegisteredByIt() throws Exception {
    String path = PROVIDERS + "/bestaat-niet-" + shortId() + "/health-data-attestation";
    LocalDate today = LocalDate.now(NETHERLANDS);

    assertProblemJson(supervisor.send("PUT", path, attestation(today, today.plusYears(1), "PR-1"), PORTAL), 404,
        ProblemType.NOT_FOUND.uri());
    assertProblemJson(supervisor.send("DELETE", path, null, PORTAL), 404, ProblemType.NOT_FOUND.uri());
    assertThat(supervisor.get(gateway.url() + path.substring(0, path.lastIndexOf('/'))).statusCode()).isEqualTo(404);
  }

  @Test
  void attestationChanges_fromOutsideThePortal_areRefusedAsCrossSite_andChangeNothing() throws Exception {
    String providerId = registeredProvider("csrf");
    LocalDate today = LocalDate.now(NETHERLANDS);
    String body = attestation(today, today.plusYears(1), "PR-1");

    HttpResponse<String> putWithoutHeader = supervisor.send("PUT",
        PROVIDERS + "/" + providerId + "/health-data-attestation", body, Map.of());
    HttpResponse<String> deleteWithoutHeader = supervisor.send("DELETE", KANSRIJK_ATTESTATION, null, Map.of());
    HttpResponse<String> deleteFromElsewhere = supervisor.send("DELETE", KANSRIJK_ATTESTATION, null,
        Map.of("X-Portal-Request", "1", "Origin", "https://evil.example"));
    HttpResponse<String> deleteCrossSite = supervisor.send("DELETE", KANSRIJK_ATTESTATION, null,
        Map.of("X-Portal-Request", "1", "Sec-Fetch-Site", "cross-site"));

    assertProblemJson(putWithoutHeader, 403, CSRF);
    assertProblemJson(deleteWithoutHeader, 403, CSRF);
    assertProblemJson(deleteFromElsewhere, 403, CSRF);
    assertProblemJson(deleteCrossSite, 403, CSRF);
    assertThat(json(supervisor.get(gateway.url() + PROVIDERS + "/" + providerId))
        .containsKey("healthDataAttestation")).isFalse();
    assertKansrijkKeepsItsFolderAttestation();
  }

  // ------------------------------------------------------------------------------------------ helpers

  static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

  static String body(String kind, String providerId) throws Exception {
    if (kind == null) {
      return null;
    }
    if (kind.equals("attestation")) {
      LocalDate today = LocalDate.now(NETHERLANDS);
      return attestation(today, today.plusYears(1), "XX-" + shortId());
    }
    return kind.equals("register") ? registration(providerId)
        : signingKey(newKeyId(), pem(newEd25519().getPublic().getEncoded()));
  }

  static String attestation(LocalDate attestedOn, LocalDate validUntil, String reference) {
    return new JsonObject()
        .put("attestedOn", attestedOn.toString())
        .put("validUntil", validUntil.toString())
        .put("reference", reference)
        .encode();
  }

  /** A new provider registered through the API, so a test changes nothing another test looks at. */
  static String registeredProvider(String prefix) throws Exception {
    String providerId = prefix + "-" + shortId();
    HttpResponse<String> response = supervisor.portalPost(PROVIDERS, registration(providerId));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return providerId;
  }

  /** Kansrijk's attestation is still the one its folder gave it at the dev start. */
  static void assertKansrijkKeepsItsFolderAttestation() throws Exception {
    JsonObject attestation = json(supervisor.get(gateway.url() + PROVIDERS + "/kansrijk"))
        .getJsonObject("healthDataAttestation");
    assertThat(attestation).isNotNull();
    assertThat(attestation.getString("recordedBy")).isEqualTo("provider-folder");
  }

  static String supervisorSubject() {
    return loggedLines().stream()
        .filter(line -> line.contains("event=portal-login") && line.contains("SUPERVISOR"))
        .map(line -> field(line, "subject")).findFirst().orElseThrow();
  }

  static List<String> details(HttpResponse<String> response) {
    List<String> details = new ArrayList<>();
    new JsonObject(response.body()).getJsonArray("errors")
        .forEach(error -> details.add(((JsonObject) error).getString("detail")));
    return details;
  }

  static String registration(String providerId) throws Exception {
    return registration(providerId, "Proef B.V.", "90000017", oin(), x25519Pem(), newKeyId(),
        pem(newEd25519().getPublic().getEncoded()));
  }

  static String registration(String providerId, String name, String kvk, String oin, String encryptionKey,
                             String keyId, String signingPublicKey) {
    return new JsonObject()
        .put("providerId", providerId)
        .put("name", name)
        .put("kvkNumber", kvk)
        .put("oin", oin)
        .put("encryptionKey", encryptionKey)
        .put("signingKey", new JsonObject(signingKey(keyId, signingPublicKey)))
        .encode();
  }

  static String signingKey(String keyId, String publicKey) {
    Instant now = Instant.now();
    return new JsonObject()
        .put("keyId", keyId)
        .put("publicKey", publicKey)
        .put("validFrom", now.minus(1, ChronoUnit.DAYS).toString())
        .put("validUntil", now.plus(365, ChronoUnit.DAYS).toString())
        .encode();
  }

  /** A request signed as a provider signs it, to a route every registered provider may call. */
  static io.vertx.ext.web.client.HttpResponse<Buffer> signedGet(Ed25519SigningKey key, String keyId) {
    HttpMessage message = HttpMessage.request("GET", URI.create(gateway.url() + "/api/v1/trajectories"));
    HttpMessage signed = new MessageSigner(key).signed(message, "sig1", SignatureParams.of(
        List.of("@method", "@target-uri"), Instant.now(), keyId, UUID.randomUUID().toString().replace("-", ""),
        null));
    HttpRequest<Buffer> request = client.get("/api/v1/trajectories");
    signed.headers().forEach((name, values) -> values.forEach(value -> request.headers().add(name, value)));
    return request.send().await();
  }

  static Ed25519SigningKey devKey(String provider) {
    return Ed25519SigningKey.fromPkcs8(pemBody("providers/" + provider + "/signing-ed25519.key"));
  }

  static KeyPair newEd25519() throws Exception {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  static String x25519Pem() throws Exception {
    return pem(KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic().getEncoded());
  }

  static String pem(byte[] spki) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(spki) + "\n-----END PUBLIC KEY-----\n";
  }

  static byte[] littleEndianOne() {
    byte[] one = new byte[32];
    one[0] = 1;
    return one;
  }

  static String newKeyId() {
    return "proef-ed25519-" + shortId();
  }

  static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A fresh 20-digit OIN, so registrations in different tests never share one. */
  static String oin() {
    return String.format("%020d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000_000L));
  }

  static int startlijnKeyCount() throws Exception {
    return json(supervisor.get(gateway.url() + PROVIDERS + "/startlijn")).getJsonArray("signingKeys").size();
  }

  static JsonObject provider(JsonArray providers, String id) {
    return providers.stream().map(JsonObject.class::cast).filter(p -> p.getString("providerId").equals(id))
        .findFirst().orElseThrow();
  }

  static JsonObject json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  static List<String> pointers(HttpResponse<String> response) {
    List<String> pointers = new ArrayList<>();
    new JsonObject(response.body()).getJsonArray("errors")
        .forEach(error -> pointers.add(((JsonObject) error).getString("pointer")));
    return pointers;
  }

  static void assertProblemJson(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getString("type")).isEqualTo(type);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(problem.getString("instance")).startsWith("urn:uuid:");
  }

  /** Hex SHA-256 of a key's DER SubjectPublicKeyInfo, computed here from the JDK's own encoding. */
  static String sha256Hex(byte[] spki) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki));
  }

  static String fingerprintOfFile(String relative) throws Exception {
    return sha256Hex(pemBody(relative));
  }

  static byte[] pemBody(String relative) {
    try {
      String text = Files.readString(ProjectFiles.keysDev().resolve(relative));
      return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> loggedLines() {
    return LOGS.lines();
  }

  static String field(String line, String name) {
    Matcher matcher = Pattern.compile("(?:^| )" + name + "=(\\S+)").matcher(line);
    return matcher.find() ? matcher.group(1) : null;
  }
}
