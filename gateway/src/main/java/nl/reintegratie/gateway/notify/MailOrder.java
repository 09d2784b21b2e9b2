package nl.reintegratie.gateway.notify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.transfer.NoticeKind;

/**
 * An e-mail to send about an inbox entry, as kept in the {@link MailOutbox}. No address and no text: the address is
 * read from the client's sealed personal data when the mail is sent, the text follows from the kind.
 *
 * @param noticeId      the inbox entry the mail points to; one mail per notice
 * @param clientId      to whom
 * @param kind          what the entry is about
 * @param queuedAt      when it was queued
 * @param attempts      how often sending was started
 * @param nextAttemptAt not before this moment (backoff after a failure, or the lease of an attempt in progress)
 * @param sentAt        when the SMTP server accepted it; then it is never sent again
 * @param abandonedAt   when it was given up (no address any more, refused for good, too old)
 * @param abandonReason why, as a code
 */
public record MailOrder(String noticeId, String clientId, NoticeKind kind, Instant queuedAt, int attempts,
    Instant nextAttemptAt, Optional<Instant> sentAt, Optional<Instant> abandonedAt, Optional<String> abandonReason) {

  public MailOrder {
    Objects.requireNonNull(noticeId, "noticeId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(kind, "kind");
    queuedAt = queuedAt.truncatedTo(ChronoUnit.MILLIS);
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts >= 0");
    }
    nextAttemptAt = nextAttemptAt.truncatedTo(ChronoUnit.MILLIS);
    sentAt = sentAt.map(at -> at.truncatedTo(ChronoUnit.MILLIS));
    abandonedAt = abandonedAt.map(at -> at.truncatedTo(ChronoUnit.MILLIS));
    Objects.requireNonNull(abandonReason, "abandonReason");
  }

  /** A new order, to be sent at once. */
  public static MailOrder queued(String noticeId, String clientId, NoticeKind kind, Instant at) {
    return new MailOrder(noticeId, clientId, kind, at, 0, at, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Neither sent nor given up. */
  public boolean isPending() {
    return sentAt.isEmpty() && abandonedAt.isEmpty();
  }
}
