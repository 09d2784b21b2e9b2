package nl.reintegratie.gateway.signature.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.RequestIds;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.RejectionReason;
import nl.reintegratie.protocol.signature.SignatureException;
import nl.reintegratie.gateway.signature.SignatureVerifier;
import nl.reintegratie.gateway.signature.VerifiedSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates provider API requests by their RFC 9421 signature. Mount it after the router's body handler and
 * before the routes it protects.
 *
 * <p><b>Which target URI.</b> The {@code @target-uri} the verifier checks is the configured public base URL's
 * scheme and authority followed by the path and query exactly as the request line carries them. The Host header
 * is ignored: it is the client's to choose, and behind a TLS-terminating proxy it, the scheme and the port differ
 * from what the client addressed. Binding signatures to our public origin means a request signed for another
 * service (or for the acceptance environment) never verifies here. A request line in absolute form contributes
 * only its path and query.
 *
 * <p>Success: the request continues, with its {@link #caller} set. Failure: the context fails with the
 * {@link SignatureProblems problem} of the rejection reason (400 or 401, problem+json; a request without any
 * signature gets {@code unauthenticated}, 401) and an
 * {@code Accept-Signature} field (RFC 9421 section 5.1) saying what a signature must cover; when the nonce ledger
 * cannot answer, with the store's failure (503). Every rejection is logged as a {@code security} event with reason,
 * key id (when it parses) and request id; never the body, header values or signature bytes.
 */
public final class ProviderSignatureHandler implements Handler<RoutingContext> {

  private static final Logger SECURITY = LoggerFactory.getLogger("security");
  private static final String CALLER = ProviderSignatureHandler.class.getName() + ".caller";
  /** What a provider's signature must cover and carry; sent with every rejection. */
  private static final java.util.regex.Pattern KEY_ID = java.util.regex.Pattern.compile(
      ";keyid=\"([A-Za-z0-9._-]{1,100})\"");
  static final String ACCEPT_SIGNATURE =
      "sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"content-type\");keyid;created;nonce;alg=\"ed25519\"";

  private final SignatureVerifier verifier;
  private final String origin;

  /**
   * @param publicBaseUrl the gateway's public base URL ({@code PUBLIC_BASE_URL}); only its scheme and authority
   *     are used
   */
  public ProviderSignatureHandler(SignatureVerifier verifier, URI publicBaseUrl) {
    this.verifier = Objects.requireNonNull(verifier);
    if (publicBaseUrl.getScheme() == null || publicBaseUrl.getRawAuthority() == null) {
      throw new IllegalArgumentException("the public base URL must be absolute");
    }
    this.origin = publicBaseUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + publicBaseUrl.getRawAuthority();
  }

  /**
   * The verified caller of a request this handler let through. Failure: {@link IllegalStateException} when the
   * route is not behind this handler, a wiring mistake that must not look like an anonymous call.
   */
  public static ProviderCaller caller(RoutingContext ctx) {
    ProviderCaller caller = ctx.get(CALLER);
    if (caller == null) {
      throw new IllegalStateException("route is not behind ProviderSignatureHandler");
    }
    return caller;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.request().getHeader("Signature-Input") == null && ctx.request().getHeader("Signature") == null) {
      SECURITY.warn("event=signature-rejected reason=UNSIGNED requestId={} method={} path={}", RequestIds.of(ctx),
          ctx.request().method(), ctx.normalizedPath());
      ctx.response().putHeader("Accept-Signature", ACCEPT_SIGNATURE);
      ctx.fail(SignatureProblems.unsigned(Language.of(ctx)));
      return;
    }
    HttpMessage message;
    try {
      message = message(ctx.request());
    } catch (IllegalArgumentException e) { // a request target that is no URI at all
      reject(ctx, new SignatureException(RejectionReason.MALFORMED));
      return;
    }
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    URI targetUri = message.targetUri();
    verifier.verify(message, body == null ? new byte[0] : body.getBytes()).onComplete(outcome -> {
      if (outcome.succeeded()) {
        VerifiedSignature verified = outcome.result();
        ctx.put(CALLER, new ProviderCaller(verified.organisationId(), verified.keyId(), verified.label(),
            verified.created(), verified.components(), targetUri));
        ctx.next();
      } else if (outcome.cause() instanceof SignatureException rejection) {
        reject(ctx, rejection);
      } else {
        ctx.fail(outcome.cause());
      }
    });
  }

  private HttpMessage message(HttpServerRequest request) {
    String target = request.uri();
    if (!target.startsWith("/")) {
      URI absolute = URI.create(target);
      target = (absolute.getRawPath() == null || absolute.getRawPath().isEmpty() ? "/" : absolute.getRawPath())
          + (absolute.getRawQuery() == null ? "" : "?" + absolute.getRawQuery());
    }
    return new HttpMessage(request.method().name(), URI.create(origin + target), null, headers(request.headers()));
  }

  private static Map<String, List<String>> headers(MultiMap headers) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      fields.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
          .add(header.getValue());
    }
    return fields;
  }

  private static void reject(RoutingContext ctx, SignatureException rejection) {
    SECURITY.warn("event=signature-rejected reason={} keyId={} requestId={} method={} path={}",
        rejection.reason(), claimedKeyId(ctx), RequestIds.of(ctx), ctx.request().method(), ctx.normalizedPath());
    ctx.response().putHeader("Accept-Signature", ACCEPT_SIGNATURE);
    ctx.fail(SignatureProblems.of(rejection.reason(), Language.of(ctx)));
  }

  // the keyid the caller claims, for the log only; limited to the key id alphabet so nothing can be injected
  private static String claimedKeyId(RoutingContext ctx) {
    String input = ctx.request().getHeader("Signature-Input");
    if (input == null) {
      return "-";
    }
    java.util.regex.Matcher matcher = KEY_ID.matcher(input);
    return matcher.find() ? matcher.group(1) : "-";
  }
}
