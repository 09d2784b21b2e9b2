package nl.reintegratie.gateway.dossier.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.dossier.Confidentiality;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.InvalidInputException;
import nl.reintegratie.gateway.dossier.ProviderDossiers;
import nl.reintegratie.gateway.dossier.SubmissionEvidence;
import nl.reintegratie.gateway.dossier.Transferability;
import nl.reintegratie.gateway.http.BodyValidation;
import nl.reintegratie.gateway.signature.http.ProviderCaller;
import nl.reintegratie.gateway.signature.http.ProviderSignatureHandler;
import nl.reintegratie.gateway.signature.http.SignedResponses;

/**
 * Stores a provider's document: {@code POST /api/v1/trajectories/{trajectoryId}/<kind>}. The content stored (and
 * encrypted) is the request body exactly as received, not the parsed JSON, so the provider's signature, kept as
 * {@link SubmissionEvidence}, can be re-verified against it later. Answers 201 with {@code {documentId, version}}
 * and a {@code Location}; a repeat with the same Idempotency-Key and body answers the same, with
 * {@code Idempotent-Replayed: true}.
 */
final class DocumentSubmission implements Handler<RoutingContext> {

  private final ProviderDossiers dossiers;
  private final DocumentKind kind;

  DocumentSubmission(ProviderDossiers dossiers, DocumentKind kind) {
    this.dossiers = dossiers;
    this.kind = kind;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ProviderCaller caller = ProviderSignatureHandler.caller(ctx);
    String trajectoryId = OwnTrajectory.of(ctx).trajectoryId();
    DocumentProperties properties;
    try {
      properties = properties(BodyValidation.body(ctx).getJsonObject("properties"));
    } catch (IllegalArgumentException e) { // the schema allows nothing else; this guards a schema change
      ctx.fail(new InvalidInputException("properties", "is not a valid combination of document properties"));
      return;
    }
    ProviderDossiers.Submission submission = new ProviderDossiers.Submission(caller.organisationId(), trajectoryId,
        kind.type, IdempotencyKeys.of(ctx), properties, ctx.body().buffer().getBytes(), evidence(ctx, caller));
    dossiers.submit(submission).onComplete(outcome -> {
      if (outcome.failed()) {
        ctx.fail(outcome.cause());
        return;
      }
      String documentId = outcome.result().header().documentId();
      ctx.response().putHeader("Location",
          "/api/v1/trajectories/" + trajectoryId + "/" + kind.pathSegment + "/" + documentId);
      if (outcome.result().repeated()) {
        ctx.response().putHeader("Idempotent-Replayed", "true");
      }
      SignedResponses.end(ctx, 201, "application/json", new JsonObject()
          .put("documentId", documentId)
          .put("version", outcome.result().header().version())
          .toBuffer());
    });
  }

  private static DocumentProperties properties(JsonObject json) {
    return new DocumentProperties(Coded.fromCode(Confidentiality.class, json.getString("confidentiality")),
        json.getBoolean("clientVisible"), Coded.fromCode(Transferability.class, json.getString("transferability")));
  }

  // the signature verified already, so these are the values it was checked against
  private static SubmissionEvidence evidence(RoutingContext ctx, ProviderCaller caller) {
    Map<String, String> covered = new LinkedHashMap<>();
    caller.components().stream().filter(component -> !component.startsWith("@"))
        .forEach(name -> covered.put(name, header(ctx, name)));
    return new SubmissionEvidence(caller.keyId(), caller.label(), ctx.request().method().name(),
        caller.targetUri().toString(), covered, header(ctx, "Signature-Input"), header(ctx, "Signature"),
        header(ctx, "Content-Digest"), caller.created());
  }

  // a field sent in several lines is one field (RFC 9110 section 5.3)
  private static String header(RoutingContext ctx, String name) {
    return String.join(", ", ctx.request().headers().getAll(name));
  }
}
