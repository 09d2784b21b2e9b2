package nl.reintegratie.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status, duration, request id. Never the query string
 * (an OAuth callback carries the authorization code there) nor any header or body.
 */
public final class AccessLog implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger("access");

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(done -> LOG.info("method={} path={} status={} ms={} requestId={}",
        ctx.request().method(), ctx.request().path(), ctx.response().getStatusCode(),
        (System.nanoTime() - start) / 1_000_000, RequestIds.of(ctx)));
    ctx.next();
  }
}
