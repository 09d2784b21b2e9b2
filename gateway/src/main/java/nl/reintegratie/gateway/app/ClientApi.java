package nl.reintegratie.gateway.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.http.ClientDisclosureRoutes;
import nl.reintegratie.gateway.dossier.ClientDossiers;
import nl.reintegratie.gateway.dossier.http.ClientRoutes;
import nl.reintegratie.gateway.http.OrganisationNames;
import nl.reintegratie.gateway.identity.ClientAccess;
import nl.reintegratie.gateway.identity.StaffAccess;
import nl.reintegratie.gateway.notify.Inbox;
import nl.reintegratie.gateway.notify.InboxTexts;
import nl.reintegratie.gateway.notify.http.InboxRoutes;
import nl.reintegratie.gateway.signature.ProviderDirectory;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.transfer.ClientGrants;
import nl.reintegratie.gateway.transfer.ClientObjections;
import nl.reintegratie.gateway.transfer.GrantRepository;
import nl.reintegratie.gateway.transfer.http.ClientGrantRoutes;
import nl.reintegratie.schemas.SchemaCatalog;

/**
 * The client API ({@code /api/v1/me/...}) wired up: the client's own trajectories and documents (dossier), the grants
 * about them and their objection (transfer), and their disclosure log entries with proofs (audit), all behind
 * {@link ClientAccess} on the portal session, which finds the client id from the login's BSN through the dossier.
 * Display names of organisations come from the provider registry. And their inbox (notify): every grant, revocation
 * and objection decision about them.
 *
 * @param origin the portal's origin, for the CSRF rule
 */
record ClientApi(Vertx vertx, String origin, Dossiers dossiers, ClientDossiers clientDossiers, ClientGrants grants,
                 ClientObjections objections, DisclosureLog log, OrganisationNames names, Inbox inbox,
                 InboxTexts inboxTexts, SchemaCatalog schemas) {

  ClientApi(Vertx vertx, String origin, Dossiers dossiers, GrantRepository grants, DisclosureLog log,
            ProviderDirectory directory, Inbox inbox, InboxTexts inboxTexts, SchemaCatalog schemas) {
    this(vertx, origin, dossiers, new ClientDossiers(dossiers.service()),
        new ClientGrants(grants, dossiers.service(), Clock.systemUTC()),
        new ClientObjections(grants, dossiers.service(), log, dossiers.events(), Clock.systemUTC()),
        log, providerNames(directory), inbox, inboxTexts, schemas);
  }

  /** The registered providers' names; commissioners have no registry yet, so they are shown by their id. */
  static OrganisationNames providerNames(ProviderDirectory directory) {
    return ids -> {
      List<String> asked = List.copyOf(ids);
      List<Future<Optional<ProviderOrganisation>>> lookups = asked.stream().map(directory::findOrganisation).toList();
      return Future.all(lookups).map(all -> {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
          String id = asked.get(i);
          lookups.get(i).result().ifPresent(organisation -> names.put(id, organisation.name()));
        }
        return Map.copyOf(names);
      });
    };
  }

  /**
   * Mounts the routes on one listener's router. Called in each listener verticle's start, so the session handler
   * (whose store runs a reaper timer) belongs to that verticle and stops with it.
   */
  void mount(Router router) {
    ClientAccess clients = new ClientAccess(new StaffAccess(vertx, origin), dossiers.service()::findClientByBsn);
    new ClientRoutes(clientDossiers, clients, names).mount(router);
    new ClientGrantRoutes(grants, objections, clients, names, schemas).mount(router);
    new ClientDisclosureRoutes(log, clients, names).mount(router);
    new InboxRoutes(inbox, inboxTexts, clients, Clock.systemUTC()).mount(router);
  }
}
