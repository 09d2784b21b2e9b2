package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.store.BsonJson.binary;
import static nl.reintegratie.gateway.store.BsonJson.bytes;
import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.store.BsonJson.instant;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.Cause;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.dossier.FollowUpDecision;
import nl.reintegratie.gateway.dossier.FollowUpKind;
import nl.reintegratie.gateway.dossier.ReportBack;
import nl.reintegratie.gateway.dossier.ReportBackDecision;
import nl.reintegratie.gateway.dossier.ReportBackOutcome;
import nl.reintegratie.gateway.dossier.ReportBackProposal;
import nl.reintegratie.gateway.dossier.SealedText;

/**
 * The report-backs and the follow-up decision inside a trajectory document: codes, ISO dates, BSON dates and ids in
 * clear; an explanation only as {@code {wrappedDataKey, ciphertext}} binaries, the same field names as a document's
 * encrypted content.
 */
final class DecisionCodec {

  private static final String DOCUMENT_ID = "documentId";
  private static final String REASON = "reason";
  private static final String PROPOSAL = "proposal";
  private static final String REPORTED_ON = "reportedOn";
  private static final String RECEIVED_AT = "receivedAt";
  private static final String DECISION = "decision";
  private static final String OUTCOME = "outcome";
  private static final String KIND = "kind";
  private static final String DUE_DATE = "dueDate";
  private static final String DECIDED_ON = "decidedOn";
  private static final String DECIDED_BY = "decidedBy";
  private static final String RECORDED_AT = "recordedAt";
  private static final String NEW_TRAJECTORY_ID = "newTrajectoryId";
  private static final String EXPLANATION = "explanation";
  private static final String WRAPPED_DATA_KEY = "wrappedDataKey";
  private static final String CIPHERTEXT = "ciphertext";

  private DecisionCodec() {
  }

  static JsonArray reportBacks(List<ReportBack> reportBacks) {
    JsonArray array = new JsonArray();
    reportBacks.forEach(reportBack -> array.add(reportBack(reportBack)));
    return array;
  }

  static List<ReportBack> reportBacks(JsonArray array) {
    return array == null ? List.of()
        : array.stream().map(JsonObject.class::cast).map(DecisionCodec::reportBack).toList();
  }

  private static JsonObject reportBack(ReportBack reportBack) {
    JsonObject json = new JsonObject()
        .put(DOCUMENT_ID, reportBack.documentId())
        .put(REASON, reportBack.reason().code())
        .put(PROPOSAL, reportBack.proposal().code())
        .put(REPORTED_ON, reportBack.reportedOn().toString())
        .put(RECEIVED_AT, date(reportBack.receivedAt()));
    reportBack.decision().ifPresent(decision -> {
      JsonObject decided = new JsonObject()
          .put(OUTCOME, decision.outcome().code())
          .put(DECIDED_ON, decision.decidedOn().toString())
          .put(DECIDED_BY, decision.decidedBy())
          .put(RECORDED_AT, date(decision.recordedAt()));
      decision.explanation().ifPresent(text -> decided.put(EXPLANATION, sealed(text)));
      json.put(DECISION, decided);
    });
    return json;
  }

  private static ReportBack reportBack(JsonObject json) {
    Optional<ReportBackDecision> decision = Optional.ofNullable(json.getJsonObject(DECISION))
        .map(decided -> new ReportBackDecision(
            Coded.fromCode(ReportBackOutcome.class, decided.getString(OUTCOME)),
            LocalDate.parse(decided.getString(DECIDED_ON)),
            decided.getString(DECIDED_BY),
            instant(decided, RECORDED_AT),
            sealed(decided, EXPLANATION)));
    return new ReportBack(json.getString(DOCUMENT_ID), Coded.fromCode(Cause.class, json.getString(REASON)),
        Coded.fromCode(ReportBackProposal.class, json.getString(PROPOSAL)),
        LocalDate.parse(json.getString(REPORTED_ON)), instant(json, RECEIVED_AT), decision);
  }

  static JsonObject followUp(FollowUpDecision decision) {
    JsonObject json = new JsonObject()
        .put(KIND, decision.kind().code())
        .put(DUE_DATE, decision.dueDate().toString())
        .put(DECIDED_ON, decision.decidedOn().toString())
        .put(DECIDED_BY, decision.decidedBy())
        .put(RECORDED_AT, date(decision.recordedAt()));
    decision.newTrajectoryId().ifPresent(id -> json.put(NEW_TRAJECTORY_ID, id));
    decision.explanation().ifPresent(text -> json.put(EXPLANATION, sealed(text)));
    return json;
  }

  static Optional<FollowUpDecision> followUp(JsonObject json) {
    return Optional.ofNullable(json).map(decided -> new FollowUpDecision(
        Coded.fromCode(FollowUpKind.class, decided.getString(KIND)),
        LocalDate.parse(decided.getString(DUE_DATE)),
        LocalDate.parse(decided.getString(DECIDED_ON)),
        decided.getString(DECIDED_BY),
        instant(decided, RECORDED_AT),
        Optional.ofNullable(decided.getString(NEW_TRAJECTORY_ID)),
        sealed(decided, EXPLANATION)));
  }

  private static JsonObject sealed(SealedText text) {
    return new JsonObject()
        .put(WRAPPED_DATA_KEY, binary(text.wrappedDataKey()))
        .put(CIPHERTEXT, binary(text.ciphertext()));
  }

  private static Optional<SealedText> sealed(JsonObject parent, String field) {
    return Optional.ofNullable(parent.getJsonObject(field))
        .map(json -> new SealedText(bytes(json, WRAPPED_DATA_KEY), bytes(json, CIPHERTEXT)));
  }
}
