package nl.reintegratie.gateway.app;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.dossier.CommissionerDossiers;
import nl.reintegratie.gateway.dossier.KnownProviders;
import nl.reintegratie.gateway.dossier.ReadDisclosures;
import nl.reintegratie.gateway.dossier.http.CommissionerRoutes;
import nl.reintegratie.gateway.identity.StaffAccess;
import nl.reintegratie.gateway.signature.ProviderDirectory;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.schemas.SchemaCatalog;

/**
 * The commissioners' trajectory API wired up: the dossier's commissioner side, with the provider API's own key
 * directory answering whether a provider is registered and active, behind {@link StaffAccess} on the portal session.
 *
 * @param origin the portal's origin, for the CSRF rule
 */
record CommissionerApi(Vertx vertx, String origin, CommissionerDossiers commissioners, SchemaCatalog schemas) {

  CommissionerApi(Vertx vertx, String origin, Dossiers dossiers, ProviderDirectory directory,
                  DisclosureLog disclosures, SchemaCatalog schemas) {
    this(vertx, origin, new CommissionerDossiers(dossiers.service(), knownProviders(directory), dossiers.events(),
        new ReadDisclosures(disclosures, Clock.systemUTC()), Clock.systemUTC()), schemas);
  }

  private static KnownProviders knownProviders(ProviderDirectory directory) {
    return organisation -> directory.findOrganisation(organisation)
        .map(found -> found.filter(ProviderOrganisation::active).isPresent());
  }

  /**
   * Mounts the routes on one listener's router. Called in each listener verticle's start, so the session handler
   * (whose store runs a reaper timer) belongs to that verticle and stops with it.
   */
  void mount(Router router) {
    new CommissionerRoutes(commissioners, new StaffAccess(vertx, origin), schemas).mount(router);
  }
}
