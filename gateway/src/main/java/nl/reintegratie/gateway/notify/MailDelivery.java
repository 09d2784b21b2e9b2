package nl.reintegratie.gateway.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.dossier.ShreddedException;
import nl.reintegratie.gateway.transfer.NoticeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the e-mails in the {@link MailOutbox}: every few seconds and as soon as one is queued, one run at a time.
 *
 * <p><b>Backoff.</b> While the SMTP server is down or refuses for now, attempt {@code n} is followed by the next
 * after {@link #backoff(int) 10 s doubling per attempt, at most 1 h}; attempts are counted in the outbox. A mail
 * the server refuses for good (an invalid address) or that could not be sent for {@link #GIVE_UP_AFTER} is given
 * up; the notice itself is in the inbox regardless.
 *
 * <p><b>At most one mail per notice, with one window.</b> An attempt is first claimed in the outbox (counted, and
 * held for {@link #LEASE}, so another gateway does not start the same one), then sent, and {@code sentAt} is
 * recorded right after the server accepted it; once recorded it is never sent again. If the gateway dies between
 * the server's acceptance and that record (milliseconds), or the record fails, the mail is sent once more after the
 * lease: at least once, not exactly once, as SMTP offers no way to ask whether a mail arrived. Both copies carry the
 * same {@code Message-ID}.
 *
 * <p>The address is read from the client's sealed personal data at each attempt (a changed address is used, a
 * removed one or a shredded client ends the order) and never logged.
 */
public final class MailDelivery {

  static final Duration FIRST_RETRY = Duration.ofSeconds(10);
  static final Duration LONGEST_RETRY = Duration.ofHours(1);
  /** Longer than an SMTP exchange can take with the sender's timeouts. */
  static final Duration LEASE = Duration.ofMinutes(2);
  static final Duration GIVE_UP_AFTER = Duration.ofDays(7);
  /** Mails per run; the rest follow at the next run, which starts right away when asked for. */
  static final int BATCH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

  /** What one run did. */
  public record Report(int sent, int failed, int abandoned) {}

  private final MailOutbox outbox;
  private final MailSender sender;
  private final DossierService dossiers;
  private final URI portal;
  private final Clock clock;
  private final SerialRuns runs;

  /** @param portal where the client reads their inbox; the mail links to it */
  public MailDelivery(Vertx vertx, MailOutbox outbox, MailSender sender, DossierService dossiers, URI portal,
                      Clock clock) {
    this.outbox = Objects.requireNonNull(outbox);
    this.sender = Objects.requireNonNull(sender);
    this.dossiers = Objects.requireNonNull(dossiers);
    this.portal = Objects.requireNonNull(portal);
    this.clock = Objects.requireNonNull(clock);
    this.runs = new SerialRuns(vertx, this::runOnce);
  }

  /** The wait after {@code failedAttempts} failed attempts: 10 s, 20 s, 40 s, ... at most 1 h. */
  public static Duration backoff(int failedAttempts) {
    int doublings = Math.max(0, Math.min(failedAttempts - 1, 20));
    Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
  }

  /** Queues the mail about an inbox entry (nothing changes if it was queued, sent or given up before). */
  public Future<Void> queue(String noticeId, String clientId, NoticeKind kind) {
    return outbox.queue(MailOrder.queued(noticeId, clientId, kind, clock.instant()))
        .onSuccess(v -> runs.trigger());
  }

  public void start(Duration every) {
    runs.start(every);
  }

  /** Asks for a run soon (one after the current, if one is running). */
  public void wakeUp() {
    runs.trigger();
  }

  /** No more runs; succeeds once the run in progress has finished. */
  public Future<Void> stop() {
    return runs.stop();
  }

  /**
   * Tries every due mail once, one after the other. For tests that drive the clock; the gateway uses
   * {@link #start}. Never fails: a mail that cannot be handled now is tried at a later run.
   */
  public Future<Report> runOnce() {
    Instant now = clock.instant();
    return outbox.due(now)
        .compose(due -> attemptAll(due.subList(0, Math.min(due.size(), BATCH)), 0, new int[3]))
        .recover(failure -> {
          LOG.warn("event=mail-run-failed cause={}", failure.getClass().getSimpleName());
          return Future.succeededFuture(new Report(0, 0, 0));
        });
  }

  private Future<Report> attemptAll(List<MailOrder> due, int index, int[] counts) {
    if (index == due.size()) {
      return Future.succeededFuture(new Report(counts[0], counts[1], counts[2]));
    }
    return attempt(due.get(index))
        .recover(failure -> {
          LOG.warn("event=mail-attempt-failed noticeId={} cause={}", due.get(index).noticeId(),
              failure.getClass().getSimpleName());
          return Future.succeededFuture(Outcome.FAILED);
        })
        .compose(outcome -> {
          switch (outcome) {
            case SENT -> counts[0]++;
            case FAILED -> counts[1]++;
            case ABANDONED -> counts[2]++;
            default -> { }
          }
          return attemptAll(due, index + 1, counts);
        });
  }

  private enum Outcome { SKIPPED, SENT, FAILED, ABANDONED }

  private Future<Outcome> attempt(MailOrder order) {
    Instant started = clock.instant();
    if (Duration.between(order.queuedAt(), started).compareTo(GIVE_UP_AFTER) > 0) {
      return abandon(order, started, "expired");
    }
    return outbox.claim(order, started.plus(LEASE)).compose(claimed -> claimed.isEmpty()
        ? Future.succeededFuture(Outcome.SKIPPED) // another gateway is on it
        : addressOf(order.clientId()).compose(address -> address.isEmpty()
            ? abandon(claimed.get(), started, "no-address")
            : send(claimed.get(), address.get(), started)));
  }

  /** The client's address now; empty when they have none, or their data is gone. */
  private Future<Optional<String>> addressOf(String clientId) {
    return dossiers.personalData(clientId)
        .map(PersonalData::email)
        .recover(failure -> failure instanceof ShreddedException || failure instanceof NotFoundException
            ? Future.succeededFuture(Optional.empty())
            : Future.failedFuture(failure));
  }

  private Future<Outcome> send(MailOrder claimed, String address, Instant started) {
    return sender.send(MailText.of(claimed.noticeId(), claimed.kind(), address, portal)).transform(sending -> {
      if (sending.succeeded()) {
        // when this record fails, the lease of the claim runs out and the mail goes once more: the documented window
        return outbox.sent(claimed.noticeId(), clock.instant())
            .onSuccess(v -> LOG.info("event=mail-sent noticeId={} attempts={}", claimed.noticeId(),
                claimed.attempts()))
            .map(Outcome.SENT);
      }
      Throwable failure = sending.cause();
      if (failure instanceof MailRejectedException) {
        return abandon(claimed, started, "rejected");
      }
      Instant next = started.plus(backoff(claimed.attempts()));
      LOG.warn("event=mail-failed noticeId={} attempts={} nextAttemptAt={} cause={}", claimed.noticeId(),
          claimed.attempts(), next, failure.getClass().getSimpleName());
      return outbox.retryAt(claimed.noticeId(), claimed.attempts(), next).map(Outcome.FAILED);
    });
  }

  private Future<Outcome> abandon(MailOrder order, Instant at, String reason) {
    return outbox.abandon(order.noticeId(), at, reason)
        .onSuccess(v -> LOG.warn("event=mail-abandoned noticeId={} attempts={} reason={}", order.noticeId(),
            order.attempts(), reason))
        .map(Outcome.ABANDONED);
  }
}
