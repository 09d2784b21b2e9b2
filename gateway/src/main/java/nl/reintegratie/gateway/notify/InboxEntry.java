package nl.reintegratie.gateway.notify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.transfer.NoticeKind;

/**
 * One message in a client's portal inbox. Clear metadata only; the words (both languages, see {@link NoticeText}) are
 * sealed under the client's key ({@link InboxTexts}), so they are shredded with the client.
 *
 * @param id        the notice id ({@link NoticeKind#noticeId}): one entry per notice, whoever writes it and how often
 * @param clientId  whose inbox
 * @param grantId   the grant the notice is about
 * @param kind      what happened to the grant
 * @param createdAt when it was put in the inbox; for a grant also the moment its waiting period starts
 * @param text      the sealed {@link NoticeText}
 * @param readAt    when the client first opened it
 */
public record InboxEntry(String id, String clientId, String grantId, NoticeKind kind, Instant createdAt,
    SealedText text, Optional<Instant> readAt) {

  public InboxEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(kind, "kind");
    if (!kind.noticeId(grantId).equals(id)) {
      throw new IllegalArgumentException("an inbox entry's id is its notice's id");
    }
    // milliseconds, as the store keeps them, so an entry reads back equal to what was written
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(text, "text");
    readAt = readAt.map(at -> at.truncatedTo(ChronoUnit.MILLIS));
  }

  /** A new, unread entry for the notice of {@code kind} about {@code grantId}. */
  public static InboxEntry unread(String clientId, String grantId, NoticeKind kind, Instant createdAt,
                                  SealedText text) {
    return new InboxEntry(kind.noticeId(grantId), clientId, grantId, kind, createdAt, text, Optional.empty());
  }

  public boolean isRead() {
    return readAt.isPresent();
  }
}
