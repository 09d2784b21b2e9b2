package nl.reintegratie.gateway.transfer;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import nl.reintegratie.gateway.dossier.DossierService.OpenedDocument;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryJson;

/**
 * The plaintext of a release, before sealing: UTF-8 JSON, schema {@code urn:nl-reintegratie:schema:release-content}.
 * A JSON document's content is spliced in byte for byte as it was stored (it was validated JSON when submitted), so
 * the recipient sees exactly what the earlier provider signed, and a 100 KB dossier is not parsed and re-encoded
 * on every fetch. Other content (attachments) travels as base64.
 */
final class ReleaseContent {

  private ReleaseContent() {
  }

  static byte[] of(Grant grant, Trajectory source, List<OpenedDocument> documents) {
    JsonObject release = new JsonObject()
        .put("releaseId", grant.grantId())
        .put("legalBasis", grant.legalBasis().code())
        .put("commissionerId", grant.commissionerOrganisation())
        .put("recipientId", grant.recipientOrganisation())
        .put("receivingTrajectoryId", grant.receivingTrajectoryId())
        .put("grantedAt", grant.grantedAt().toString())
        .put("validUntil", grant.validUntil().orElseThrow().toString()) // only available releases have content
        .put("sourceTrajectory", TrajectoryJson.of(source));
    int size = documents.stream().mapToInt(document -> document.content().length + 300).sum();
    Buffer json = Buffer.buffer(size + 1024);
    appendOpen(json, release).appendString(",\"documents\":[");
    for (int i = 0; i < documents.size(); i++) {
      if (i > 0) {
        json.appendString(",");
      }
      append(json, documents.get(i));
    }
    return json.appendString("]}").getBytes();
  }

  private static void append(Buffer json, OpenedDocument document) {
    var header = document.header();
    JsonObject metadata = new JsonObject()
        .put("documentId", header.documentId())
        .put("version", header.version())
        .put("type", header.type().code())
        .put("contentType", header.contentType())
        .put("createdAt", header.createdAt().toString())
        .put("authorId", header.author());
    byte[] content = document.content();
    if ("application/json".equals(header.contentType())) {
      appendOpen(json, metadata).appendString(",\"content\":").appendBytes(content).appendString("}");
    } else {
      json.appendString(metadata.put("contentBase64", Base64.getEncoder().encodeToString(content)).encode());
    }
  }

  /** {@code object} encoded without its closing brace, so fields can follow; never empty here. */
  private static Buffer appendOpen(Buffer json, JsonObject object) {
    String encoded = object.encode();
    return json.appendString(encoded.substring(0, encoded.length() - 1));
  }
}
