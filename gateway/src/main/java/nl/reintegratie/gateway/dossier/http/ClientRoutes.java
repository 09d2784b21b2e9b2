package nl.reintegratie.gateway.dossier.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Set;
import nl.reintegratie.gateway.dossier.AttachmentType;
import nl.reintegratie.gateway.dossier.ClientDossiers;
import nl.reintegratie.gateway.dossier.DossierService.OpenedDocument;
import nl.reintegratie.gateway.http.OrganisationNames;
import nl.reintegratie.gateway.http.RequestIds;
import nl.reintegratie.gateway.identity.ClientAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client API over the client's own dossier: their trajectories and the documents they may see. Before any of
 * these routes the router ran the request id and the body limit; then {@link ClientAccess}: a live portal session
 * (401 {@code login-required}), the {@code client} role (403 {@code forbidden}), and the client id found from the
 * login's BSN (404 {@code client-unknown} when there is none). Every rule about what is theirs is
 * {@link ClientDossiers}'s: another client's trajectory, another trajectory's document and a document not visible to
 * the client are 404, exactly like a missing one.
 *
 * <p>The client reading their own data is not a disclosure and is not logged as one; failures are logged with the
 * subject id and the path, never content.
 */
public final class ClientRoutes {

  static final String TRAJECTORIES = "/api/v1/me/trajectories";
  static final String TRAJECTORY = TRAJECTORIES + "/:trajectoryId";
  static final String DOCUMENTS = TRAJECTORY + "/documents";
  static final String DOCUMENT = DOCUMENTS + "/:documentId";

  private static final Logger LOG = LoggerFactory.getLogger(ClientRoutes.class);

  private final ClientDossiers dossiers;
  private final ClientAccess clients;
  private final OrganisationNames names;

  public ClientRoutes(ClientDossiers dossiers, ClientAccess clients, OrganisationNames names) {
    this.dossiers = Objects.requireNonNull(dossiers);
    this.clients = Objects.requireNonNull(clients);
    this.names = Objects.requireNonNull(names);
  }

  /** Mounts the routes one by one (never a wildcard), so each is matched against the OpenAPI document. */
  public void mount(Router router) {
    clients.requireClient(router.get(TRAJECTORIES)).handler(this::list);
    clients.requireClient(router.get(TRAJECTORY)).handler(this::one);
    clients.requireClient(router.get(DOCUMENTS)).handler(this::documents);
    clients.requireClient(router.get(DOCUMENT)).handler(this::document);
  }

  /** {@code GET /me/trajectories}: every trajectory of the client, first chance first. */
  private void list(RoutingContext ctx) {
    answer(ctx, dossiers.trajectories(ClientAccess.client(ctx).clientId())
        .compose(trajectories -> names.namesOf(ClientTrajectoryJson.organisations(trajectories))
            .map(known -> ClientTrajectoryJson.list(trajectories, known))));
  }

  /** {@code GET /me/trajectories/{trajectoryId}}. */
  private void one(RoutingContext ctx) {
    answer(ctx, dossiers.trajectory(ClientAccess.client(ctx).clientId(), ctx.pathParam("trajectoryId"))
        .compose(trajectory -> names.namesOf(Set.of(trajectory.trajectory().providerOrganisation(),
                trajectory.trajectory().commissionerOrganisation()))
            .map(known -> ClientTrajectoryJson.of(trajectory, known))));
  }

  /** {@code GET /me/trajectories/{trajectoryId}/documents}: headers of the documents the client may see. */
  private void documents(RoutingContext ctx) {
    answer(ctx, dossiers.documents(ClientAccess.client(ctx).clientId(), ctx.pathParam("trajectoryId"))
        .map(ClientTrajectoryJson::documents));
  }

  /**
   * {@code GET /me/trajectories/{trajectoryId}/documents/{documentId}}: the latest version's content as stored, with
   * its own media type. A file is offered as a download ({@code Content-Disposition: attachment}, a generated name),
   * never shown inline on the gateway's origin.
   */
  private void document(RoutingContext ctx) {
    Future<OpenedDocument> opened = dossiers.document(ClientAccess.client(ctx).clientId(),
        ctx.pathParam("trajectoryId"), ctx.pathParam("documentId"));
    opened.onComplete(outcome -> {
      if (outcome.failed()) {
        failed(ctx, outcome.cause());
        return;
      }
      OpenedDocument document = outcome.result();
      String contentType = document.header().contentType();
      ctx.response().putHeader("Content-Type", contentType)
          .putHeader("Document-Version", Integer.toString(document.header().version()));
      AttachmentType.fromMediaType(contentType).ifPresent(file -> ctx.response().putHeader("Content-Disposition",
          "attachment; filename=\"" + document.header().documentId() + extension(file) + "\""));
      ctx.response().setStatusCode(200).end(Buffer.buffer(document.content()));
    });
  }

  private static String extension(AttachmentType type) {
    return switch (type) {
      case PDF -> ".pdf";
      case PNG -> ".png";
      case JPEG -> ".jpg";
    };
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> result) {
    result.onComplete(outcome -> {
      if (outcome.failed()) {
        failed(ctx, outcome.cause());
        return;
      }
      ctx.response().setStatusCode(200)
          .putHeader("Content-Type", "application/json")
          .end(outcome.result().toBuffer());
    });
  }

  /** The failure handler maps the domain's failures (404, 410, 500 integrity, 503). */
  private static void failed(RoutingContext ctx, Throwable cause) {
    LOG.info("event=client-request-failed failure={} subject={} method={} path={} requestId={}",
        cause.getClass().getSimpleName(), ClientAccess.client(ctx).subject(), ctx.request().method(),
        ctx.normalizedPath(), RequestIds.of(ctx));
    ctx.fail(cause);
  }
}
