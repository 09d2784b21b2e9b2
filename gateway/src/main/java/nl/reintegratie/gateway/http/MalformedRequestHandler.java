package nl.reintegratie.gateway.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the HTTP decoder could not even parse (a URI or headers over the limits, broken
 * framing) never reach the router. They get the same problem+json and headers as everything
 * else, and the connection is closed because its framing can no longer be trusted (request
 * smuggling).
 */
public final class MalformedRequestHandler implements Handler<HttpServerRequest> {

  private static final Logger LOG = LoggerFactory.getLogger("security");

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ProblemType type;
    if (cause instanceof TooLongHttpLineException) {
      type = ProblemType.URI_TOO_LONG;
    } else if (cause instanceof TooLongHttpHeaderException) {
      type = ProblemType.HEADERS_TOO_LARGE;
    } else {
      type = ProblemType.BAD_REQUEST;
    }
    String requestId = UUID.randomUUID().toString();
    LOG.warn("event=malformed-request requestId={} problem={}", requestId, type.uri());
    ResponseHeaders.apply(request.response().headers());
    request.response().putHeader(RequestIds.HEADER, requestId);
    Problems.write(request.response(), Language.NL, type,
        type == ProblemType.BAD_REQUEST ? "Het HTTP-verzoek is niet goed opgebouwd."
            : "Het verzoek is groter dan de gateway aanneemt.",
        new JsonObject(), requestId)
        .onComplete(done -> request.connection().close());
  }
}
