package nl.reintegratie.gateway.transfer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.dossier.SealedText;

/**
 * A commissioner's decision to hand selected parts of a client's earlier dossier to the provider of their next
 * trajectory; to that provider it is a <em>release</em> it can list and fetch, sealed to its key. Clear metadata
 * only (ids, codes, instants); the reasons the officer wrote are sealed under the client's key, and the release's
 * content is read from the encrypted documents at each fetch.
 *
 * <p><b>The client is informed first.</b> The release period starts when the notice to the client is durably in
 * their inbox ({@link #noticeStoredAt}), plus the waiting period in which the client can object; until then the
 * release cannot be fetched, whatever the clock says.
 *
 * @param grantId                  random id; the provider's release id
 * @param clientId                 whose dossier
 * @param commissionerOrganisation who decided (the municipality or UWV that commissioned both trajectories)
 * @param decidedBy                the officer's Keycloak subject id
 * @param sourceTrajectoryId       the earlier trajectory the documents come from
 * @param recipientOrganisation    the provider the release is sealed to
 * @param receivingTrajectoryId    the recipient's trajectory for the same client: the release's only purpose
 * @param legalBasis               the statutory ground
 * @param documents                the selected document versions, at least one, each once
 * @param evaluation               every transfer rule with its outcome when the grant was made
 * @param reasons                  the necessity reason and other justifications, sealed under the client's key
 * @param grantedAt                when the decision was recorded
 * @param waitingPeriod            from the notice to the start of the release period
 * @param validFor                 the length of the release period
 * @param noticeStoredAt           when the client's notice was durably stored in their inbox
 * @param revokedAt                when the commissioner revoked the grant, if so
 * @param objection                the client's objection, if they objected; while open the release is paused
 */
public record Grant(String grantId, String clientId, String commissionerOrganisation, String decidedBy,
    String sourceTrajectoryId, String recipientOrganisation, String receivingTrajectoryId, LegalBasis legalBasis,
    List<DocumentRef> documents, List<RuleOutcome> evaluation, SealedText reasons, Instant grantedAt,
    Duration waitingPeriod, Duration validFor, Optional<Instant> noticeStoredAt, Optional<Instant> revokedAt,
    Optional<Objection> objection) {

  /** Whether the recipient may fetch the release at a given moment, and if not, why. */
  public enum Availability {
    AVAILABLE("available"),
    AWAITING_NOTICE("awaiting-notice"),
    PAUSED_BY_OBJECTION("paused-by-objection"),
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
    Objects.requireNonNull(decidedBy, "decidedBy");
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
    evaluation = List.copyOf(evaluation);
    if (evaluation.stream().anyMatch(outcome -> !outcome.passed())
        || evaluation.stream().map(RuleOutcome::rule).distinct().count() != TransferRule.values().length
        || evaluation.size() != TransferRule.values().length) {
      throw new IllegalArgumentException("a grant is only made when every rule was judged, once, and passed");
    }
    Objects.requireNonNull(reasons, "reasons");
    // milliseconds, as the store keeps them, so a grant reads back equal to what was written
    grantedAt = grantedAt.truncatedTo(ChronoUnit.MILLIS);
    if (waitingPeriod.isNegative() || validFor.isNegative() || validFor.isZero()) {
      throw new IllegalArgumentException("waitingPeriod >= 0, validFor > 0");
    }
    noticeStoredAt = noticeStoredAt.map(at -> at.truncatedTo(ChronoUnit.MILLIS));
    revokedAt = revokedAt.map(at -> at.truncatedTo(ChronoUnit.MILLIS));
    Objects.requireNonNull(objection, "objection");
  }

  /** From when the recipient may fetch: the notice plus the waiting period; unknown until the notice is stored. */
  public Optional<Instant> releasableFrom() {
    return noticeStoredAt.map(notice -> notice.plus(waitingPeriod));
  }

  /** Until when the recipient may fetch. */
  public Optional<Instant> validUntil() {
    return releasableFrom().map(from -> from.plus(validFor));
  }

  /** This grant once the client's notice is stored at {@code at}; the first time stays. */
  public Grant withNoticeStoredAt(Instant at) {
    return new Grant(grantId, clientId, commissionerOrganisation, decidedBy, sourceTrajectoryId,
        recipientOrganisation, receivingTrajectoryId, legalBasis, documents, evaluation, reasons, grantedAt,
        waitingPeriod, validFor, noticeStoredAt.or(() -> Optional.of(at)), revokedAt, objection);
  }

  /** This grant revoked at {@code at}; an earlier revocation stays. */
  public Grant withRevokedAt(Instant at) {
    return new Grant(grantId, clientId, commissionerOrganisation, decidedBy, sourceTrajectoryId,
        recipientOrganisation, receivingTrajectoryId, legalBasis, documents, evaluation, reasons, grantedAt,
        waitingPeriod, validFor, noticeStoredAt, revokedAt.or(() -> Optional.of(at)), objection);
  }

  /** This grant with the client's objection. */
  public Grant withObjection(Objection raised) {
    return new Grant(grantId, clientId, commissionerOrganisation, decidedBy, sourceTrajectoryId,
        recipientOrganisation, receivingTrajectoryId, legalBasis, documents, evaluation, reasons, grantedAt,
        waitingPeriod, validFor, noticeStoredAt, revokedAt, Optional.of(raised));
  }

  /** Whether the client objected and the commissioner has not answered yet. */
  public boolean hasOpenObjection() {
    return objection.map(Objection::isOpen).orElse(false);
  }

  /** Revocation wins over everything; then an open objection; then the notice; then the release period decides. */
  public Availability availabilityAt(Instant now) {
    if (revokedAt.isPresent()) {
      return Availability.REVOKED;
    }
    if (hasOpenObjection()) {
      return Availability.PAUSED_BY_OBJECTION;
    }
    if (noticeStoredAt.isEmpty()) {
      return Availability.AWAITING_NOTICE;
    }
    if (now.isBefore(releasableFrom().orElseThrow())) {
      return Availability.NOT_YET_AVAILABLE;
    }
    return now.isBefore(validUntil().orElseThrow()) ? Availability.AVAILABLE : Availability.EXPIRED;
  }
}
