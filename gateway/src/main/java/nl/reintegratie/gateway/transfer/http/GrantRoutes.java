package nl.reintegratie.gateway.transfer.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.dossier.CommissionerDossiers.Officer;
import nl.reintegratie.gateway.dossier.http.CommissionerAccess;
import nl.reintegratie.gateway.http.BodyValidation;
import nl.reintegratie.gateway.http.JsonAnswers;
import nl.reintegratie.gateway.http.RequestIds;
import nl.reintegratie.gateway.identity.StaffAccess;
import nl.reintegratie.gateway.transfer.GrantRequest;
import nl.reintegratie.gateway.transfer.Grants;
import nl.reintegratie.gateway.transfer.TransferRefusedException;
import nl.reintegratie.schemas.SchemaCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commissioners' grants: an officer of a municipality or UWV, logged in to the portal, hands parts of a client's
 * earlier dossier to the provider of the next trajectory, follows the grants of their organisation, revokes one, and
 * decides the client's objection. Before any of these routes the router ran the request id and the body limit; then,
 * per route and in this order:
 *
 * <ol>
 *   <li>{@link StaffAccess}: a live portal session (else 401 {@code login-required}), the portal's CSRF rule on
 *       POST (403 {@code cross-site-request}), the {@code commissioner} role (403 {@code forbidden});
 *   <li>the officer: their organisation from the login, never from the request (403 {@code forbidden} when the
 *       login carries none);
 *   <li>for POSTs with a body, schema validation ({@link BodyValidation}: 400 {@code invalid-body} listing every
 *       field);
 *   <li>the handler, which leaves every rule to {@link Grants}: another organisation's grant is 404 like a missing
 *       one, a request the transfer rules refuse 422 {@code transfer-refused} listing every failed rule, a change the
 *       grant's state does not allow 409 {@code grant-state-conflict}.
 * </ol>
 *
 * <p>Every change is logged with who made it (subject id and organisation) and ids or rule codes; never a reason.
 * Routes are registered one by one, never with a wildcard, so each is matched against the OpenAPI document.
 */
public final class GrantRoutes {

  static final String GRANTS = "/api/v1/grants";
  static final String GRANT = GRANTS + "/:grantId";
  static final String REVOCATION = GRANT + "/revocation";
  static final String OBJECTION_DECISION = GRANT + "/objection-decision";

  private static final Logger LOG = LoggerFactory.getLogger(GrantRoutes.class);

  private final Grants grants;
  private final StaffAccess staff;
  private final SchemaCatalog schemas;

  public GrantRoutes(Grants grants, StaffAccess staff, SchemaCatalog schemas) {
    this.grants = Objects.requireNonNull(grants);
    this.staff = Objects.requireNonNull(staff);
    this.schemas = Objects.requireNonNull(schemas);
  }

  /** Mounts every grant route on {@code router}. */
  public void mount(Router router) {
    commissioner(router.get(GRANTS))
        .handler(this::list);
    commissioner(router.post(GRANTS))
        .handler(BodyValidation.against(schemas, "grant-request"))
        .handler(this::create);
    commissioner(router.get(GRANT))
        .handler(this::one);
    commissioner(router.post(REVOCATION))
        .handler(this::revoke);
    commissioner(router.post(OBJECTION_DECISION))
        .handler(BodyValidation.against(schemas, "objection-decision"))
        .handler(this::decideObjection);
  }

  private Route commissioner(Route route) {
    return CommissionerAccess.commissioner(staff, route);
  }

  private static Officer officerOf(RoutingContext ctx) {
    return CommissionerAccess.officerOf(ctx);
  }

  /** {@code GET /grants}: the organisation's grants, newest first, without their texts. */
  private void list(RoutingContext ctx) {
    answer(ctx, grants.grantsOf(officerOf(ctx).organisation()).map(all -> GrantJson.list(all, grants.now())), 200);
  }

  /** {@code POST /grants}: the rules judge the request; when all pass the grant is logged, stored and answered. */
  private void create(RoutingContext ctx) {
    Officer who = officerOf(ctx);
    GrantRequest request = GrantInput.request(who, BodyValidation.body(ctx));
    Future<JsonObject> created = grants.decide(request)
        .onSuccess(made -> LOG.info("event=grant-made by={} byOrganisation={} grantId={} clientId={} provider={}"
                + " sourceTrajectoryId={} receivingTrajectoryId={} documents={} requestId={}", who.subject(),
            who.organisation(), made.grant().grantId(), made.grant().clientId(),
            made.grant().recipientOrganisation(), made.grant().sourceTrajectoryId(),
            made.grant().receivingTrajectoryId(), made.grant().documents().size(), RequestIds.of(ctx)))
        .onFailure(failure -> {
          if (failure instanceof TransferRefusedException refused) {
            LOG.info("event=grant-refused by={} byOrganisation={} rules={} requestId={}", who.subject(),
                who.organisation(), refused.failed().stream().map(outcome -> outcome.rule().code())
                    .collect(Collectors.joining(",")), RequestIds.of(ctx));
          }
        })
        .map(explained -> {
          ctx.response().putHeader("Location", GRANTS + "/" + explained.grant().grantId());
          return GrantJson.of(explained, grants.now());
        });
    answer(ctx, created, 201);
  }

  /** {@code GET /grants/{grantId}}: with the reasons, the objection and its decision opened. */
  private void one(RoutingContext ctx) {
    Officer who = officerOf(ctx);
    answer(ctx, grants.read(who.organisation(), who.subject(), ctx.pathParam("grantId"))
        .map(explained -> GrantJson.of(explained, grants.now())), 200);
  }

  /** {@code POST /grants/{grantId}/revocation}: no body; the release cannot be fetched from now on. */
  private void revoke(RoutingContext ctx) {
    Officer who = officerOf(ctx);
    answer(ctx, grants.revoke(who.organisation(), who.subject(), ctx.pathParam("grantId"))
        .onSuccess(grant -> LOG.info("event=grant-revoked by={} byOrganisation={} grantId={} clientId={}"
                + " provider={} requestId={}", who.subject(), who.organisation(), grant.grantId(), grant.clientId(),
            grant.recipientOrganisation(), RequestIds.of(ctx)))
        .compose(grant -> grants.explainAfterChange(who.organisation(), who.subject(), grant))
        .map(explained -> GrantJson.of(explained, grants.now())), 200);
  }

  /** {@code POST /grants/{grantId}/objection-decision}: upholds (revokes) or rejects the client's objection. */
  private void decideObjection(RoutingContext ctx) {
    Officer who = officerOf(ctx);
    JsonObject body = BodyValidation.body(ctx);
    boolean upheld = body.getBoolean("upheld");
    answer(ctx, grants.decideObjection(who.organisation(), who.subject(), ctx.pathParam("grantId"), upheld,
            body.getString("reasons"))
        .onSuccess(grant -> LOG.info("event=objection-decided by={} byOrganisation={} grantId={} clientId={}"
                + " decision={} requestId={}", who.subject(), who.organisation(), grant.grantId(), grant.clientId(),
            upheld ? "upheld" : "rejected", RequestIds.of(ctx)))
        .compose(grant -> grants.explainAfterChange(who.organisation(), who.subject(), grant))
        .map(explained -> GrantJson.of(explained, grants.now())), 200);
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> result, int status) {
    JsonAnswers.answer(ctx, result, status, LOG, "grant-request-failed");
  }
}
