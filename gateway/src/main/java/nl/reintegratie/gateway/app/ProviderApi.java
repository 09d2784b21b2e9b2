package nl.reintegratie.gateway.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.config.GatewayConfig;
import nl.reintegratie.gateway.dossier.http.ProviderApiRoutes;
import nl.reintegratie.gateway.dossier.ProviderDossiers;
import nl.reintegratie.gateway.signature.ProviderDirectory;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.X25519PublicKey;
import nl.reintegratie.gateway.signature.SignatureVerifier;
import nl.reintegratie.gateway.signature.VerificationPolicy;
import nl.reintegratie.gateway.signature.http.ProviderSignatureHandler;
import nl.reintegratie.gateway.signature.http.ResponseSigner;
import nl.reintegratie.gateway.signature.mongo.MongoNonceLedger;
import nl.reintegratie.gateway.signature.mongo.MongoProviderRegistry;
import nl.reintegratie.gateway.signature.mongo.NoncePurge;
import nl.reintegratie.gateway.signature.mongo.SignatureCollections;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.transfer.GrantRepository;
import nl.reintegratie.gateway.transfer.ProviderReleases;
import nl.reintegratie.gateway.transfer.http.ReleaseRoutes;
import nl.reintegratie.gateway.transfer.mongo.MongoGrantRepository;
import nl.reintegratie.schemas.SchemaCatalog;

/**
 * The provider API wired up: the provider key directory (reloaded every {@value #REFRESH_SECONDS} s), the durable
 * nonce ledger with its purge job, the verifier, and the routes: trajectories and documents, and releases. {@link #stop} ends the timers.
 */
record ProviderApi(ProviderDirectory directory, NoncePurge purge, ProviderApiRoutes routes, ReleaseRoutes releaseRoutes,
                   GrantRepository grants, ProviderReleases releases, ProviderDossiers providerDossiers) {

  static final int REFRESH_SECONDS = 30;
  /** How far a signature's {@code created} may lie from our clock: providers' clocks and network delays. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  /** Extra age before a nonce is purged, for clock differences between gateway instances. */
  static final Duration PURGE_MARGIN = Duration.ofMinutes(1);
  static final Duration PURGE_EVERY = Duration.ofMinutes(5);

  /**
   * Success: keys loaded (dev providers registered first in the dev profile), timers running, routes ready to
   * mount. Failure: the store's; no timer is left running.
   */
  static Future<ProviderApi> open(Vertx vertx, Store store, GatewayConfig config, Dossiers dossiers,
                                  ResponseSigner responses, SchemaCatalog schemas, ProviderFolders devProviders,
                                  DisclosureLog disclosureLog) {
    Clock clock = Clock.systemUTC();
    ProviderDirectory directory = new ProviderDirectory(new MongoProviderRegistry(store));
    GrantRepository grants = new MongoGrantRepository(store);
    ProviderReleases releases = new ProviderReleases(vertx, grants, dossiers.service(),
        organisation -> directory.findOrganisation(organisation).map(found -> found
            .filter(ProviderOrganisation::active)
            .flatMap(ProviderOrganisation::encryptionKey)
            .map(X25519PublicKey::raw)),
        disclosureLog, dossiers.events(), clock);
    return Indexes.ensure(store, SignatureCollections.INDEXES)
        .compose(v -> directory.start(vertx, Duration.ofSeconds(REFRESH_SECONDS)))
        // through the directory, so each registration is in its snapshot at once
        .compose(v -> devProviders.registerAbsent(directory, clock, ProviderFolders.DEV_KEY_VALIDITY)
            .onFailure(e -> directory.stop()))
        .map(v -> {
          NoncePurge purge = new NoncePurge(store, clock, PURGE_MARGIN);
          purge.start(vertx, PURGE_EVERY);
          SignatureVerifier verifier = new SignatureVerifier(directory, new MongoNonceLedger(store),
              VerificationPolicy.forRequests(CLOCK_SKEW), clock);
          ProviderSignatureHandler signatures = new ProviderSignatureHandler(verifier,
              config.http().publicBaseUrl());
          ProviderDossiers providerDossiers = dossiers.providers(disclosureLog);
          return new ProviderApi(directory, purge,
              new ProviderApiRoutes(providerDossiers, signatures, responses, schemas),
              new ReleaseRoutes(releases, signatures, responses), grants, releases, providerDossiers);
        });
  }

  void mount(Router router) {
    routes.mount(router);
    releaseRoutes.mount(router);
  }

  void stop() {
    purge.stop();
    directory.stop();
  }
}
