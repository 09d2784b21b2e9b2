package nl.reintegratie.gateway.dossier.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import nl.reintegratie.gateway.dossier.ProviderDossiers;
import nl.reintegratie.gateway.dossier.TrajectoryJson;
import nl.reintegratie.gateway.http.BodyValidation;
import nl.reintegratie.gateway.signature.http.ProviderSignatureHandler;
import nl.reintegratie.gateway.signature.http.ResponseSigner;
import nl.reintegratie.gateway.signature.http.SignedResponses;
import nl.reintegratie.schemas.SchemaCatalog;

/**
 * The provider API routes, each with its whole handler chain in one place. Before any of them the router itself
 * ran the request id and the body limit ({@code GatewayRouter}); then, per route and in this order:
 *
 * <ol>
 *   <li>the response signer ({@link ResponseSigner}: the route answers through {@link SignedResponses#end}, and
 *       every problem answer of the route is signed too);
 *   <li>signature authentication ({@link ProviderSignatureHandler}: 400/401 problem without a valid signature);
 *   <li>for routes under a trajectory, the owner check ({@link OwnTrajectory}: 404 when it is not the caller's);
 *   <li>for POSTs, the Idempotency-Key ({@link IdempotencyKeys}) and schema validation ({@link BodyValidation});
 *   <li>the route's handler.
 * </ol>
 *
 * <p>Routes are registered one by one, never with a wildcard, so every route is matched against the OpenAPI
 * document by the contract test.
 */
public final class ProviderApiRoutes {

  static final String TRAJECTORIES = "/api/v1/trajectories";
  static final String TRAJECTORY = TRAJECTORIES + "/:" + OwnTrajectory.PARAM;

  private final ProviderDossiers dossiers;
  private final ProviderSignatureHandler signatures;
  private final ResponseSigner responses;
  private final SchemaCatalog schemas;

  public ProviderApiRoutes(ProviderDossiers dossiers, ProviderSignatureHandler signatures, ResponseSigner responses,
                           SchemaCatalog schemas) {
    this.dossiers = Objects.requireNonNull(dossiers);
    this.signatures = Objects.requireNonNull(signatures);
    this.responses = Objects.requireNonNull(responses);
    this.schemas = Objects.requireNonNull(schemas);
  }

  /** Mounts every provider API route on {@code router}. */
  public void mount(Router router) {
    OwnTrajectory owner = new OwnTrajectory(dossiers);
    IdempotencyKeys idempotencyKey = new IdempotencyKeys();

    authenticated(router.get(TRAJECTORIES))
        .handler(this::listTrajectories);
    authenticated(router.get(TRAJECTORY))
        .handler(owner)
        .handler(ProviderApiRoutes::oneTrajectory);
    for (DocumentKind kind : DocumentKind.values()) {
      authenticated(router.post(TRAJECTORY + "/" + kind.pathSegment))
          .handler(owner)
          .handler(idempotencyKey)
          .handler(BodyValidation.against(schemas, kind.schema))
          .handler(new DocumentSubmission(dossiers, kind));
      authenticated(router.get(TRAJECTORY + "/" + kind.pathSegment + "/:documentId"))
          .handler(owner)
          .handler(ctx -> oneDocument(ctx, kind));
    }
  }

  private Route authenticated(Route route) {
    // the signer first, so a refused request signature is answered signed as well
    return route.handler(responses).handler(signatures);
  }

  private void listTrajectories(RoutingContext ctx) {
    String organisation = ProviderSignatureHandler.caller(ctx).organisationId();
    dossiers.trajectories(organisation).onComplete(outcome -> {
      if (outcome.failed()) {
        ctx.fail(outcome.cause());
      } else {
        SignedResponses.end(ctx, 200, "application/json", TrajectoryJson.list(outcome.result()).toBuffer());
      }
    });
  }

  /** The latest version of a submitted document: the body exactly as it was submitted and signed. */
  private void oneDocument(RoutingContext ctx, DocumentKind kind) {
    String organisation = ProviderSignatureHandler.caller(ctx).organisationId();
    dossiers.document(organisation, OwnTrajectory.of(ctx).trajectoryId(), kind.type, ctx.pathParam("documentId"))
        .onComplete(outcome -> {
          if (outcome.failed()) {
            ctx.fail(outcome.cause());
            return;
          }
          ctx.response().putHeader("Document-Version", Integer.toString(outcome.result().header().version()));
          SignedResponses.end(ctx, 200, "application/json", Buffer.buffer(outcome.result().content()));
        });
  }

  private static void oneTrajectory(RoutingContext ctx) {
    SignedResponses.end(ctx, 200, "application/json", TrajectoryJson.of(OwnTrajectory.of(ctx)).toBuffer());
  }

}
