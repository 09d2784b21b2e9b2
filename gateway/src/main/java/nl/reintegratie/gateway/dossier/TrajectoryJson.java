package nl.reintegratie.gateway.dossier;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A trajectory as the provider API and a sealed release show it ({@code TrajectorySummary} in the OpenAPI document): its clear metadata
 * only, ids, codes, dates and numbers. Names, the BSN and report texts are never in a trajectory to begin with;
 * the internal optimistic-concurrency version and creation instant are left out too.
 */
public final class TrajectoryJson {

  private TrajectoryJson() {
  }

  public static JsonObject of(Trajectory trajectory) {
    JsonObject json = new JsonObject()
        .put("trajectoryId", trajectory.trajectoryId())
        .put("clientId", trajectory.clientId())
        .put("commissionerId", trajectory.commissionerOrganisation())
        .put("providerId", trajectory.providerOrganisation())
        .put("regime", trajectory.regime().code())
        .put("type", trajectory.type().code())
        .put("goal", trajectory.goal().kind().code());
    trajectory.goal().targetStep().ifPresent(step -> json.put("targetLadderStep", step.number()));
    json.put("plannedStartDate", trajectory.plannedStart().toString())
        .put("plannedEndDate", trajectory.plannedEnd().toString());
    trajectory.actualStart().ifPresent(day -> json.put("actualStartDate", day.toString()));
    trajectory.actualEnd().ifPresent(day -> json.put("actualEndDate", day.toString()));
    json.put("status", trajectory.status().code())
        .put("sequenceNumber", trajectory.sequenceNumber());
    trajectory.lastContactDate().ifPresent(day -> json.put("lastContactDate", day.toString()));
    if (!trajectory.causes().isEmpty()) {
      json.put("causes", codes(trajectory.causes()));
    }
    trajectory.ladderStepAtStart().ifPresent(step -> json.put("ladderStepAtStart", step.number()));
    trajectory.ladderStepAtEnd().ifPresent(step -> json.put("ladderStepAtEnd", step.number()));
    trajectory.result().ifPresent(result -> json.put("result", result.code()));
    return json;
  }

  public static JsonObject list(List<Trajectory> trajectories) {
    JsonArray items = new JsonArray();
    trajectories.forEach(trajectory -> items.add(of(trajectory)));
    return new JsonObject().put("trajectories", items);
  }

  private static JsonArray codes(List<? extends Coded> values) {
    JsonArray codes = new JsonArray();
    values.forEach(value -> codes.add(value.code()));
    return codes;
  }
}
