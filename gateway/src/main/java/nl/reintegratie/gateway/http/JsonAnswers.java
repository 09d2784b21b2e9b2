package nl.reintegratie.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;

/**
 * The one way a portal API route answers with the outcome of its work: the JSON with {@code status}, or, on failure,
 * one log line (what failed, where, the request id; never the input) and the failure handed to the router's failure
 * handler, which maps the domain's failures to problem+json ({@link DomainFailures}).
 */
public final class JsonAnswers {

  private JsonAnswers() {
  }

  /**
   * @param log         the route's own logger
   * @param failedEvent the {@code event=} code of the failure line, e.g. {@code grant-request-failed}
   */
  public static void answer(RoutingContext ctx, Future<JsonObject> result, int status, Logger log,
                            String failedEvent) {
    result.onComplete(outcome -> {
      if (outcome.failed()) {
        log.info("event={} failure={} method={} path={} requestId={}", failedEvent,
            outcome.cause().getClass().getSimpleName(), ctx.request().method(), ctx.normalizedPath(),
            RequestIds.of(ctx));
        ctx.fail(outcome.cause());
        return;
      }
      ctx.response().setStatusCode(status)
          .putHeader("Content-Type", "application/json")
          .end(outcome.result().toBuffer());
    });
  }
}
