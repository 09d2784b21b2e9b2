package nl.reintegratie.gateway.transfer.mongo;

import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.store.BsonJson.instant;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.store.BsonJson;
import nl.reintegratie.gateway.transfer.DocumentRef;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.LegalBasis;

/** A {@link Grant} as a document of {@value TransferCollections#GRANTS}; codes, never Java constant names. */
final class GrantCodec {

  static final String REVOKED_AT = "revokedAt";

  private GrantCodec() {
  }

  static JsonObject toDocument(Grant grant) {
    JsonArray documents = new JsonArray();
    grant.documents().forEach(ref -> documents.add(
        new JsonObject().put("documentId", ref.documentId()).put("version", ref.version())));
    JsonObject document = new JsonObject()
        .put("_id", grant.grantId())
        .put("clientId", grant.clientId())
        .put("commissionerOrganisation", grant.commissionerOrganisation())
        .put("sourceTrajectoryId", grant.sourceTrajectoryId())
        .put("recipientOrganisation", grant.recipientOrganisation())
        .put("receivingTrajectoryId", grant.receivingTrajectoryId())
        .put("legalBasis", grant.legalBasis().code())
        .put("documents", documents)
        .put("grantedAt", date(grant.grantedAt()))
        .put("releasableFrom", date(grant.releasableFrom()))
        .put("validUntil", date(grant.validUntil()));
    grant.revokedAt().ifPresent(at -> document.put(REVOKED_AT, date(at)));
    return document;
  }

  static Grant fromDocument(JsonObject document) {
    List<DocumentRef> documents = document.getJsonArray("documents").stream()
        .map(JsonObject.class::cast)
        .map(ref -> new DocumentRef(ref.getString("documentId"), ref.getInteger("version")))
        .toList();
    return new Grant(document.getString("_id"), document.getString("clientId"),
        document.getString("commissionerOrganisation"), document.getString("sourceTrajectoryId"),
        document.getString("recipientOrganisation"), document.getString("receivingTrajectoryId"),
        Coded.fromCode(LegalBasis.class, document.getString("legalBasis")), documents,
        instant(document, "grantedAt"), instant(document, "releasableFrom"), instant(document, "validUntil"),
        BsonJson.optionalInstant(document, REVOKED_AT));
  }
}
