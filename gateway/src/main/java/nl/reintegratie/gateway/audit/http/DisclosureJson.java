package nl.reintegratie.gateway.audit.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.audit.ClientDisclosures;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.InclusionProof;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.ProvenEntry;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.audit.TreeHash;

/**
 * A client's disclosure log entries as the client API shows them ({@code ClientDisclosures} in the OpenAPI
 * document): every field that is hashed into an entry's leaf, exactly as hashed, so that anyone can recompute the
 * leaf ({@code audit.EntryEncoding}), walk the audit path to the root and check that root's signed checkpoint; plus
 * the display name of the acting organisation where known, which is not part of the leaf.
 */
final class DisclosureJson {

  private DisclosureJson() {
  }

  static Set<String> organisations(ClientDisclosures disclosures) {
    return disclosures.entries().stream().map(proven -> proven.entry().entry().organisationId())
        .collect(Collectors.toUnmodifiableSet());
  }

  static JsonObject of(ClientDisclosures disclosures, Map<String, String> names) {
    JsonArray entries = new JsonArray();
    disclosures.entries().forEach(proven -> entries.add(entry(proven, names)));
    return new JsonObject()
        .put("checkpoint", checkpoint(disclosures.checkpoint()))
        .put("entries", entries);
  }

  private static JsonObject checkpoint(SignedCheckpoint signed) {
    return new JsonObject()
        .put("origin", signed.checkpoint().origin())
        .put("treeSize", signed.size())
        .put("rootHash", signed.root().base64())
        .put("time", signed.checkpoint().time().toString())
        .put("note", signed.note());
  }

  private static JsonObject entry(ProvenEntry proven, Map<String, String> names) {
    LoggedEntry logged = proven.entry();
    DisclosureEntry entry = logged.entry();
    JsonObject json = new JsonObject()
        .put("index", logged.index())
        .put("eventId", entry.eventId())
        .put("kind", entry.kind().code())
        .put("at", entry.at().toString())
        .put("atMillis", entry.at().toEpochMilli())
        .put("clientId", entry.clientId())
        .put("organisationId", entry.organisationId());
    Optional.ofNullable(names.get(entry.organisationId())).ifPresent(name -> json.put("organisationName", name));
    entry.actorId().ifPresent(actor -> json.put("actorId", actor));
    entry.purpose().ifPresent(code -> json.put("purpose", code));
    entry.legalBasis().ifPresent(code -> json.put("legalBasis", code));
    entry.reason().ifPresent(code -> json.put("reason", code));
    JsonArray subjects = new JsonArray();
    entry.subjects().stream().map(SubjectRef::code).forEach(subjects::add);
    json.put("subjects", subjects);
    InclusionProof proof = proven.proof();
    JsonArray path = new JsonArray();
    proof.path().stream().map(TreeHash::base64).forEach(path::add);
    json.put("proof", new JsonObject()
        .put("leafIndex", proof.leafIndex())
        .put("treeSize", proof.treeSize())
        .put("auditPath", path));
    return json;
  }
}
