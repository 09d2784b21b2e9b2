package nl.reintegratie.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /health/live}: the process runs. {@code /health/ready}: every {@link ReadinessCheck}
 * passes, so a load balancer may send traffic. Neither needs authentication nor reveals more
 * than UP/DOWN per dependency.
 */
public final class HealthRoutes {

  private final List<ReadinessCheck> checks;

  public HealthRoutes(List<ReadinessCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    List<Future<Void>> results = checks.stream().map(ReadinessCheck::check).toList();
    Future.join(results).onComplete(ignored -> {
      JsonObject status = new JsonObject();
      boolean allUp = true;
      for (int i = 0; i < checks.size(); i++) {
        boolean up = results.get(i).succeeded();
        allUp &= up;
        status.put(checks.get(i).name(), up ? "UP" : "DOWN");
      }
      if (allUp) {
        json(ctx, 200, new JsonObject().put("status", "UP").put("checks", status));
      } else {
        Problems.write(ctx.response(), Language.of(ctx), ProblemType.SERVICE_UNAVAILABLE,
            Language.of(ctx) == Language.EN ? "A dependency of the gateway is not reachable."
                : "Een onderdeel waar de gateway van afhangt is niet bereikbaar.",
            new JsonObject().put("checks", status), RequestIds.of(ctx));
      }
    });
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toBuffer());
  }
}
