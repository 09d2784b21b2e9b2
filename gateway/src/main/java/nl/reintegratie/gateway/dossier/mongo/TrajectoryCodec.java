package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.store.BsonJson.day;
import static nl.reintegratie.gateway.store.BsonJson.instant;
import static nl.reintegratie.gateway.store.BsonJson.optionalDay;
import static nl.reintegratie.gateway.store.BsonJson.putIfPresent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.dossier.Cause;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.dossier.Goal;
import nl.reintegratie.gateway.dossier.LadderStep;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryResult;
import nl.reintegratie.gateway.dossier.TrajectoryStatus;
import nl.reintegratie.gateway.dossier.TrajectoryType;
import nl.reintegratie.gateway.store.BsonJson;

/**
 * {@link Trajectory} as a MongoDB document: codes, ISO dates ({@code 2026-03-01}), numbers and ids only, but for a
 * commissioner's sealed explanations ({@link DecisionCodec}). Optional values that are empty are left out of the
 * document.
 */
final class TrajectoryCodec {

  /** {@code "<trajectoryId>:<version>"}, unique: the single-field key of the compare-and-set update. */
  static final String REVISION = "revision";
  static final String VERSION = "version";
  static final String CLIENT_ID = "clientId";

  private static final String COMMISSIONER = "commissionerOrganisation";
  private static final String PROVIDER = "providerOrganisation";
  private static final String REGIME = "regime";
  private static final String TYPE = "type";
  private static final String SEQUENCE_NUMBER = "sequenceNumber";
  private static final String CREATED_AT = "createdAt";
  private static final String GOAL = "goal";
  private static final String GOAL_LADDER_STEP = "goalLadderStep";
  private static final String PLANNED_START = "plannedStart";
  private static final String PLANNED_END = "plannedEnd";
  private static final String ACTUAL_START = "actualStart";
  private static final String ACTUAL_END = "actualEnd";
  private static final String STATUS = "status";
  private static final String LAST_CONTACT_DATE = "lastContactDate";
  private static final String CAUSES = "causes";
  private static final String LADDER_STEP_AT_START = "ladderStepAtStart";
  private static final String LADDER_STEP_AT_END = "ladderStepAtEnd";
  private static final String RESULT = "result";
  private static final String REPORT_BACKS = "reportBacks";
  private static final String FOLLOW_UP = "followUp";

  /** The fields {@link #changeableFields} may leave out, which an update must then remove. */
  static final List<String> OPTIONAL_CHANGEABLE_FIELDS = List.of(GOAL_LADDER_STEP, ACTUAL_START, ACTUAL_END,
      LAST_CONTACT_DATE, LADDER_STEP_AT_START, LADDER_STEP_AT_END, RESULT, FOLLOW_UP);

  private TrajectoryCodec() {
  }

  static String revision(String trajectoryId, long version) {
    return trajectoryId + ":" + version;
  }

  static JsonObject toDocument(Trajectory trajectory) {
    return new JsonObject()
        .put("_id", trajectory.trajectoryId())
        .put(REVISION, revision(trajectory.trajectoryId(), trajectory.version()))
        .put(VERSION, trajectory.version())
        .put(CLIENT_ID, trajectory.clientId())
        .put(COMMISSIONER, trajectory.commissionerOrganisation())
        .put(PROVIDER, trajectory.providerOrganisation())
        .put(REGIME, trajectory.regime().code())
        .put(TYPE, trajectory.type().code())
        .put(SEQUENCE_NUMBER, trajectory.sequenceNumber())
        .put(CREATED_AT, date(trajectory.createdAt()))
        .mergeIn(changeableFields(trajectory));
  }

  /** The fields an update may change, as present in {@code trajectory}. */
  static JsonObject changeableFields(Trajectory trajectory) {
    JsonObject fields = new JsonObject()
        .put(GOAL, trajectory.goal().kind().code())
        .put(PLANNED_START, day(trajectory.plannedStart()))
        .put(PLANNED_END, day(trajectory.plannedEnd()))
        .put(STATUS, trajectory.status().code())
        .put(CAUSES, new JsonArray(trajectory.causes().stream().map(Cause::code).collect(Collectors.toList())))
        .put(REPORT_BACKS, DecisionCodec.reportBacks(trajectory.reportBacks()));
    putIfPresent(fields, GOAL_LADDER_STEP, trajectory.goal().targetStep().map(LadderStep::number));
    putIfPresent(fields, ACTUAL_START, trajectory.actualStart().map(BsonJson::day));
    putIfPresent(fields, ACTUAL_END, trajectory.actualEnd().map(BsonJson::day));
    putIfPresent(fields, LAST_CONTACT_DATE, trajectory.lastContactDate().map(BsonJson::day));
    putIfPresent(fields, LADDER_STEP_AT_START, trajectory.ladderStepAtStart().map(LadderStep::number));
    putIfPresent(fields, LADDER_STEP_AT_END, trajectory.ladderStepAtEnd().map(LadderStep::number));
    putIfPresent(fields, RESULT, trajectory.result().map(TrajectoryResult::code));
    putIfPresent(fields, FOLLOW_UP, trajectory.followUp().map(DecisionCodec::followUp));
    return fields;
  }

  static Trajectory fromDocument(JsonObject document) {
    Goal.Kind goalKind = Coded.fromCode(Goal.Kind.class, document.getString(GOAL));
    Optional<LadderStep> goalStep = optionalStep(document, GOAL_LADDER_STEP);
    return new Trajectory(
        document.getString("_id"),
        document.getString(CLIENT_ID),
        document.getString(COMMISSIONER),
        document.getString(PROVIDER),
        Coded.fromCode(Regime.class, document.getString(REGIME)),
        Coded.fromCode(TrajectoryType.class, document.getString(TYPE)),
        new Goal(goalKind, goalStep),
        LocalDate.parse(document.getString(PLANNED_START)),
        LocalDate.parse(document.getString(PLANNED_END)),
        optionalDay(document, ACTUAL_START),
        optionalDay(document, ACTUAL_END),
        Coded.fromCode(TrajectoryStatus.class, document.getString(STATUS)),
        document.getInteger(SEQUENCE_NUMBER),
        optionalDay(document, LAST_CONTACT_DATE),
        document.getJsonArray(CAUSES).stream()
            .map(code -> Coded.fromCode(Cause.class, (String) code))
            .collect(Collectors.toList()),
        optionalStep(document, LADDER_STEP_AT_START),
        optionalStep(document, LADDER_STEP_AT_END),
        Optional.ofNullable(document.getString(RESULT)).map(code -> Coded.fromCode(TrajectoryResult.class, code)),
        instant(document, CREATED_AT),
        // absent in trajectories stored before report-backs were recorded
        DecisionCodec.reportBacks(document.getJsonArray(REPORT_BACKS)),
        DecisionCodec.followUp(document.getJsonObject(FOLLOW_UP)),
        document.getLong(VERSION));
  }

  private static Optional<LadderStep> optionalStep(JsonObject document, String field) {
    return Optional.ofNullable(document.getInteger(field)).map(LadderStep::of);
  }
}
