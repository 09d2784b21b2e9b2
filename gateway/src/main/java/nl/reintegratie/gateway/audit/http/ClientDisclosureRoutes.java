package nl.reintegratie.gateway.audit.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.http.OrganisationNames;
import nl.reintegratie.gateway.http.RequestIds;
import nl.reintegratie.gateway.identity.ClientAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/me/disclosures}: the client's own entries of the disclosure log (art. 15 AVG: every recipient,
 * with dates and purposes), each with its inclusion proof against the latest signed checkpoint, so the portal or the
 * client can check that what they are shown is what the log holds, and that it stays there. Behind
 * {@link ClientAccess} (session, {@code client} role, the client id from the login's BSN); the log's
 * {@link DisclosureLog#entriesOf} gives only this client's entries, and their proofs need no other client's entry.
 * Reading one's own log is not itself logged as a disclosure.
 */
public final class ClientDisclosureRoutes {

  static final String DISCLOSURES = "/api/v1/me/disclosures";

  private static final Logger LOG = LoggerFactory.getLogger(ClientDisclosureRoutes.class);

  private final DisclosureLog log;
  private final ClientAccess clients;
  private final OrganisationNames names;

  public ClientDisclosureRoutes(DisclosureLog log, ClientAccess clients, OrganisationNames names) {
    this.log = Objects.requireNonNull(log);
    this.clients = Objects.requireNonNull(clients);
    this.names = Objects.requireNonNull(names);
  }

  public void mount(Router router) {
    clients.requireClient(router.get(DISCLOSURES)).handler(this::list);
  }

  private void list(RoutingContext ctx) {
    ClientAccess.Client who = ClientAccess.client(ctx);
    log.entriesOf(who.clientId())
        .compose(disclosures -> names.namesOf(DisclosureJson.organisations(disclosures))
            .map(known -> DisclosureJson.of(disclosures, known)))
        .onComplete(outcome -> {
          if (outcome.failed()) {
            LOG.info("event=client-request-failed failure={} subject={} method={} path={} requestId={}",
                outcome.cause().getClass().getSimpleName(), who.subject(), ctx.request().method(),
                ctx.normalizedPath(), RequestIds.of(ctx));
            ctx.fail(outcome.cause());
            return;
          }
          ctx.response().setStatusCode(200)
              .putHeader("Content-Type", "application/json")
              .end(outcome.result().toBuffer());
        });
  }
}
