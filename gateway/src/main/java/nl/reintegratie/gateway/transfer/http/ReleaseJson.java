package nl.reintegratie.gateway.transfer.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import nl.reintegratie.gateway.transfer.Grant;

/**
 * A release as its recipient lists it ({@code ReleaseSummary} in the OpenAPI document): ids, codes, instants and
 * the availability at the moment of listing, so a provider's system knows when to fetch without trying.
 */
final class ReleaseJson {

  private ReleaseJson() {
  }

  static JsonObject list(List<Grant> grants, Instant now) {
    JsonArray releases = new JsonArray();
    grants.forEach(grant -> releases.add(of(grant, now)));
    return new JsonObject().put("releases", releases);
  }

  private static JsonObject of(Grant grant, Instant now) {
    JsonObject json = new JsonObject()
        .put("releaseId", grant.grantId())
        .put("receivingTrajectoryId", grant.receivingTrajectoryId())
        .put("commissionerId", grant.commissionerOrganisation())
        .put("legalBasis", grant.legalBasis().code())
        .put("documentCount", grant.documents().size())
        .put("grantedAt", grant.grantedAt().toString())
        .put("status", grant.availabilityAt(now).code());
    // unknown until the client's notice is stored: the period starts from it
    grant.releasableFrom().ifPresent(from -> json.put("availableFrom", from.toString()));
    grant.validUntil().ifPresent(until -> json.put("validUntil", until.toString()));
    grant.revokedAt().ifPresent(at -> json.put("revokedAt", at.toString()));
    return json;
  }
}
