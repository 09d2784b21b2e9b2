package nl.reintegratie.gateway.transfer;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where grants are kept. Each change of a grant is one atomic write of its document (no transactions); a change the
 * client must be told about announces its {@link PendingNotice} first, so no crash can lose the notice.
 */
public interface GrantRepository {

  /**
   * Stores a new grant durably, findable by recipient, client and commissioner, with its {@link NoticeKind#GRANTED}
   * notice pending. Fails with {@code AlreadyExistsException} for a taken id.
   */
  Future<Void> create(Grant grant);

  Future<Optional<Grant>> findById(String grantId);

  /** Every grant to {@code organisation}, whatever its availability, oldest first. */
  Future<List<Grant>> listByRecipient(String organisation);

  /** Every grant about {@code clientId}, oldest first. */
  Future<List<Grant>> listByClient(String clientId);

  /** Every grant {@code organisation} made, oldest first. */
  Future<List<Grant>> listByCommissioner(String organisation);

  /**
   * Records that the client's notice of the grant is in their inbox; the first moment stays (compare-and-set).
   *
   * @return the grant as stored afterwards; empty when there is no such grant
   */
  Future<Optional<Grant>> markNoticeStored(String grantId, Instant at);

  /**
   * Revokes the grant at {@code at}, announcing the {@link NoticeKind#REVOKED} notice first.
   *
   * @return the revoked grant; fails with {@link GrantStateException} (REVOKED) when it was revoked already, and
   *     {@code NotFoundException} when it does not exist
   */
  Future<Grant> revoke(String grantId, Instant at);

  /**
   * Adds the client's objection, only if the grant has none and is not revoked (compare-and-set).
   *
   * @return the grant with its objection; fails with {@link GrantStateException} otherwise
   */
  Future<Grant> raiseObjection(String grantId, Objection objection);

  /**
   * Answers the open objection, announcing the {@link NoticeKind#OBJECTION_DECIDED} notice first. An upheld
   * objection revokes the grant in the same write.
   *
   * @return the grant with the decision; fails with {@link GrantStateException} (NO_OPEN_OBJECTION, REVOKED)
   */
  Future<Grant> decideObjection(String grantId, Objection.Decision decision);

  /** Every notice announced and not yet handled, oldest first. */
  Future<List<PendingNotice>> pendingNotices();

  /** Forgets a pending notice: it is in the inbox, or the change it announced never happened. */
  Future<Void> noticeHandled(PendingNotice notice);
}
