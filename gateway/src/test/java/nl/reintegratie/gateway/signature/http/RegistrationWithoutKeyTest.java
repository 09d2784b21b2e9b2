package nl.reintegratie.gateway.signature.http;

import static nl.reintegratie.gateway.http.ProblemAssertions.assertProblem;
import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.reintegratie.gateway.http.GatewayRouter;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.identity.Principal;
import nl.reintegratie.gateway.identity.Principal.Role;
import nl.reintegratie.gateway.identity.StaffAccess;
import nl.reintegratie.gateway.signature.HealthDataAttestation;
import nl.reintegratie.gateway.signature.ProviderDirectory;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.ProviderRegistry;
import nl.reintegratie.gateway.signature.ProviderRegistryException;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.gateway.signature.X25519PublicKey;
import nl.reintegratie.gateway.signature.mongo.MongoProviderRegistry;
import nl.reintegratie.gateway.signature.mongo.SignatureCollections;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.StoreUnavailableException;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.gateway.testsupport.PortalSessions;
import nl.reintegratie.schemas.SchemaCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one registration that can leave something behind: the organisation is stored, then its signing key fails
 * (the store goes down in between, or the same key id is registered at that very moment). The supervisor must be
 * told that the organisation is there, and adding the key afterwards must complete it. The failure is injected
 * into the registry; the store, the routes and the session handling are the real ones.
 */
@Timeout(120)
class RegistrationWithoutKeyTest {

  static final String ORIGIN = "https://portal.example";
  static final Principal SUPERVISOR = new Principal("sub-supervisor", "Anouk Smit", "Anouk",
      Set.of(Role.SUPERVISOR), Optional.of("gemeente-deventer"), Optional.empty());

  @TempDir
  static Path dir;
  static Vertx vertx;
  static Store store;
  static FailingKeyRegistry registry;
  static ProviderDirectory directory;
  static WebClient client;
  static String session;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    store = await(Stores.open(vertx, StoreSettings.embedded(dir, "test")));
    await(Indexes.ensure(store, SignatureCollections.INDEXES));
    registry = new FailingKeyRegistry(new MongoProviderRegistry(store));
    directory = new ProviderDirectory(registry);
    await(directory.start(vertx, Duration.ofMinutes(10)));
    Router router = GatewayRouter.create(vertx, 64 * 1024);
    PortalSessions.mountLogin(vertx, router, Map.of("supervisor", SUPERVISOR));
    new ProviderAdminRoutes(directory, new StaffAccess(vertx, ORIGIN), SchemaCatalog.load(), Clock.systemUTC())
        .mount(router);
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(server.actualPort()));
    session = PortalSessions.cookie(client.post(PortalSessions.LOGIN + "supervisor").send().await());
  }

  @AfterEach
  void healRegistry() {
    registry.addSigningKeyFails = null;
  }

  @AfterAll
  static void stop() {
    directory.stop();
    await(store.close());
    vertx.close().await();
  }

  @Test
  void storeFailingBeforeTheKey_saysTheProviderIsRegistered_andAddingTheKeyCompletesIt() throws Exception {
    registry.addSigningKeyFails = new StoreUnavailableException("injected: store down");
    String body = ProviderAdminApiTest.registration("zonder-sleutel");
    JsonObject signingKey = new JsonObject(body).getJsonObject("signingKey");

    HttpResponse<Buffer> response = post("/api/v1/providers", body);

    assertProblem(response, 503, ProblemType.SERVICE_UNAVAILABLE.uri());
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("zonder-sleutel is geregistreerd");
    assertThat(get("/api/v1/providers/zonder-sleutel").bodyAsJsonObject().getJsonArray("signingKeys")).isEmpty();

    registry.addSigningKeyFails = null;
    HttpResponse<Buffer> added = post("/api/v1/providers/zonder-sleutel/signing-keys", signingKey.encode());

    assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
    assertThat(get("/api/v1/providers/zonder-sleutel").bodyAsJsonObject().getJsonArray("signingKeys")).hasSize(1);
  }

  @Test
  void keyIdTakenAtTheSameMoment_isAConflictThatSaysTheProviderIsRegisteredWithoutKey() throws Exception {
    registry.addSigningKeyFails = new ProviderRegistryException(ProviderRegistryException.Kind.KEY_ID_TAKEN);

    HttpResponse<Buffer> response = post("/api/v1/providers", ProviderAdminApiTest.registration("gelijktijdig"));

    assertProblem(response, 409, ProblemType.CONFLICT.uri());
    assertThat(response.bodyAsJsonObject().getString("detail"))
        .contains("gelijktijdig is geregistreerd, maar zonder ondertekensleutel");
    assertThat(get("/api/v1/providers/gelijktijdig").bodyAsJsonObject().getJsonArray("signingKeys")).isEmpty();
  }

  static HttpResponse<Buffer> post(String path, String body) {
    return client.post(path).putHeader("Cookie", session).putHeader("X-Portal-Request", "1")
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)).await();
  }

  static HttpResponse<Buffer> get(String path) {
    HttpResponse<Buffer> response = client.get(path).putHeader("Cookie", session).send().await();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response;
  }

  /** The real registry, but adding a signing key fails with {@link #addSigningKeyFails} while it is set. */
  static final class FailingKeyRegistry implements ProviderRegistry {

    private final ProviderRegistry real;
    volatile RuntimeException addSigningKeyFails;

    FailingKeyRegistry(ProviderRegistry real) {
      this.real = real;
    }

    @Override
    public Future<Void> addSigningKey(RegisteredKey key) {
      RuntimeException failure = addSigningKeyFails;
      return failure == null ? real.addSigningKey(key) : Future.failedFuture(failure);
    }

    @Override
    public Future<Void> register(ProviderOrganisation organisation) {
      return real.register(organisation);
    }

    @Override
    public Future<Boolean> setActive(String organisationId, boolean active) {
      return real.setActive(organisationId, active);
    }

    @Override
    public Future<Boolean> revokeKey(String keyId) {
      return real.revokeKey(keyId);
    }

    @Override
    public Future<Void> setEncryptionKey(String organisationId, X25519PublicKey key) {
      return real.setEncryptionKey(organisationId, key);
    }

    @Override
    public Future<Void> setHealthDataAttestation(String organisationId, HealthDataAttestation attestation) {
      return real.setHealthDataAttestation(organisationId, attestation);
    }

    @Override
    public Future<Boolean> withdrawHealthDataAttestation(String organisationId) {
      return real.withdrawHealthDataAttestation(organisationId);
    }

    @Override
    public Future<Optional<ProviderOrganisation>> findOrganisation(String organisationId) {
      return real.findOrganisation(organisationId);
    }

    @Override
    public Future<Optional<RegisteredKey>> findKey(String keyId) {
      return real.findKey(keyId);
    }

    @Override
    public Future<List<RegisteredKey>> keysOf(String organisationId) {
      return real.keysOf(organisationId);
    }

    @Override
    public Future<Contents> all() {
      return real.all();
    }
  }
}
