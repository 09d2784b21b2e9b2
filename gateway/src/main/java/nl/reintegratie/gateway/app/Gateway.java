package nl.reintegratie.gateway.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.LogVerifications;
import nl.reintegratie.gateway.config.GatewayConfig;
import nl.reintegratie.gateway.crypto.KeyRing;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.ProviderDossiers;
import nl.reintegratie.gateway.transfer.GrantRepository;
import nl.reintegratie.gateway.transfer.ProviderReleases;
import nl.reintegratie.gateway.http.HealthRoutes;
import nl.reintegratie.gateway.notify.Inbox;
import nl.reintegratie.gateway.notify.InboxTexts;
import nl.reintegratie.gateway.http.OpenApiRoute;
import nl.reintegratie.gateway.http.ReadinessCheck;
import nl.reintegratie.gateway.identity.KeycloakConnection;
import nl.reintegratie.gateway.portal.PortalRoutes;
import nl.reintegratie.gateway.portal.mongo.MongoLoginHistory;
import nl.reintegratie.gateway.signature.http.ResponseSigner;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.schemas.SchemaCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the store (embedded or external), the link to Keycloak, and the HTTPS
 * listeners with every capability's routes. The only place that creates implementations.
 */
public final class Gateway {

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final Vertx vertx;
  private final Store store;
  private final String deploymentId;
  private final int port;
  private final String url;
  private final List<RouteDescription> routes;
  private final ProviderApi providerApi;
  private final DossierService dossiers;
  private final ProviderDossiers providerDossiers;
  private final DisclosureLog disclosureLog;
  private long retentionTimer = -1;
  private final Notices notices;

  /** A route as registered: its HTTP methods (empty: all) and path template. */
  public record RouteDescription(java.util.Set<String> methods, String path) {}

  private Gateway(Vertx vertx, Store store, String deploymentId, int port, String url,
                  List<RouteDescription> routes, ProviderApi providerApi, DossierService dossiers,
                  ProviderDossiers providerDossiers, DisclosureLog disclosureLog, Notices notices) {
    this.notices = notices;
    this.vertx = vertx;
    this.disclosureLog = disclosureLog;
    this.providerDossiers = providerDossiers;
    this.providerApi = providerApi;
    this.dossiers = dossiers;
    this.store = store;
    this.deploymentId = deploymentId;
    this.port = port;
    this.url = url;
    this.routes = routes;
  }

  /**
   * Opens the store, then starts one HTTPS listener per event loop.
   *
   * @return succeeds when the gateway accepts requests; fails when the store cannot be opened
   *     or the port cannot be bound (Keycloak being down is not a failure: logins wait for it)
   */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config) {
    // files are read here, on the caller's thread, not on an event loop
    OpenApiRoute openApi = new OpenApiRoute();
    KeyRing keys;
    ResponseSigner responses;
    SchemaCatalog schemas;
    ProviderFolders devProviders;
    try {
      keys = KeyRing.load(config.kekFile());
      responses = ResponseSigner.fromPemFile(config.responseSigning().keyFile(), config.responseSigning().keyId(),
          Clock.systemUTC());
      schemas = SchemaCatalog.load();
      devProviders = config.isDev() ? ProviderFolders.read(devProvidersDir(config)) : ProviderFolders.none();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return Stores.open(vertx, storeSettings(config))
        .compose(store -> Dossiers.open(vertx, store, keys, config.retention())
            .compose(dossiers -> DisclosureLogs.open(vertx, store, config).compose(log -> ProviderApi.open(vertx,
                    store, config, dossiers, responses, schemas, devProviders, log)
                .compose(api -> openNotices(vertx, store, config, dossiers, api).compose(notices -> deployHttp(vertx,
                        config, store, openApi, api, dossiers, log, notices,
                        new ProviderAdminApi(vertx, config.http().publicOrigin(), api.directory(), schemas),
                        new CommissionerApi(vertx, config.http().publicOrigin(), dossiers, api.directory(), log,
                            schemas),
                        new GrantApi(vertx, config.http().publicOrigin(), dossiers, api.directory(), api.grants(), log,
                            schemas),
                        new ClientApi(vertx, config.http().publicOrigin(), dossiers, api.grants(), log, api.directory(),
                            notices.inbox(), notices.texts(), schemas))
                    .onFailure(e -> api.stop()))))
                .map(Gateway::startNotices)
                .onSuccess(gateway -> gateway.scheduleRetention(dossiers, config.retention())))
            .recover(e -> store.close().transform(ignored -> Future.failedFuture(e))));
  }

  /** {@code keys-dev/providers}, next to the dev gateway key's folder {@code keys-dev/gateway}. */
  private static Path devProvidersDir(GatewayConfig config) {
    Path gatewayKeys = config.responseSigning().keyFile().toAbsolutePath().getParent();
    return gatewayKeys.resolveSibling("providers");
  }

  /** Where the configuration says the data lives. */
  static StoreSettings storeSettings(GatewayConfig config) {
    GatewayConfig.Store store = config.store();
    return new StoreSettings(store.mongoUri(), store.database(), store.embeddedDir(), store.embeddedPort());
  }

  private static Future<Gateway> deployHttp(Vertx vertx, GatewayConfig config, Store store,
                                            OpenApiRoute openApi, ProviderApi providerApi,
                                            Dossiers dossiers, DisclosureLog disclosureLog, Notices notices,
                                            ProviderAdminApi providerAdmin,
                                            CommissionerApi commissioners, GrantApi grantApi,
                                            ClientApi clients) {
    KeycloakConnection keycloak = new KeycloakConnection(vertx, new KeycloakConnection.Settings(
        config.oidc().issuer().toString(), config.oidc().clientId(),
        config.oidc().clientSecret().reveal(), config.oidc().audience()));
    // discover early so the first login does not wait; failure here is retried on demand
    keycloak.connected();

    String origin = config.http().publicOrigin();
    PortalRoutes portal = new PortalRoutes(vertx, keycloak, new MongoLoginHistory(store), origin);
    HealthRoutes health = new HealthRoutes(List.of(
        ReadinessCheck.of("store", store::ping),
        ReadinessCheck.of("identity", keycloak::keysReachable)));

    DisclosureLogApi disclosureLogApi = new DisclosureLogApi(vertx, origin, disclosureLog,
        new LogVerifications(disclosureLog, Clock.systemUTC()));

    int port = config.http().port() == 0 ? freePort(config.http().host()) : config.http().port();
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicReference<List<RouteDescription>> routes = new AtomicReference<>(List.of());
    return vertx.deployVerticle(() -> new HttpVerticle(config.http(), port, router -> {
          mountRoutes(router, health, openApi, providerApi, providerAdmin, commissioners, grantApi, clients,
              disclosureLogApi, portal);
          routes.set(describe(router));
        }), new DeploymentOptions().setInstances(instances))
        .map(id -> {
          String url = "https://" + displayHost(config.http().host()) + ":" + port;
          LOG.info("event=http-listening port={} instances={}", port, instances);
          return new Gateway(vertx, store, id, port, url, routes.get(), providerApi, dossiers.service(),
              providerApi.providerDossiers(), disclosureLog, notices);
        });
  }

  /** Every route of every capability, in one visible place. Static files come last. */
  private static void mountRoutes(Router router, HealthRoutes health, OpenApiRoute openApi,
                                  ProviderApi providerApi, ProviderAdminApi providerAdmin,
                                  CommissionerApi commissioners, GrantApi grantApi, ClientApi clients,
                                  DisclosureLogApi disclosureLog, PortalRoutes portal) {
    health.mount(router);
    openApi.mount(router);
    providerApi.mount(router);
    providerAdmin.mount(router);
    commissioners.mount(router);
    grantApi.mount(router);
    clients.mount(router);
    disclosureLog.mount(router);
    portal.mount(router);
    portal.mountStaticFiles(router);
  }

  private static List<RouteDescription> describe(Router router) {
    return router.getRoutes().stream()
        .filter(route -> route.getPath() != null)
        .map(route -> new RouteDescription(
            route.methods() == null ? java.util.Set.of()
                : route.methods().stream().map(m -> m.name()).collect(Collectors.toUnmodifiableSet()),
            route.getPath()))
        .toList();
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String displayHost(String host) {
    return "127.0.0.1".equals(host) || "0.0.0.0".equals(host) ? "localhost" : host;
  }

  /**
   * Shreds clients whose retention ended, now and then every interval. A run that fails (store
   * down) is logged and simply tried again at the next interval.
   */
  private void scheduleRetention(Dossiers dossiers, GatewayConfig.Retention retention) {
    retentionTimer = vertx.setPeriodic(5_000, retention.checkEvery().toMillis(), id -> dossiers.retentionJob().run()
        .onFailure(e -> LOG.warn("event=retention-run-failed cause={}", e.getClass().getSimpleName())));
  }

  /**
   * Client notices: the inbox, and the workers that fill it and send the e-mails (see {@link Notices}); opened before
   * the listeners (the client's inbox routes read it), started once they listen.
   */
  private static Future<Notices> openNotices(Vertx vertx, Store store, GatewayConfig config, Dossiers dossiers,
                                             ProviderApi api) {
    try {
      return Future.succeededFuture(Notices.open(vertx, store, config, dossiers.service(), api.grants(),
          api.directory(), dossiers.events()));
    } catch (RuntimeException e) {
      api.stop();
      return Future.failedFuture(e);
    }
  }

  private Gateway startNotices() {
    notices.start();
    return this;
  }

  /** Every client's portal inbox, where every grant, revocation and objection decision is announced. */
  public Inbox inbox() {
    return notices.inbox();
  }

  /** Opens an inbox entry's text in the client's language. */
  public InboxTexts inboxTexts() {
    return notices.texts();
  }

  /** Every route the gateway serves, for the test that holds them against the OpenAPI document. */
  public List<RouteDescription> routes() {
    return routes;
  }

  /**
   * The dossier service this gateway writes through. For tests and tools that need data no API creates (clients are
   * not registered through an API yet); never for request handling, which goes through the routes.
   */
  public DossierService dossiers() {
    return dossiers;
  }

  /** Where grants are kept: tests that need a grant in a given state (notice stored, objected) make it here. */
  public GrantRepository grants() {
    return providerApi.grants();
  }

  /** Releases as providers see them, for tests and benchmarks that work below HTTP. */
  public ProviderReleases releases() {
    return providerApi.releases();
  }

  /** The provider side of the dossiers (submission evidence), for the same tests and tools. */
  public ProviderDossiers providerDossiers() {
    return providerDossiers;
  }

  /** The disclosure log every grant, objection, release and read by others is appended to. */
  public DisclosureLog disclosureLog() {
    return disclosureLog;
  }

  /**
   * The store, for benchmark harnesses that compare against a plain read of it and for tests that change stored
   * data behind the gateway's back (tampering); never for request handling.
   */
  public Store store() {
    return store;
  }

  public int port() {
    return port;
  }

  /** Where this instance listens, e.g. {@code https://localhost:8443}. */
  public String url() {
    return url;
  }

  /**
   * Stops accepting requests, lets those in flight finish, then commits and closes the store.
   */
  public Future<Void> stop() {
    vertx.cancelTimer(retentionTimer);
    providerApi.stop();
    Future<Void> noticesStopped = notices.stop();
    return noticesStopped.transform(ignored -> vertx.undeploy(deploymentId))
        .transform(ignored -> store.close())
        .onSuccess(v -> LOG.info("event=gateway-stopped"));
  }
}
