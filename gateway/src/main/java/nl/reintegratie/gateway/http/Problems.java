package nl.reintegratie.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problem+json responses. The only place that knows their shape. */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {}

  /** Answers the request with the problem described by {@code e}. */
  public static Future<Void> write(RoutingContext ctx, ApiException e) {
    Language language = Language.of(ctx);
    return write(ctx.response(), language, e.type(), e.detail(), e.extensions(), RequestIds.of(ctx),
        ResponseSignature.of(ctx));
  }

  /** Answers with {@code type} and a detail in the caller's language. */
  public static Future<Void> write(RoutingContext ctx, ProblemType type, String detailNl, String detailEn) {
    Language language = Language.of(ctx);
    String detail = language == Language.EN ? detailEn : detailNl;
    return write(ctx.response(), language, type, detail, new JsonObject(), RequestIds.of(ctx),
        ResponseSignature.of(ctx));
  }

  /** Lowest level: also used where no routing context exists yet (malformed requests). */
  public static Future<Void> write(HttpServerResponse response, Language language, ProblemType type,
                                   String detail, JsonObject extensions, String requestId) {
    return write(response, language, type, detail, extensions, requestId, null);
  }

  /** As above; with a {@code signature} (may be {@code null}) the problem is signed like the route's answers. */
  private static Future<Void> write(HttpServerResponse response, Language language, ProblemType type,
                                    String detail, JsonObject extensions, String requestId,
                                    ResponseSignature signature) {
    JsonObject body = new JsonObject()
        .put("type", type.uri())
        .put("title", type.title(language))
        .put("status", type.status())
        .put("detail", detail);
    if (requestId != null) {
      body.put("instance", "urn:uuid:" + requestId);
    }
    extensions.forEach(entry -> body.put(entry.getKey(), entry.getValue()));
    io.vertx.core.buffer.Buffer bytes = body.toBuffer();
    response
        .setStatusCode(type.status())
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Content-Language", language.name().toLowerCase(java.util.Locale.ROOT))
        .putHeader("Cache-Control", "no-store");
    if (signature != null) {
      signature.headersFor(type.status(), CONTENT_TYPE, bytes.getBytes(), requestId).forEach(response::putHeader);
    }
    return response.end(bytes);
  }
}
