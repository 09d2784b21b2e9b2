package nl.reintegratie.gateway.transfer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.reintegratie.gateway.events.DomainEvent;

/**
 * The transfer capability's events, built from what was just stored. Each names the grant, the client (its opaque
 * id), the commissioner, the recipient ({@code providerId}, as in the dossier's events) and both trajectories, then
 * only the codes and dates of what happened. Never a reason: those stay sealed with the grant.
 */
public final class GrantEvents {

  /**
   * A commissioner granted a transfer. Adds {@code legalBasis}, {@code documentCount}, {@code waitingPeriodDays},
   * {@code validityDays}, {@code grantedAt}.
   */
  public static final String GRANT_MADE = "grant-made";
  /** A commissioner revoked a grant. Adds {@code revokedAt}. */
  public static final String GRANT_REVOKED = "grant-revoked";
  /**
   * A commissioner decided the client's objection. Adds {@code decision} ({@code upheld}: the grant is revoked at
   * the same moment; {@code rejected}: the release goes on) and {@code decidedAt}.
   */
  public static final String OBJECTION_DECIDED = "objection-decided";

  private GrantEvents() {
  }

  static DomainEvent made(Grant grant, Instant at) {
    Map<String, String> data = about(grant);
    data.put("legalBasis", grant.legalBasis().code());
    data.put("documentCount", Integer.toString(grant.documents().size()));
    data.put("waitingPeriodDays", Long.toString(grant.waitingPeriod().toDays()));
    data.put("validityDays", Long.toString(grant.validFor().toDays()));
    data.put("grantedAt", grant.grantedAt().toString());
    return DomainEvent.of(GRANT_MADE, at, data);
  }

  static DomainEvent revoked(Grant grant, Instant at) {
    Map<String, String> data = about(grant);
    data.put("revokedAt", grant.revokedAt().orElseThrow().toString());
    return DomainEvent.of(GRANT_REVOKED, at, data);
  }

  static DomainEvent objectionDecided(Grant grant, Instant at) {
    Objection.Decision decision = grant.objection().flatMap(Objection::decision).orElseThrow();
    Map<String, String> data = about(grant);
    data.put("decision", decision.upheld() ? "upheld" : "rejected");
    data.put("decidedAt", decision.decidedAt().toString());
    return DomainEvent.of(OBJECTION_DECIDED, at, data);
  }

  private static Map<String, String> about(Grant grant) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("grantId", grant.grantId());
    data.put("clientId", grant.clientId());
    data.put("commissionerId", grant.commissionerOrganisation());
    data.put("providerId", grant.recipientOrganisation());
    data.put("sourceTrajectoryId", grant.sourceTrajectoryId());
    data.put("receivingTrajectoryId", grant.receivingTrajectoryId());
    return data;
  }
}
