package nl.reintegratie.gateway.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.ShreddedException;
import nl.reintegratie.gateway.events.DomainEvent;
import nl.reintegratie.gateway.events.DomainEvents;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.GrantRepository;
import nl.reintegratie.gateway.transfer.NoticeKind;
import nl.reintegratie.gateway.transfer.PendingNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every pending notice ({@link GrantRepository#pendingNotices()}) into the client's inbox, every few seconds
 * and when a grant event arrives, one run at a time. For each notice, in this order:
 *
 * <ol>
 *   <li>the grant is read; if it is not (yet) in the state the notice announces, the change is still on its way or
 *       its write failed: the notice waits, and is dropped only when older than {@link #ABANDON_AFTER};</li>
 *   <li>the inbox entry is put (its id is the notice id: a repeat finds it there and adds nothing; the text is
 *       composed and sealed only when it is not there yet);</li>
 *   <li>for a grant, {@link GrantRepository#markNoticeStored} with the entry's own moment: only now can the release
 *       be fetched, and its waiting period counts from the moment the text tells the client;</li>
 *   <li>the e-mail is queued, when mail is on and the client has an address;</li>
 *   <li>the pending notice is forgotten.</li>
 * </ol>
 *
 * Each step is durable before the next starts and each is idempotent, so a crash anywhere leaves the pending notice
 * and the next run (also on another gateway, or after a restart) does what is missing: never a second entry, never a
 * release without its notice. A client whose data was shredded cannot be told anything any more: their notice is
 * dropped (and a grant's release never becomes fetchable).
 */
public final class NoticeDelivery {

  /** A notice whose change is not in the grant after this long was announced by a write that failed. */
  public static final Duration ABANDON_AFTER = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(NoticeDelivery.class);

  /** What one run did with the pending notices. */
  public record Report(int delivered, int alreadyThere, int waiting, int dropped, int failed) {}

  private enum Outcome { DELIVERED, ALREADY_THERE, WAITING, DROPPED, FAILED }

  private final GrantRepository grants;
  private final Inbox inbox;
  private final NoticeComposer composer;
  private final InboxTexts texts;
  private final DossierService dossiers;
  private final Optional<MailDelivery> mail;
  private final DomainEvents events;
  private final Clock clock;
  private final SerialRuns runs;

  /** @param mail empty when no SMTP server is configured: notices then reach the inbox only */
  public NoticeDelivery(Vertx vertx, GrantRepository grants, Inbox inbox, NoticeComposer composer, InboxTexts texts,
                        DossierService dossiers, Optional<MailDelivery> mail, DomainEvents events, Clock clock) {
    this.grants = Objects.requireNonNull(grants);
    this.inbox = Objects.requireNonNull(inbox);
    this.composer = Objects.requireNonNull(composer);
    this.texts = Objects.requireNonNull(texts);
    this.dossiers = Objects.requireNonNull(dossiers);
    this.mail = Objects.requireNonNull(mail);
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
    this.runs = new SerialRuns(vertx, this::runOnce);
  }

  public void start(Duration every) {
    runs.start(every);
  }

  /** Asks for a run soon (one after the current, if one is running); e.g. on a grant event. */
  public void wakeUp() {
    runs.trigger();
  }

  /** No more runs; succeeds once the run in progress has finished. */
  public Future<Void> stop() {
    return runs.stop();
  }

  /**
   * Handles every pending notice once, oldest first. For tests and tools; the gateway uses {@link #start}. Never
   * fails: what cannot be done now is done by a later run.
   */
  public Future<Report> runOnce() {
    return grants.pendingNotices()
        .compose(pending -> deliverAll(pending, 0, new int[Outcome.values().length]))
        .recover(failure -> {
          LOG.warn("event=notice-run-failed cause={}", failure.getClass().getSimpleName());
          return Future.succeededFuture(new Report(0, 0, 0, 0, 0));
        });
  }

  private Future<Report> deliverAll(List<PendingNotice> pending, int index, int[] counts) {
    if (index == pending.size()) {
      return Future.succeededFuture(new Report(counts[0], counts[1], counts[2], counts[3], counts[4]));
    }
    PendingNotice notice = pending.get(index);
    return deliver(notice)
        .recover(failure -> {
          LOG.warn("event=notice-delivery-failed noticeId={} cause={}", notice.noticeId(),
              failure.getClass().getSimpleName());
          return Future.succeededFuture(Outcome.FAILED);
        })
        .compose(outcome -> {
          counts[outcome.ordinal()]++;
          return deliverAll(pending, index + 1, counts);
        });
  }

  private Future<Outcome> deliver(PendingNotice notice) {
    Instant now = clock.instant();
    return grants.findById(notice.grantId()).compose(found -> {
      Optional<Grant> announced = found.filter(grant -> notice.kind().announcedBy(grant));
      if (announced.isPresent()) {
        return deliver(notice, announced.get(), now);
      }
      if (Duration.between(notice.since(), now).compareTo(ABANDON_AFTER) <= 0) {
        return Future.succeededFuture(Outcome.WAITING);
      }
      // the write that announced it did not make the change: there is nothing to tell
      return grants.noticeHandled(notice)
          .onSuccess(v -> LOG.warn("event=notice-dropped noticeId={} reason=change-not-made", notice.noticeId()))
          .map(Outcome.DROPPED);
    });
  }

  private Future<Outcome> deliver(PendingNotice notice, Grant grant, Instant now) {
    return inbox.find(grant.clientId(), notice.noticeId())
        .compose(existing -> existing.isPresent()
            ? Future.succeededFuture(new Inbox.PutResult(existing.get(), false))
            : newEntry(notice.kind(), grant, now).compose(inbox::put))
        .compose(put -> {
          if (put.added()) {
            published(put.stored());
          }
          return noticeStored(notice.kind(), grant, put.stored())
              .compose(v -> queueMail(put.stored()))
              .compose(v -> grants.noticeHandled(notice))
              .map(put.added() ? Outcome.DELIVERED : Outcome.ALREADY_THERE);
        })
        .recover(failure -> {
          if (!(failure instanceof ShreddedException)) {
            return Future.failedFuture(failure);
          }
          return grants.noticeHandled(notice)
              .onSuccess(v -> LOG.warn("event=notice-dropped noticeId={} reason=client-shredded", notice.noticeId()))
              .map(Outcome.DROPPED);
        });
  }

  private Future<InboxEntry> newEntry(NoticeKind kind, Grant grant, Instant now) {
    String id = kind.noticeId(grant.grantId());
    return composer.compose(kind, grant, now)
        .compose(text -> texts.seal(grant.clientId(), id, text))
        .map(sealed -> InboxEntry.unread(grant.clientId(), grant.grantId(), kind, now, sealed));
  }

  /** A grant's release may be fetched from now on; its waiting period counts from the entry's moment. */
  private Future<Void> noticeStored(NoticeKind kind, Grant grant, InboxEntry entry) {
    if (kind != NoticeKind.GRANTED || grant.noticeStoredAt().isPresent()) {
      return Future.succeededFuture();
    }
    return grants.markNoticeStored(grant.grantId(), entry.createdAt()).mapEmpty();
  }

  private Future<Void> queueMail(InboxEntry entry) {
    if (mail.isEmpty()) {
      LOG.info("event=mail-disabled noticeId={}", entry.id());
      return Future.succeededFuture();
    }
    return dossiers.personalData(entry.clientId()).compose(personal -> {
      if (personal.email().isEmpty()) {
        LOG.debug("event=mail-not-queued noticeId={} reason=no-address", entry.id());
        return Future.succeededFuture();
      }
      return mail.get().queue(entry.id(), entry.clientId(), entry.kind());
    });
  }

  private void published(InboxEntry entry) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("clientId", entry.clientId());
    data.put("grantId", entry.grantId());
    data.put("noticeId", entry.id());
    data.put("kind", entry.kind().code());
    try {
      events.publish(DomainEvent.of(NoticeEvents.CLIENT_NOTIFIED, entry.createdAt(), data));
    } catch (RuntimeException e) {
      // an event is a notification: it never fails the delivery it reports
      LOG.warn("event=client-notified-not-published noticeId={} cause={}", entry.id(), e.getClass().getSimpleName());
    }
    LOG.info("event=client-notified noticeId={} kind={}", entry.id(), entry.kind().code());
  }
}
