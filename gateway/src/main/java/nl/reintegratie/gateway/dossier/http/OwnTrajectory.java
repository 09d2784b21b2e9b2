package nl.reintegratie.gateway.dossier.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import nl.reintegratie.gateway.dossier.ProviderDossiers;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.signature.http.ProviderSignatureHandler;

/**
 * The owner check: the {@code :trajectoryId} of the path must be a trajectory commissioned to the calling provider.
 * Otherwise the request fails with 404 {@code not-found}, exactly as for an id that does not exist, before its body
 * is even looked at; so another provider learns nothing, not even whether its body would have been valid. Mount
 * behind {@link ProviderSignatureHandler}; the next handlers get the trajectory from {@link #of}.
 */
final class OwnTrajectory implements Handler<RoutingContext> {

  static final String PARAM = "trajectoryId";
  private static final String KEY = OwnTrajectory.class.getName();

  private final ProviderDossiers dossiers;

  OwnTrajectory(ProviderDossiers dossiers) {
    this.dossiers = dossiers;
  }

  /** The caller's trajectory this request is about; only behind this handler. */
  static Trajectory of(RoutingContext ctx) {
    Trajectory trajectory = ctx.get(KEY);
    if (trajectory == null) {
      throw new IllegalStateException("route is not behind OwnTrajectory");
    }
    return trajectory;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String organisation = ProviderSignatureHandler.caller(ctx).organisationId();
    dossiers.trajectory(organisation, ctx.pathParam(PARAM)).onComplete(outcome -> {
      if (outcome.succeeded()) {
        ctx.put(KEY, outcome.result());
        ctx.next();
      } else {
        ctx.fail(outcome.cause());
      }
    });
  }
}
