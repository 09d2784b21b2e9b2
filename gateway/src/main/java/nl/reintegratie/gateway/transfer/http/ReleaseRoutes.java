package nl.reintegratie.gateway.transfer.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import nl.reintegratie.gateway.signature.http.ProviderSignatureHandler;
import nl.reintegratie.gateway.signature.http.ResponseSigner;
import nl.reintegratie.gateway.signature.http.SignedResponses;
import nl.reintegratie.gateway.transfer.ProviderReleases;

/**
 * The provider API's release routes, behind the same signature authentication and response signing as the
 * trajectory routes. Which releases the caller may see is decided by {@link ProviderReleases}, from the
 * organisation of the verified signing key only.
 */
public final class ReleaseRoutes {

  /** The media type of a sealed release: the envelope bytes of {@code ReleaseSealer}, format v1. */
  public static final String SEALED_RELEASE = "application/vnd.nl-reintegratie.sealed-release";
  static final String RELEASES = "/api/v1/releases";

  private final ProviderReleases releases;
  private final ProviderSignatureHandler signatures;
  private final ResponseSigner responses;

  public ReleaseRoutes(ProviderReleases releases, ProviderSignatureHandler signatures, ResponseSigner responses) {
    this.releases = Objects.requireNonNull(releases);
    this.signatures = Objects.requireNonNull(signatures);
    this.responses = Objects.requireNonNull(responses);
  }

  public void mount(Router router) {
    authenticated(router.get(RELEASES)).handler(this::list);
    authenticated(router.get(RELEASES + "/:releaseId")).handler(this::fetch);
  }

  private Route authenticated(Route route) {
    // the signer first, so a refused request signature is answered signed as well
    return route.handler(responses).handler(signatures);
  }

  private void list(RoutingContext ctx) {
    String organisation = ProviderSignatureHandler.caller(ctx).organisationId();
    releases.releases(organisation).onComplete(outcome -> {
      if (outcome.failed()) {
        ctx.fail(outcome.cause());
      } else {
        SignedResponses.end(ctx, 200, "application/json",
            ReleaseJson.list(outcome.result(), releases.now()).toBuffer());
      }
    });
  }

  private void fetch(RoutingContext ctx) {
    String organisation = ProviderSignatureHandler.caller(ctx).organisationId();
    releases.fetch(organisation, ctx.pathParam("releaseId")).onComplete(outcome -> {
      if (outcome.failed()) {
        ctx.fail(outcome.cause());
      } else {
        SignedResponses.end(ctx, 200, SEALED_RELEASE, Buffer.buffer(outcome.result()));
      }
    });
  }
}
