package nl.reintegratie.gateway.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.config.GatewayConfig;
import nl.reintegratie.gateway.crypto.KeyRing;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.KeyRotation;
import nl.reintegratie.gateway.dossier.ProviderDossiers;
import nl.reintegratie.gateway.dossier.ReadDisclosures;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.RetentionJob;
import nl.reintegratie.gateway.dossier.RetentionPolicy;
import nl.reintegratie.gateway.dossier.mongo.DossierIndexes;
import nl.reintegratie.gateway.dossier.mongo.MongoClientKeyRepository;
import nl.reintegratie.gateway.dossier.mongo.MongoClientRepository;
import nl.reintegratie.gateway.dossier.mongo.MongoDocumentRepository;
import nl.reintegratie.gateway.dossier.mongo.MongoSubmissionEvidence;
import nl.reintegratie.gateway.dossier.mongo.MongoTrajectoryRepository;
import nl.reintegratie.gateway.events.DomainEvents;
import nl.reintegratie.gateway.events.bus.EventBusDomainEvents;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;

/**
 * The dossier capability wired to the store, the key ring and the event bus (its events go to this Vert.x instance's
 * bus): used by the gateway and the admin commands.
 */
record Dossiers(DossierService service, RetentionJob retentionJob, KeyRotation rotation, DomainEvents events,
                Store store) {

  static Future<Dossiers> open(Vertx vertx, Store store, KeyRing keys, GatewayConfig.Retention retention) {
    MongoClientRepository clients = new MongoClientRepository(store);
    MongoClientKeyRepository clientKeys = new MongoClientKeyRepository(store);
    Clock clock = Clock.systemUTC();
    DossierService service = new DossierService(vertx, keys, clients, clientKeys,
        new MongoTrajectoryRepository(store), new MongoDocumentRepository(store), policy(retention), clock);
    DomainEvents events = new EventBusDomainEvents(vertx.eventBus());
    return Indexes.ensure(store, DossierIndexes.ALL)
        .map(v -> new Dossiers(service, new RetentionJob(clients, service, clock),
            new KeyRotation(vertx, keys, clientKeys), events, store));
  }

  /**
   * The provider side of the dossiers; every document a provider reads goes to {@code disclosures} first, so it is
   * made where the disclosure log is open (the gateway), not for the admin commands.
   */
  ProviderDossiers providers(DisclosureLog disclosures) {
    Clock clock = Clock.systemUTC();
    return new ProviderDossiers(service, new MongoSubmissionEvidence(store), events,
        new ReadDisclosures(disclosures, clock), clock);
  }

  static RetentionPolicy policy(GatewayConfig.Retention retention) {
    Map<Regime, Period> periods = new EnumMap<>(Regime.class);
    for (Regime regime : Regime.values()) {
      periods.put(regime, Period.ofYears(retention.yearsByRegime().get(regime.code())));
    }
    return new RetentionPolicy(periods);
  }
}
