package nl.reintegratie.gateway.transfer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.reintegratie.gateway.events.DomainEvent;

/** The events of a provider fetching a release: ids only, like every event. */
public final class ReleaseEvents {

  /**
   * A provider fetched a release; its disclosure-log entry was written first. Names the release (= grant), the
   * client, the recipient organisation, the receiving trajectory and the log entry's event id.
   */
  public static final String RELEASE_FETCHED = "release-fetched";

  private ReleaseEvents() {
  }

  static DomainEvent fetched(Grant grant, String logEventId, Instant at) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("releaseId", grant.grantId());
    data.put("clientId", grant.clientId());
    data.put("recipientOrganisation", grant.recipientOrganisation());
    data.put("receivingTrajectoryId", grant.receivingTrajectoryId());
    data.put("logEventId", logEventId);
    return DomainEvent.of(RELEASE_FETCHED, at, data);
  }
}
