package nl.reintegratie.gateway.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Header fields that attest a whole response (status, type and exact body), such as the provider API's RFC 9421
 * response signature. A route puts one in its context; {@link Problems} then adds its headers to a problem answer
 * too, so a provider can tell a refusal by the gateway from one made up on the way. A port, so this package need
 * not know how responses are signed.
 */
public interface ResponseSignature {

  /** Where a route keeps its response signature in the routing context. */
  String CONTEXT_KEY = ResponseSignature.class.getName();

  /** The header fields to add to a response with exactly this status, content type and body. */
  Map<String, String> headersFor(int status, String contentType, byte[] body, String requestId);

  /** The response signature of the route {@code ctx} is on, or {@code null}. */
  static ResponseSignature of(RoutingContext ctx) {
    return ctx.get(CONTEXT_KEY);
  }
}
