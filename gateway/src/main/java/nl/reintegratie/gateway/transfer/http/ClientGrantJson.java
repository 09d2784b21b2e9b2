package nl.reintegratie.gateway.transfer.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.reintegratie.gateway.transfer.ClientGrants;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.Grants;
import nl.reintegratie.gateway.transfer.Objection;

/**
 * A grant as its client sees it ({@code ClientGrant} in the OpenAPI document): to whom, what, why, on which legal
 * basis, for which purpose, when, where the release stands, and their objection with the commissioner's decision.
 * The officer's subject id and the rule evaluation are left out: the organisation answers for the decision.
 */
final class ClientGrantJson {

  private ClientGrantJson() {
  }

  /** The organisations whose names the answer about {@code grants} shows. */
  static Set<String> organisations(List<ClientGrants.Seen> grants) {
    return grants.stream().map(ClientGrants.Seen::grant)
        .flatMap(grant -> Stream.of(grant.recipientOrganisation(), grant.commissionerOrganisation()))
        .collect(Collectors.toUnmodifiableSet());
  }

  static JsonObject list(List<ClientGrants.Seen> grants, Map<String, String> names) {
    JsonArray items = new JsonArray();
    grants.forEach(seen -> items.add(of(seen, names)));
    return new JsonObject().put("grants", items);
  }

  static JsonObject of(ClientGrants.Seen seen, Map<String, String> names) {
    Grant grant = seen.grant();
    JsonObject json = new JsonObject()
        .put("grantId", grant.grantId())
        .put("status", seen.status().code())
        .put("canObject", seen.canObject())
        .put("commissionerId", grant.commissionerOrganisation());
    Optional.ofNullable(names.get(grant.commissionerOrganisation()))
        .ifPresent(name -> json.put("commissionerName", name));
    json.put("recipientId", grant.recipientOrganisation());
    Optional.ofNullable(names.get(grant.recipientOrganisation())).ifPresent(name -> json.put("recipientName", name));
    json.put("sourceTrajectoryId", grant.sourceTrajectoryId())
        .put("receivingTrajectoryId", grant.receivingTrajectoryId())
        .put("legalBasis", grant.legalBasis().code())
        .put("purpose", Grants.PURPOSE);
    JsonArray documents = new JsonArray();
    grant.documents().forEach(ref -> {
      JsonObject document = new JsonObject().put("documentId", ref.documentId()).put("version", ref.version());
      Optional.ofNullable(seen.documentTypes().get(ref.documentId()))
          .ifPresent(type -> document.put("type", type.code()));
      documents.add(document);
    });
    json.put("documents", documents);
    seen.reasons().ifPresent(text -> json.put("reasons", reasons(text)));
    json.put("grantedAt", grant.grantedAt().toString());
    grant.noticeStoredAt().ifPresent(at -> json.put("noticeStoredAt", at.toString()));
    grant.releasableFrom().ifPresent(at -> json.put("releasableFrom", at.toString()));
    grant.validUntil().ifPresent(at -> json.put("validUntil", at.toString()));
    grant.revokedAt().ifPresent(at -> json.put("revokedAt", at.toString()));
    grant.objection().ifPresent(objection -> json.put("objection", objection(objection, seen)));
    return json;
  }

  /**
   * The officer's reasons as they were sealed: a JSON object ({@code necessityReason}, and the justifications the
   * grant needed). A text that is not a JSON object is shown as {@code {"text": ...}} rather than not at all: the
   * client has the right to read it.
   */
  private static JsonObject reasons(String sealed) {
    try {
      if (sealed.stripLeading().startsWith("{")) {
        return new JsonObject(sealed);
      }
    } catch (DecodeException notJson) {
      // shown as text below
    }
    return new JsonObject().put("text", sealed);
  }

  private static JsonObject objection(Objection objection, ClientGrants.Seen seen) {
    JsonObject json = new JsonObject().put("raisedAt", objection.raisedAt().toString());
    seen.objectionReason().ifPresent(text -> json.put("reason", text));
    objection.decision().ifPresent(decision -> {
      JsonObject decided = new JsonObject()
          .put("decidedAt", decision.decidedAt().toString())
          .put("upheld", decision.upheld());
      seen.decisionReasons().ifPresent(text -> decided.put("reasons", text));
      json.put("decision", decided);
    });
    return json;
  }
}
