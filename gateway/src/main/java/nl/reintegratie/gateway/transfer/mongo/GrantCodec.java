package nl.reintegratie.gateway.transfer.mongo;

import static nl.reintegratie.gateway.store.BsonJson.binary;
import static nl.reintegratie.gateway.store.BsonJson.bytes;
import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.store.BsonJson.instant;
import static nl.reintegratie.gateway.store.BsonJson.optionalInstant;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.LegalBasis;
import nl.reintegratie.gateway.transfer.Objection;
import nl.reintegratie.gateway.transfer.RuleOutcome;
import nl.reintegratie.gateway.transfer.TransferRule;

/**
 * A {@link Grant} as a document of {@value TransferCollections#GRANTS}; codes, never Java constant names. The
 * evaluation is kept as rule codes with their outcome (a stored grant passed them all); the officer's reasons only
 * sealed. Durations in whole seconds.
 */
final class GrantCodec {

  static final String NOTICE_STORED_AT = "noticeStoredAt";
  static final String REVOKED_AT = "revokedAt";
  static final String OBJECTION = "objection";
  static final String DECISION = "decision";

  private GrantCodec() {
  }

  static JsonObject toDocument(Grant grant) {
    JsonArray documents = new JsonArray();
    grant.documents().forEach(ref -> documents.add(
        new JsonObject().put("documentId", ref.documentId()).put("version", ref.version())));
    JsonArray evaluation = new JsonArray();
    grant.evaluation().forEach(outcome -> evaluation.add(
        new JsonObject().put("rule", outcome.rule().code()).put("passed", outcome.passed())));
    JsonObject document = new JsonObject()
        .put("_id", grant.grantId())
        .put("clientId", grant.clientId())
        .put("commissionerOrganisation", grant.commissionerOrganisation())
        .put("decidedBy", grant.decidedBy())
        .put("sourceTrajectoryId", grant.sourceTrajectoryId())
        .put("recipientOrganisation", grant.recipientOrganisation())
        .put("receivingTrajectoryId", grant.receivingTrajectoryId())
        .put("legalBasis", grant.legalBasis().code())
        .put("documents", documents)
        .put("evaluation", evaluation)
        .put("reasonsWrappedKey", binary(grant.reasons().wrappedDataKey()))
        .put("reasonsCiphertext", binary(grant.reasons().ciphertext()))
        .put("grantedAt", date(grant.grantedAt()))
        .put("waitingSeconds", grant.waitingPeriod().toSeconds())
        .put("validSeconds", grant.validFor().toSeconds());
    grant.noticeStoredAt().ifPresent(at -> document.put(NOTICE_STORED_AT, date(at)));
    grant.revokedAt().ifPresent(at -> document.put(REVOKED_AT, date(at)));
    grant.objection().ifPresent(objection -> document.put(OBJECTION, objection(objection)));
    return document;
  }

  static JsonObject objection(Objection objection) {
    JsonObject document = new JsonObject()
        .put("raisedAt", date(objection.raisedAt()))
        .put("reasonWrappedKey", binary(objection.reason().wrappedDataKey()))
        .put("reasonCiphertext", binary(objection.reason().ciphertext()));
    objection.decision().ifPresent(decision -> document.put(DECISION, decision(decision)));
    return document;
  }

  static JsonObject decision(Objection.Decision decision) {
    return new JsonObject()
        .put("decidedAt", date(decision.decidedAt()))
        .put("decidedBy", decision.decidedBy())
        .put("upheld", decision.upheld())
        .put("reasonsWrappedKey", binary(decision.reasons().wrappedDataKey()))
        .put("reasonsCiphertext", binary(decision.reasons().ciphertext()));
  }

  private static Optional<Objection> objectionOf(JsonObject grant) {
    JsonObject objection = grant.getJsonObject(OBJECTION);
    if (objection == null) {
      return Optional.empty();
    }
    Optional<Objection.Decision> decision = Optional.ofNullable(objection.getJsonObject(DECISION))
        .map(decided -> new Objection.Decision(instant(decided, "decidedAt"), decided.getString("decidedBy"),
            decided.getBoolean("upheld"),
            new SealedText(bytes(decided, "reasonsWrappedKey"), bytes(decided, "reasonsCiphertext"))));
    return Optional.of(new Objection(instant(objection, "raisedAt"),
        new SealedText(bytes(objection, "reasonWrappedKey"), bytes(objection, "reasonCiphertext")), decision));
  }

  static Grant fromDocument(JsonObject document) {
    List<DocumentRef> documents = document.getJsonArray("documents").stream()
        .map(JsonObject.class::cast)
        .map(ref -> new DocumentRef(ref.getString("documentId"), ref.getInteger("version")))
        .toList();
    List<RuleOutcome> evaluation = document.getJsonArray("evaluation").stream()
        .map(JsonObject.class::cast)
        .map(outcome -> {
          TransferRule rule = Coded.fromCode(TransferRule.class, outcome.getString("rule"));
          if (!outcome.getBoolean("passed")) {
            throw new IllegalStateException("a stored grant with a failed rule");
          }
          return new RuleOutcome(rule, true, java.util.Optional.empty(), java.util.Optional.empty());
        })
        .toList();
    return new Grant(document.getString("_id"), document.getString("clientId"),
        document.getString("commissionerOrganisation"), document.getString("decidedBy"),
        document.getString("sourceTrajectoryId"), document.getString("recipientOrganisation"),
        document.getString("receivingTrajectoryId"),
        Coded.fromCode(LegalBasis.class, document.getString("legalBasis")), documents, evaluation,
        new SealedText(bytes(document, "reasonsWrappedKey"), bytes(document, "reasonsCiphertext")),
        instant(document, "grantedAt"), Duration.ofSeconds(document.getLong("waitingSeconds")),
        Duration.ofSeconds(document.getLong("validSeconds")), optionalInstant(document, NOTICE_STORED_AT),
        optionalInstant(document, REVOKED_AT), objectionOf(document));
  }
}
