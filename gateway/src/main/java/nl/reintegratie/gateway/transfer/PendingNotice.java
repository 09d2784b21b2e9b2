package nl.reintegratie.gateway.transfer;

import java.time.Instant;
import java.util.Objects;

/**
 * A notice to the client that is announced but not yet known to be in their inbox. Written <em>before</em> the
 * change it announces, so a crash in between leaves a pending notice for a change that never happened (dropped by
 * the deliverer once it is old, see {@link NoticeKind#announcedBy}), never a change the client is not told about.
 *
 * @param since when it was first announced
 */
public record PendingNotice(String grantId, NoticeKind kind, Instant since) {

  public PendingNotice {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(since, "since");
  }

  public String noticeId() {
    return kind.noticeId(grantId);
  }
}
