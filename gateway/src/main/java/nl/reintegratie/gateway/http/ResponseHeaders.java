package nl.reintegratie.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts the security headers and {@code API-Version} on every response, errors included: they
 * are added when the headers are written, whichever handler wrote them.
 */
public final class ResponseHeaders implements Handler<RoutingContext> {

  /** The version of the API contract, the same as {@code info.version} in the OpenAPI document. */
  public static final String API_VERSION = "1.0.0";

  /**
   * No inline script or style, nothing from other origins, never framed. The portal is built
   * to work within this (Vite emits only external module scripts and stylesheets).
   */
  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'");

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> apply(ctx.response().headers()));
    ctx.next();
  }

  /** Also used for responses written before routing (malformed requests). */
  static void apply(MultiMap headers) {
    headers
        .set("API-Version", API_VERSION)
        .set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer")
        .set("Cross-Origin-Opener-Policy", "same-origin")
        .set("Cross-Origin-Resource-Policy", "same-origin")
        .set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (!headers.contains("Cache-Control")) {
      // personal data must not linger in shared or browser caches unless a route says so
      headers.set("Cache-Control", "no-store");
    }
  }
}
