package nl.reintegratie.gateway.dossier.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.CommissionerDossiers;
import nl.reintegratie.gateway.dossier.FollowUpDecision;
import nl.reintegratie.gateway.dossier.ReportBack;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryJson;

/**
 * A trajectory as its commissioner sees it ({@code CommissionerTrajectory} in the OpenAPI document): what a provider
 * sees ({@link TrajectoryJson}), plus the report-backs with their decisions and the follow-up decision. The
 * commissioner's own explanations appear only where they were opened ({@link #explained}); the provider's
 * explanation of a report-back stays in its encrypted document.
 */
final class CommissionerTrajectoryJson {

  private CommissionerTrajectoryJson() {
  }

  /** Clear metadata only. */
  static JsonObject of(Trajectory trajectory) {
    return of(trajectory, Map.of(), Optional.empty());
  }

  /** With the opened explanations. */
  static JsonObject explained(CommissionerDossiers.Explained explained) {
    return of(explained.trajectory(), explained.reportBackExplanations(), explained.followUpExplanation());
  }

  static JsonObject list(List<Trajectory> trajectories) {
    JsonArray items = new JsonArray();
    trajectories.forEach(trajectory -> items.add(of(trajectory)));
    return new JsonObject().put("trajectories", items);
  }

  private static JsonObject of(Trajectory trajectory, Map<String, String> reportBackExplanations,
                               Optional<String> followUpExplanation) {
    JsonObject json = TrajectoryJson.of(trajectory);
    JsonArray reportBacks = new JsonArray();
    trajectory.reportBacks().forEach(reportBack ->
        reportBacks.add(reportBack(reportBack, Optional.ofNullable(reportBackExplanations.get(reportBack.documentId())))));
    json.put("reportBacks", reportBacks);
    trajectory.followUp().ifPresent(decision -> json.put("followUpDecision", followUp(decision, followUpExplanation)));
    return json;
  }

  private static JsonObject reportBack(ReportBack reportBack, Optional<String> explanation) {
    JsonObject json = new JsonObject()
        .put("documentId", reportBack.documentId())
        .put("reason", reportBack.reason().code())
        .put("proposal", reportBack.proposal().code())
        .put("reportDate", reportBack.reportedOn().toString())
        .put("receivedAt", reportBack.receivedAt().toString());
    reportBack.decision().ifPresent(decision -> {
      JsonObject decided = new JsonObject()
          .put("decision", decision.outcome().code())
          .put("decisionDate", decision.decidedOn().toString())
          .put("decidedBy", decision.decidedBy())
          .put("recordedAt", decision.recordedAt().toString());
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
        .put("onTime", decision.onTime())
        .put("decidedBy", decision.decidedBy())
        .put("recordedAt", decision.recordedAt().toString());
    decision.newTrajectoryId().ifPresent(id -> json.put("newTrajectoryId", id));
    explanation.ifPresent(text -> json.put("explanation", text));
    return json;
  }
}
