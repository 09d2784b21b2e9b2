package nl.reintegratie.gateway.dossier.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.Cause;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.dossier.CommissionerDossiers;
import nl.reintegratie.gateway.dossier.FollowUpKind;
import nl.reintegratie.gateway.dossier.Goal;
import nl.reintegratie.gateway.dossier.LadderStep;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.ReportBackOutcome;
import nl.reintegratie.gateway.dossier.TrajectoryResult;
import nl.reintegratie.gateway.dossier.TrajectoryType;

/**
 * The commissioner API's request bodies as the domain's inputs. Each body passed its JSON Schema before it gets
 * here, so every code, date and required field is known to be there and valid; what a schema cannot say (an end
 * before a start, a provider that is not registered) the domain checks against the stored facts.
 */
final class CommissionerInput {

  private CommissionerInput() {
  }

  /** A body of schema {@code trajectory}; its {@code commissionerId} is checked by the route, not taken. */
  static CommissionerDossiers.NewTrajectory newTrajectory(JsonObject body) {
    Goal.Kind goal = Coded.fromCode(Goal.Kind.class, body.getString("goal"));
    return new CommissionerDossiers.NewTrajectory(
        body.getString("clientId"),
        body.getString("providerId"),
        Coded.fromCode(Regime.class, body.getString("regime")),
        Coded.fromCode(TrajectoryType.class, body.getString("type")),
        goal == Goal.Kind.LADDER_STEP ? Goal.ladderStep(LadderStep.of(body.getInteger("targetLadderStep")))
            : Goal.paidWork(),
        LocalDate.parse(body.getString("plannedStartDate")),
        LocalDate.parse(body.getString("plannedEndDate")),
        body.getInteger("sequenceNumber"));
  }

  /** A body of schema {@code trajectory-ending}. */
  static CommissionerDossiers.Ending ending(JsonObject body) {
    List<Cause> causes = body.getJsonArray("causes", new JsonArray()).stream()
        .map(code -> Coded.fromCode(Cause.class, (String) code))
        .toList();
    return new CommissionerDossiers.Ending(
        LocalDate.parse(body.getString("endDate")),
        Coded.fromCode(TrajectoryResult.class, body.getString("result")),
        causes,
        Optional.ofNullable(body.getInteger("ladderStepAtEnd")).map(LadderStep::of));
  }

  /** A body of schema {@code report-back-decision}. */
  static CommissionerDossiers.Verdict verdict(JsonObject body) {
    return new CommissionerDossiers.Verdict(
        Coded.fromCode(ReportBackOutcome.class, body.getString("decision")),
        LocalDate.parse(body.getString("decisionDate")),
        Optional.ofNullable(body.getString("explanation")));
  }

  /** A body of schema {@code follow-up-decision}. */
  static CommissionerDossiers.FollowUp followUp(JsonObject body) {
    return new CommissionerDossiers.FollowUp(
        Coded.fromCode(FollowUpKind.class, body.getString("kind")),
        LocalDate.parse(body.getString("dueDate")),
        LocalDate.parse(body.getString("decisionDate")),
        Optional.ofNullable(body.getString("newTrajectoryId")),
        Optional.ofNullable(body.getString("explanation")));
  }

  /** The person of a {@code client-registration} body (already schema-valid). */
  static PersonalData personalData(JsonObject body) {
    JsonObject name = body.getJsonObject("name");
    String familyName = Optional.ofNullable(name.getString("familyNamePrefix"))
        .map(prefix -> prefix + " " + name.getString("familyName"))
        .orElse(name.getString("familyName"));
    JsonObject contact = body.getJsonObject("contact", new JsonObject());
    return new PersonalData(name.getString("givenName"), familyName, Optional.ofNullable(contact.getString("email")),
        Optional.ofNullable(contact.getString("phone")));
  }
}
