package nl.reintegratie.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into problem+json: {@link ApiException}s as they are, bare statuses
 * (404, 405, 413, 415 from the router and its handlers) into their standard problem, and
 * anything unexpected into a 500 that shows nothing of the cause. Installed both as the
 * failure handler of every route and as the router's error handler.
 */
public final class ProblemFailureHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemFailureHandler.class);

  private final Router router;

  public ProblemFailureHandler(Router router) {
    this.router = router;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (ctx.response().headWritten()) {
      // too late for a problem document: the client already has a status; cut the response
      LOG.warn("failure after response started requestId={} failure={}", RequestIds.of(ctx),
          failure == null ? ctx.statusCode() : failure.getClass().getName());
      ctx.response().reset();
      return;
    }
    if (failure instanceof ApiException api) {
      Problems.write(ctx, api);
      return;
    }
    java.util.Optional<ApiException> mapped = DomainFailures.asProblem(failure, Language.of(ctx));
    if (mapped.isPresent()) {
      Problems.write(ctx, mapped.get());
      return;
    }
    int status = statusOf(ctx, failure);
    ProblemType type = ProblemType.forStatus(status);
    if (type == ProblemType.INTERNAL_ERROR) {
      LOG.error("unexpected failure requestId={} method={} path={}", RequestIds.of(ctx),
          ctx.request().method(), ctx.normalizedPath(), failure);
    }
    if (status == 405) {
      // RFC 9110: a 405 must say which methods the resource does allow
      ctx.response().putHeader("Allow", AllowedMethods.of(router, ctx.normalizedPath()));
    }
    Problems.write(ctx, type, DefaultDetails.nl(type), DefaultDetails.en(type));
  }

  private static int statusOf(RoutingContext ctx, Throwable failure) {
    if (failure instanceof HttpException http) {
      return http.getStatusCode();
    }
    if (failure != null) {
      return 500;
    }
    int status = ctx.statusCode();
    return status >= 400 ? status : 500;
  }
}
