package nl.reintegratie.gateway.transfer.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Set;
import nl.reintegratie.gateway.http.BodyValidation;
import nl.reintegratie.gateway.http.OrganisationNames;
import nl.reintegratie.gateway.http.RequestIds;
import nl.reintegratie.gateway.identity.ClientAccess;
import nl.reintegratie.gateway.transfer.ClientGrants;
import nl.reintegratie.gateway.transfer.ClientObjections;
import nl.reintegratie.schemas.SchemaCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client API over the grants about the client: what was (or will be) handed to which provider, and the client's
 * objection. Before any of these routes the router ran the request id and the body limit; then, per route and in
 * this order:
 *
 * <ol>
 *   <li>{@link ClientAccess}: a live portal session (401 {@code login-required}), the portal's CSRF rule on POST
 *       (403 {@code cross-site-request}), the {@code client} role (403 {@code forbidden}), the client id from the
 *       login's BSN (404 {@code client-unknown});
 *   <li>for the objection, schema validation ({@code objection}: 400 {@code invalid-body} listing every field),
 *       before the grant is looked up, so the answer tells nothing about grants of other clients;
 *   <li>the handler: another client's grant is 404 like a missing one ({@link ClientGrants});
 *       {@link ClientObjections} decides the rest (409 {@code grant-state-conflict} when the grant is revoked,
 *       expired or objected to already).
 * </ol>
 */
public final class ClientGrantRoutes {

  static final String GRANTS = "/api/v1/me/grants";
  static final String GRANT = GRANTS + "/:grantId";
  static final String OBJECTION = GRANT + "/objection";

  private static final Logger LOG = LoggerFactory.getLogger(ClientGrantRoutes.class);

  private final ClientGrants grants;
  private final ClientObjections objections;
  private final ClientAccess clients;
  private final OrganisationNames names;
  private final SchemaCatalog schemas;

  public ClientGrantRoutes(ClientGrants grants, ClientObjections objections, ClientAccess clients,
                           OrganisationNames names, SchemaCatalog schemas) {
    this.grants = Objects.requireNonNull(grants);
    this.objections = Objects.requireNonNull(objections);
    this.clients = Objects.requireNonNull(clients);
    this.names = Objects.requireNonNull(names);
    this.schemas = Objects.requireNonNull(schemas);
  }

  /** Mounts the routes one by one (never a wildcard), so each is matched against the OpenAPI document. */
  public void mount(Router router) {
    clients.requireClient(router.get(GRANTS)).handler(this::list);
    clients.requireClient(router.get(GRANT)).handler(this::one);
    clients.requireClient(router.post(OBJECTION))
        .handler(BodyValidation.against(schemas, "objection"))
        .handler(this::object);
  }

  /** {@code GET /me/grants}: every grant about the client, oldest first. */
  private void list(RoutingContext ctx) {
    answer(ctx, 200, grants.grants(ClientAccess.client(ctx).clientId())
        .compose(all -> names.namesOf(ClientGrantJson.organisations(all))
            .map(known -> ClientGrantJson.list(all, known))));
  }

  /** {@code GET /me/grants/{grantId}}. */
  private void one(RoutingContext ctx) {
    answer(ctx, 200, grants.grant(ClientAccess.client(ctx).clientId(), ctx.pathParam("grantId"))
        .compose(this::shown));
  }

  /**
   * {@code POST /me/grants/{grantId}/objection}: 201 with the grant as it now stands ({@code paused-by-objection}
   * while the commissioner decides) and its {@code Location}.
   */
  private void object(RoutingContext ctx) {
    ClientAccess.Client who = ClientAccess.client(ctx);
    String grantId = ctx.pathParam("grantId");
    Future<JsonObject> objected = objections.object(who.clientId(), who.subject(), grantId,
            BodyValidation.body(ctx).getString("reason"))
        .onSuccess(grant -> LOG.info("event=objection-raised subject={} clientId={} grantId={} requestId={}",
            who.subject(), who.clientId(), grantId, RequestIds.of(ctx)))
        .compose(grants::seen)
        .compose(this::shown)
        .onSuccess(json -> ctx.response().putHeader("Location", GRANTS + "/" + grantId));
    answer(ctx, 201, objected);
  }

  private Future<JsonObject> shown(ClientGrants.Seen seen) {
    return names.namesOf(Set.of(seen.grant().recipientOrganisation(), seen.grant().commissionerOrganisation()))
        .map(known -> ClientGrantJson.of(seen, known));
  }

  private static void answer(RoutingContext ctx, int status, Future<JsonObject> result) {
    result.onComplete(outcome -> {
      if (outcome.failed()) {
        // the failure handler maps the domain's failures (404, 409, 410, 500 integrity, 503)
        LOG.info("event=client-request-failed failure={} subject={} method={} path={} requestId={}",
            outcome.cause().getClass().getSimpleName(), ClientAccess.client(ctx).subject(), ctx.request().method(),
            ctx.normalizedPath(), RequestIds.of(ctx));
        ctx.fail(outcome.cause());
        return;
      }
      ctx.response().setStatusCode(status)
          .putHeader("Content-Type", "application/json")
          .end(outcome.result().toBuffer());
    });
  }
}
