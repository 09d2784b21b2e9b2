package nl.reintegratie.gateway.notify;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The e-mails still to send, and the ones sent or given up (kept, so that queuing the same notice again never sends
 * it twice). Every change is a compare-and-set, so two gateways sharing the store never both start the same attempt.
 */
public interface MailOutbox {

  /** Stores {@code order} durably unless there is one for its notice already (pending, sent or given up). */
  Future<Void> queue(MailOrder order);

  Future<Optional<MailOrder>> find(String noticeId);

  /** Pending orders whose {@code nextAttemptAt} is not after {@code now}, oldest first. */
  Future<List<MailOrder>> due(Instant now);

  /**
   * Starts an attempt: counts it and holds the order until {@code leaseUntil}, only if the order is still pending and
   * unchanged since {@code seen} was read.
   *
   * @return the order as claimed; empty when someone else changed it first
   */
  Future<Optional<MailOrder>> claim(MailOrder seen, Instant leaseUntil);

  /** Records that the SMTP server accepted the mail; the first moment stays. */
  Future<Void> sent(String noticeId, Instant at);

  /** After a failed attempt number {@code attempts}: try again at {@code next}, unless it changed meanwhile. */
  Future<Void> retryAt(String noticeId, int attempts, Instant next);

  /** Gives up on a pending mail, with a reason code. */
  Future<Void> abandon(String noticeId, Instant at, String reason);
}
