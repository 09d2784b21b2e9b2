package nl.reintegratie.gateway.transfer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A commissioner's decision to hand selected parts of a client's earlier dossier to the provider of their next
 * trajectory; to that provider it is a <em>release</em> it can list and fetch, sealed to its key. Clear metadata
 * only: ids, codes and instants. The release's content is read from the encrypted documents at each fetch.
 *
 * @param grantId                 random id; the provider's release id
 * @param clientId                whose dossier
 * @param commissionerOrganisation who decided (the municipality or UWV that commissioned both trajectories)
 * @param sourceTrajectoryId      the earlier trajectory the documents come from
 * @param recipientOrganisation   the provider the release is sealed to
 * @param receivingTrajectoryId   the recipient's trajectory for the same client: the release's only purpose
 * @param legalBasis              the statutory ground
 * @param documents               the selected document versions, at least one, each once
 * @param grantedAt               when the decision was recorded
 * @param releasableFrom          from when the recipient may fetch (after notice and any waiting period)
 * @param validUntil              until when it may fetch; after that the release is expired
 * @param revokedAt               when the commissioner revoked the grant, if so
 */
public record Grant(String grantId, String clientId, String commissionerOrganisation, String sourceTrajectoryId,
    String recipientOrganisation, String receivingTrajectoryId, LegalBasis legalBasis, List<DocumentRef> documents,
    Instant grantedAt, Instant releasableFrom, Instant validUntil, Optional<Instant> revokedAt) {

  /** Whether the recipient may fetch the release at a given moment, and if not, why. */
  public enum Availability {
    AVAILABLE("available"),
    NOT_YET_AVAILABLE("not-yet-available"),
    EXPIRED("expired"),
    REVOKED("revoked");

    private final String code;

    Availability(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public Grant {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(commissionerOrganisation, "commissionerOrganisation");
    Objects.requireNonNull(sourceTrajectoryId, "sourceTrajectoryId");
    Objects.requireNonNull(recipientOrganisation, "recipientOrganisation");
    Objects.requireNonNull(receivingTrajectoryId, "receivingTrajectoryId");
    Objects.requireNonNull(legalBasis, "legalBasis");
    documents = List.copyOf(documents);
    if (documents.isEmpty() || documents.stream().map(DocumentRef::documentId).distinct().count() != documents.size()) {
      throw new IllegalArgumentException("a grant selects at least one document, each once");
    }
    if (sourceTrajectoryId.equals(receivingTrajectoryId)) {
      throw new IllegalArgumentException("a release goes from one trajectory to another");
    }
    // milliseconds, as the store keeps them, so a grant reads back equal to what was written
    grantedAt = grantedAt.truncatedTo(ChronoUnit.MILLIS);
    releasableFrom = releasableFrom.truncatedTo(ChronoUnit.MILLIS);
    validUntil = validUntil.truncatedTo(ChronoUnit.MILLIS);
    if (releasableFrom.isBefore(grantedAt) || !validUntil.isAfter(releasableFrom)) {
      throw new IllegalArgumentException("grantedAt <= releasableFrom < validUntil");
    }
    revokedAt = revokedAt.map(at -> at.truncatedTo(ChronoUnit.MILLIS));
  }

  /** Revocation wins over everything; then the validity period decides. */
  public Availability availabilityAt(Instant now) {
    if (revokedAt.isPresent()) {
      return Availability.REVOKED;
    }
    if (now.isBefore(releasableFrom)) {
      return Availability.NOT_YET_AVAILABLE;
    }
    return now.isBefore(validUntil) ? Availability.AVAILABLE : Availability.EXPIRED;
  }
}
