package nl.reintegratie.gateway.dossier.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.reintegratie.gateway.dossier.CommissionerDossiers.Explained;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.FollowUpDecision;
import nl.reintegratie.gateway.dossier.ReportBack;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryJson;

/**
 * A trajectory as its client sees it ({@code ClientTrajectory} in the OpenAPI document): the clear metadata
 * ({@link TrajectoryJson}) with the display names of the provider and the commissioner where known, the report-backs
 * and their decisions, and the follow-up decision, with the commissioner's explanations opened. The deciding
 * officer's subject id is left out: it means nothing to the client, the organisation answers for the decision.
 */
final class ClientTrajectoryJson {

  private ClientTrajectoryJson() {
  }

  /** The organisations whose names the answer about {@code trajectories} shows. */
  static Set<String> organisations(List<Explained> trajectories) {
    return trajectories.stream().map(Explained::trajectory)
        .flatMap(trajectory -> Stream.of(trajectory.providerOrganisation(), trajectory.commissionerOrganisation()))
        .collect(Collectors.toUnmodifiableSet());
  }

  static JsonObject list(List<Explained> trajectories, Map<String, String> names) {
    JsonArray items = new JsonArray();
    trajectories.forEach(explained -> items.add(of(explained, names)));
    return new JsonObject().put("trajectories", items);
  }

  static JsonObject of(Explained explained, Map<String, String> names) {
    Trajectory trajectory = explained.trajectory();
    JsonObject json = TrajectoryJson.of(trajectory);
    Optional.ofNullable(names.get(trajectory.providerOrganisation())).ifPresent(name -> json.put("providerName", name));
    Optional.ofNullable(names.get(trajectory.commissionerOrganisation()))
        .ifPresent(name -> json.put("commissionerName", name));
    JsonArray reportBacks = new JsonArray();
    trajectory.reportBacks().forEach(reportBack -> reportBacks.add(reportBack(reportBack,
        Optional.ofNullable(explained.reportBackExplanations().get(reportBack.documentId())))));
    json.put("reportBacks", reportBacks);
    trajectory.followUp().ifPresent(decision -> json.put("followUpDecision",
        followUp(decision, explained.followUpExplanation())));
    return json;
  }

  private static JsonObject reportBack(ReportBack reportBack, Optional<String> explanation) {
    JsonObject json = new JsonObject()
        .put("documentId", reportBack.documentId())
        .put("reason", reportBack.reason().code())
        .put("proposal", reportBack.proposal().code())
        .put("reportDate", reportBack.reportedOn().toString());
    reportBack.decision().ifPresent(decision -> {
      JsonObject decided = new JsonObject()
          .put("decision", decision.outcome().code())
          .put("decisionDate", decision.decidedOn().toString());
      explanation.ifPresent(text -> decided.put("explanation", text));
      json.put("decision", decided);
    });
    return json;
  }

  private static JsonObject followUp(FollowUpDecision decision, Optional<String> explanation) {
    JsonObject json = new JsonObject()
        .put("kind", decision.kind().code())
        .put("dueDate", decision.dueDate().toString())
        .put("decisionDate", decision.decidedOn().toString())
        .put("onTime", decision.onTime());
    decision.newTrajectoryId().ifPresent(id -> json.put("newTrajectoryId", id));
    explanation.ifPresent(text -> json.put("explanation", text));
    return json;
  }

  /** The client-visible documents of a trajectory ({@code ClientDocumentList}): headers only, never content. */
  static JsonObject documents(List<DocumentHeader> headers) {
    JsonArray items = new JsonArray();
    headers.forEach(header -> {
      JsonObject json = new JsonObject()
          .put("documentId", header.documentId())
          .put("version", header.version())
          .put("type", header.type().code())
          .put("contentType", header.contentType())
          .put("size", header.plaintextSize())
          .put("createdAt", header.createdAt().toString())
          .put("authorId", header.author())
          .put("properties", new JsonObject()
              .put("confidentiality", header.properties().confidentiality().code())
              .put("clientVisible", header.properties().clientVisible())
              .put("transferability", header.properties().transferability().code()));
      header.correctionReason().ifPresent(reason -> json.put("correctionReason", reason.code()));
      items.add(json);
    });
    return new JsonObject().put("documents", items);
  }
}
