package nl.reintegratie.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * Gives every request an id, returned in {@code X-Request-ID} and used as the problem
 * {@code instance}, so a user's error report can be matched to the log line without either
 * side revealing anything else. A caller's own id is not trusted (it could inject into logs).
 */
public final class RequestIds implements Handler<RoutingContext> {

  public static final String HEADER = "X-Request-ID";
  private static final String KEY = "requestId";

  @Override
  public void handle(RoutingContext ctx) {
    String id = UUID.randomUUID().toString();
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  public static String of(RoutingContext ctx) {
    return ctx.get(KEY);
  }
}
