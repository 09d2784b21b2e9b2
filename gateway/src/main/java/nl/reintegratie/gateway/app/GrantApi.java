package nl.reintegratie.gateway.app;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.identity.StaffAccess;
import nl.reintegratie.gateway.signature.ProviderDirectory;
import nl.reintegratie.gateway.transfer.GrantRepository;
import nl.reintegratie.gateway.transfer.Grants;
import nl.reintegratie.gateway.transfer.RecipientRegistry;
import nl.reintegratie.gateway.transfer.TransferFacts;
import nl.reintegratie.gateway.transfer.http.GrantRoutes;
import nl.reintegratie.schemas.SchemaCatalog;

/**
 * The commissioners' grants wired up: the transfer rules on the dossier, the grant repository and the disclosure
 * log, with the provider API's own key directory answering who a recipient is, behind {@link StaffAccess} on the
 * portal session.
 *
 * @param origin the portal's origin, for the CSRF rule
 */
record GrantApi(Vertx vertx, String origin, Grants grants, SchemaCatalog schemas) {

  private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

  GrantApi(Vertx vertx, String origin, Dossiers dossiers, ProviderDirectory directory, GrantRepository repository,
           DisclosureLog log, SchemaCatalog schemas) {
    this(vertx, origin, new Grants(dossiers.service(), repository, log, recipients(directory, Clock.systemUTC()),
        dossiers.events(), Clock.systemUTC()), schemas);
  }

  /**
   * The registry as the transfer rules see a recipient: the health-data attestation counts when it is valid on
   * today's Dutch calendar day (read from the store, so a supervisor's change applies at once on every instance).
   */
  static RecipientRegistry recipients(ProviderDirectory directory, Clock clock) {
    return organisation -> directory.findOrganisation(organisation).map(found -> found.map(registered ->
        new TransferFacts.Recipient(registered.id(), registered.active(), registered.encryptionKey().isPresent(),
            registered.attestsHealthDataOn(LocalDate.now(clock.withZone(DUTCH_TIME))))));
  }

  /** Mounts the routes on one listener's router, in that listener's verticle (see {@link CommissionerApi#mount}). */
  void mount(Router router) {
    new GrantRoutes(grants, new StaffAccess(vertx, origin), schemas).mount(router);
  }
}
