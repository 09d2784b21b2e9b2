package nl.reintegratie.gateway.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/**
 * Dependencies point one way: from the edges (http, identity, portal) through the domain to
 * the bottom (store, crypto). Adapters for MongoDB and vertx-web stay in their own places.
 */
class DependencyDirectionTest {

  private static final String BASE = "nl.reintegratie.gateway";
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(BASE);

  static final ArchRule nothingDependsOnTheWiring = noClasses()
      .that().resideOutsideOfPackages(BASE + ".app..", BASE + ".devstack..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".app..", BASE + ".devstack..");

  static final ArchRule storeDependsOnNothingOfOurs = noClasses()
      .that().resideInAPackage(BASE + ".store..")
      .should().dependOnClassesThat().resideInAnyPackage(
          BASE + ".http..", BASE + ".identity..", BASE + ".portal..", BASE + ".config..",
          BASE + ".logging..", BASE + ".dossier..", BASE + ".audit..");

  static final ArchRule onlyStoreAndMongoAdaptersTouchTheDriver = noClasses()
      .that().resideOutsideOfPackages(BASE + ".store..", BASE + "..mongo..")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.mongo..", "com.mongodb..",
          "org.bson..", "de.bwaldvogel..");

  static final ArchRule onlyEdgesTouchVertxWeb = noClasses()
      .that().resideOutsideOfPackages(BASE + ".http..", BASE + ".identity..", BASE + ".portal..",
          BASE + "..http..", BASE + ".app..", BASE + ".signature..")
      .should().dependOnClassesThat().resideInAPackage("io.vertx.ext.web..");

  /**
   * Identity (portal sessions, roles, which client a login is) is an edge every capability's routes stand behind: it
   * knows no capability. A client login's dossier is found through a port the wiring supplies
   * ({@code ClientAccess.ClientDirectory}), never by depending on the dossier.
   */
  static final ArchRule identityKnowsNoCapability = noClasses()
      .that().resideInAPackage(BASE + ".identity..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".dossier..", BASE + ".transfer..",
          BASE + ".audit..", BASE + ".signature..", BASE + ".store..", BASE + ".portal..", BASE + ".events..");

  static final ArchRule configDependsOnNothingOfOurs = noClasses()
      .that().resideInAPackage(BASE + ".config..")
      .should().dependOnClassesThat().resideInAnyPackage(
          BASE + ".http..", BASE + ".identity..", BASE + ".portal..", BASE + ".store..");

  static final ArchRule domainCodeKnowsNoMongo = noClasses()
      .that().resideInAPackage(BASE + ".portal")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".store..", "io.vertx.ext.mongo..");

  /** The dossier domain (ports, records) knows neither MongoDB nor HTTP; its adapters live in dossier.mongo. */
  static final ArchRule dossierDomainKnowsNoStoreNorHttp = noClasses()
      .that().resideInAPackage(BASE + ".dossier")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".store..", "io.vertx.ext.mongo..",
          "io.vertx.ext.web..", "io.vertx.core.http..", BASE + ".http..", BASE + ".portal..",
          BASE + ".identity..");

  /** The dossier adapters implement ports with the store; they serve no HTTP and know no other capability. */
  static final ArchRule dossierAdaptersReachOnlyDomainAndStore = noClasses()
      .that().resideInAPackage(BASE + ".dossier.mongo..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".http..", BASE + ".portal..",
          BASE + ".identity..", "io.vertx.ext.web..", "io.vertx.core.http..");

  /** Everyone else uses the dossier ports; only the wiring picks the MongoDB implementation. */
  static final ArchRule onlyWiringKnowsDossierAdapters = noClasses()
      .that().resideOutsideOfPackages(BASE + ".dossier.mongo..", BASE + ".app..")
      .should().dependOnClassesThat().resideInAPackage(BASE + ".dossier.mongo..");

  /** Transfer (grants, releases) is domain code like the dossier: its adapters live in transfer.mongo/.http. */
  static final ArchRule transferDomainKnowsNoStoreNorHttp = noClasses()
      .that().resideInAPackage(BASE + ".transfer")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".store..", "io.vertx.ext.mongo..",
          "io.vertx.ext.web..", "io.vertx.core.http..", BASE + ".http..", BASE + ".portal..",
          BASE + ".identity..", BASE + ".signature..", BASE + ".dossier.mongo..", BASE + ".dossier.http..");

  /**
   * The transfer routes (releases, grants) go through the transfer domain: no store, no MongoDB adapter of any
   * capability, so every rule about a grant stays in {@code transfer.Grants} and cannot be bypassed by a route.
   */
  static final ArchRule transferRoutesReachNoStore = noClasses()
      .that().resideInAPackage(BASE + ".transfer.http..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".store..", "io.vertx.ext.mongo..",
          BASE + ".transfer.mongo..", BASE + ".dossier.mongo..", BASE + ".audit.mongo..", BASE + ".signature.mongo..");

  static final ArchRule onlyWiringKnowsTransferAdapters = noClasses()
      .that().resideOutsideOfPackages(BASE + ".transfer.mongo..", BASE + ".app..")
      .should().dependOnClassesThat().resideInAPackage(BASE + ".transfer.mongo..");

  /**
   * The disclosure log's domain (entries, the Merkle tree, proofs, checkpoints, the verifier) knows neither MongoDB
   * nor HTTP, nor the capabilities that log into it: they depend on it, never the reverse.
   */
  static final ArchRule auditDomainKnowsNoStoreNorHttp = noClasses()
      .that().resideInAPackage(BASE + ".audit")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".store..", "io.vertx.ext.mongo..",
          "io.vertx.ext.web..", "io.vertx.core.http..", BASE + ".http..", BASE + ".portal..",
          BASE + ".identity..", BASE + ".signature..", BASE + ".dossier..", BASE + ".transfer..");

  /** The log's adapters implement its port with the store; they serve no HTTP and know no other capability. */
  static final ArchRule auditAdaptersReachOnlyDomainAndStore = noClasses()
      .that().resideInAPackage(BASE + ".audit.mongo..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".http..", BASE + ".portal..",
          BASE + ".identity..", BASE + ".signature..", BASE + ".dossier..", BASE + ".transfer..",
          "io.vertx.ext.web..", "io.vertx.core.http..");

  /** Everyone else uses {@code audit.DisclosureLog}; only the wiring picks the MongoDB implementation. */
  static final ArchRule onlyWiringKnowsAuditAdapters = noClasses()
      .that().resideOutsideOfPackages(BASE + ".audit.mongo..", BASE + ".app..")
      .should().dependOnClassesThat().resideInAPackage(BASE + ".audit.mongo..");

  // crypto is the bottom layer for secrets: the store, the HTTP layer and the config may use it, never the reverse,
  // so key handling can be reviewed on its own.
  static final ArchRule cryptoDependsOnNothingOfOurs = noClasses()
      .that().resideInAPackage(BASE + ".crypto..")
      .should().dependOnClassesThat(resideInAPackage(BASE + "..").and(resideOutsideOfPackage(BASE + ".crypto..")));

  // one place decides which cryptographic code is used, and how
  static final ArchRule onlyCryptoImportsBouncyCastle = noClasses()
      .that().resideOutsideOfPackage(BASE + ".crypto..")
      .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..");

  /**
   * Events are a bottom layer like crypto: every capability may publish without depending on another, so the
   * package itself depends on nothing of ours; only the wiring picks the event bus adapter.
   */
  static final ArchRule eventsDependOnNothingOfOurs = noClasses()
      .that().resideInAPackage(BASE + ".events..")
      .should().dependOnClassesThat(resideInAPackage(BASE + "..").and(resideOutsideOfPackage(BASE + ".events..")));

  static final ArchRule onlyWiringKnowsTheEventBusAdapter = noClasses()
      .that().resideOutsideOfPackages(BASE + ".events.bus..", BASE + ".app..")
      .should().dependOnClassesThat().resideInAPackage(BASE + ".events.bus..");

  /**
   * Client notices are domain code: the inbox, the texts and the delivery know neither MongoDB, SMTP nor HTTP, nor the
   * provider registry (names come through a port); the wiring supplies the adapters.
   */
  static final ArchRule notifyDomainKnowsNoStoreSmtpNorHttp = noClasses()
      .that().resideInAPackage(BASE + ".notify")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".store..", "io.vertx.ext.mongo..",
          "io.vertx.ext.web..", "io.vertx.core.http..", BASE + ".http..", BASE + ".portal..", BASE + ".identity..",
          BASE + ".signature..", BASE + ".dossier.mongo..", BASE + ".transfer.mongo..", BASE + ".notify.mongo..",
          BASE + ".notify.smtp..", "jakarta.mail..", "org.eclipse.angus..", BASE + ".config..");

  /** The notify adapters implement its ports; they serve no HTTP and know no other capability's adapters. */
  static final ArchRule notifyAdaptersReachOnlyDomainAndStore = noClasses()
      .that().resideInAnyPackage(BASE + ".notify.mongo..", BASE + ".notify.smtp..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".http..", BASE + ".portal..",
          BASE + ".identity..", BASE + ".signature..", BASE + ".config..", "io.vertx.ext.web..",
          "io.vertx.core.http..", BASE + ".dossier.mongo..", BASE + ".transfer.mongo..");

  static final ArchRule onlyWiringKnowsNotifyAdapters = noClasses()
      .that().resideOutsideOfPackages(BASE + ".notify.mongo..", BASE + ".notify.smtp..", BASE + ".app..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".notify.mongo..", BASE + ".notify.smtp..");

  /** One place speaks SMTP. */
  static final ArchRule onlySmtpAdapterTouchesJakartaMail = noClasses()
      .that().resideOutsideOfPackage(BASE + ".notify.smtp..")
      .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..");

  static Stream<ArchRule> rules() {
    return Stream.of(nothingDependsOnTheWiring, storeDependsOnNothingOfOurs,
        onlyStoreAndMongoAdaptersTouchTheDriver, onlyEdgesTouchVertxWeb, configDependsOnNothingOfOurs,
        domainCodeKnowsNoMongo, cryptoDependsOnNothingOfOurs, onlyCryptoImportsBouncyCastle,
        dossierDomainKnowsNoStoreNorHttp, dossierAdaptersReachOnlyDomainAndStore, onlyWiringKnowsDossierAdapters,
        transferDomainKnowsNoStoreNorHttp, transferRoutesReachNoStore, onlyWiringKnowsTransferAdapters,
        eventsDependOnNothingOfOurs,
        onlyWiringKnowsTheEventBusAdapter, auditDomainKnowsNoStoreNorHttp, auditAdaptersReachOnlyDomainAndStore,
        onlyWiringKnowsAuditAdapters, identityKnowsNoCapability, notifyDomainKnowsNoStoreSmtpNorHttp,
        notifyAdaptersReachOnlyDomainAndStore, onlyWiringKnowsNotifyAdapters, onlySmtpAdapterTouchesJakartaMail);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void rule_holds(ArchRule rule) {
    rule.check(CLASSES);
  }
}
