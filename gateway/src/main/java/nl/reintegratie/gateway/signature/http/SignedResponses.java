package nl.reintegratie.gateway.signature.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import nl.reintegratie.gateway.http.RequestIds;

/** How provider API handlers answer: every response signed by the gateway, see {@link ResponseSigner}. */
public final class SignedResponses {

  private SignedResponses() {
  }

  /**
   * Ends the response with {@code status}, {@code contentType} and {@code body}, signed. Success: as
   * {@link HttpServerResponse#end(Buffer)}. Failure: {@link IllegalStateException} (thrown) when the route is not
   * behind a {@link ResponseSigner}, a wiring mistake that must not send an unsigned response.
   */
  public static Future<Void> end(RoutingContext ctx, int status, String contentType, Buffer body) {
    ResponseSigner signer = ResponseSigner.of(ctx);
    if (signer == null) {
      throw new IllegalStateException("route is not behind ResponseSigner");
    }
    HttpServerResponse response = ctx.response().setStatusCode(status).putHeader("Content-Type", contentType);
    signer.headersFor(status, contentType, body.getBytes(), RequestIds.of(ctx)).forEach(response::putHeader);
    return response.end(body);
  }
}
