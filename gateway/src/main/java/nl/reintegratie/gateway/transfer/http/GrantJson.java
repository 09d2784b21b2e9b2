package nl.reintegratie.gateway.transfer.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.GrantReasons;
import nl.reintegratie.gateway.transfer.Grants;
import nl.reintegratie.gateway.transfer.Objection;

/**
 * A grant as its commissioner sees it: in the list ({@code GrantSummary} in the OpenAPI document) ids, codes,
 * instants and the availability at this moment; alone ({@code CommissionerGrant}) also every rule's outcome, the
 * selected documents, and the texts opened: the officer's reasons, and the client's objection with any decision,
 * since the commissioner must decide it.
 */
final class GrantJson {

  private GrantJson() {
  }

  static JsonObject list(List<Grant> grants, Instant now) {
    JsonArray all = new JsonArray();
    grants.forEach(grant -> all.add(summary(grant, now)));
    return new JsonObject().put("grants", all);
  }

  static JsonObject summary(Grant grant, Instant now) {
    JsonObject json = new JsonObject()
        .put("grantId", grant.grantId())
        .put("clientId", grant.clientId())
        .put("commissionerId", grant.commissionerOrganisation())
        .put("sourceTrajectoryId", grant.sourceTrajectoryId())
        .put("recipientId", grant.recipientOrganisation())
        .put("receivingTrajectoryId", grant.receivingTrajectoryId())
        .put("legalBasis", grant.legalBasis().code())
        .put("status", grant.availabilityAt(now).code())
        .put("grantedAt", grant.grantedAt().toString())
        .put("documentCount", grant.documents().size());
    // the period is known once the client's notice is in their inbox: it starts from there
    grant.noticeStoredAt().ifPresent(at -> json.put("noticeStoredAt", at.toString()));
    grant.releasableFrom().ifPresent(from -> json.put("availableFrom", from.toString()));
    grant.validUntil().ifPresent(until -> json.put("validUntil", until.toString()));
    grant.revokedAt().ifPresent(at -> json.put("revokedAt", at.toString()));
    grant.objection().ifPresent(objection -> json.put("objectionStatus", objectionStatus(objection)));
    return json;
  }

  static JsonObject of(Grants.Explained explained, Instant now) {
    Grant grant = explained.grant();
    Optional<GrantReasons> reasons = explained.reasons();
    JsonArray documents = new JsonArray();
    grant.documents().forEach(ref -> {
      JsonObject document = new JsonObject().put("documentId", ref.documentId()).put("version", ref.version());
      reasons.map(all -> all.documentJustifications().get(ref.documentId()))
          .ifPresent(text -> document.put("justification", text));
      documents.add(document);
    });
    JsonArray evaluation = new JsonArray();
    grant.evaluation().forEach(outcome -> evaluation.add(new JsonObject()
        .put("rule", outcome.rule().code()).put("passed", outcome.passed())));
    JsonObject json = summary(grant, now)
        .put("decidedBy", grant.decidedBy())
        .put("waitingPeriodDays", grant.waitingPeriod().toDays())
        .put("validityDays", grant.validFor().toDays())
        .put("documents", documents)
        .put("evaluation", evaluation);
    // absent only when the client's key was destroyed: the texts went with it
    reasons.ifPresent(written -> {
      json.put("necessityReason", written.necessityReason());
      written.healthJustification().ifPresent(text -> json.put("healthJustification", text));
    });
    grant.objection().ifPresent(objection -> json.put("objection", objection(objection, explained)));
    return json;
  }

  private static JsonObject objection(Objection objection, Grants.Explained explained) {
    JsonObject json = new JsonObject()
        .put("raisedAt", objection.raisedAt().toString())
        .put("status", objectionStatus(objection));
    explained.objectionReason().ifPresent(text -> json.put("reason", text));
    objection.decision().ifPresent(decision -> {
      JsonObject decided = new JsonObject()
          .put("decidedAt", decision.decidedAt().toString())
          .put("decidedBy", decision.decidedBy())
          .put("upheld", decision.upheld());
      explained.decisionReasons().ifPresent(text -> decided.put("reasons", text));
      json.put("decision", decided);
    });
    return json;
  }

  /** {@code open} until decided, then {@code upheld} or {@code rejected}. */
  private static String objectionStatus(Objection objection) {
    return objection.decision().map(decision -> decision.upheld() ? "upheld" : "rejected").orElse("open");
  }
}
