package nl.reintegratie.gateway.transfer.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.dossier.CommissionerDossiers.Officer;
import nl.reintegratie.gateway.transfer.GrantRequest;
import nl.reintegratie.gateway.transfer.LegalBasis;

/**
 * A {@code grant-request} body, already checked against its schema, as the domain's {@link GrantRequest}: the
 * organisation and the deciding officer come from the login, never from the body.
 */
final class GrantInput {

  /** Without {@code waitingPeriodDays} the release may start as soon as the client's notice is in their inbox. */
  static final int DEFAULT_WAITING_DAYS = 0;

  private GrantInput() {
  }

  static GrantRequest request(Officer who, JsonObject body) {
    JsonArray documents = body.getJsonArray("documents");
    List<GrantRequest.Selection> selections = documents.stream()
        .map(JsonObject.class::cast)
        .map(document -> new GrantRequest.Selection(document.getString("documentId"),
            document.getInteger("version"), Optional.ofNullable(document.getString("justification"))))
        .toList();
    return new GrantRequest(who.organisation(), who.subject(), body.getString("sourceTrajectoryId"),
        body.getString("receivingTrajectoryId"), Coded.fromCode(LegalBasis.class, body.getString("legalBasis")),
        body.getString("necessityReason"), selections, Optional.ofNullable(body.getString("healthJustification")),
        Duration.ofDays(body.getInteger("waitingPeriodDays", DEFAULT_WAITING_DAYS)),
        Duration.ofDays(body.getInteger("validityDays")));
  }
}
