package nl.reintegratie.gateway.notify.mongo;

/** The collections of the notify capability; every lookup in them is by {@code _id}. */
public final class NotifyCollections {

  /**
   * {@code {_id: noticeId, clientId, grantId, kind, createdAt, textWrappedKey, textCiphertext, readAt?}}: one inbox
   * entry; its text only sealed.
   */
  public static final String INBOX_ENTRIES = "notify_inbox_entries";
  /** {@code {_id: clientId, entryIds: [...]}}: which entries are in a client's inbox. */
  public static final String CLIENT_INBOXES = "notify_client_inboxes";
  /**
   * {@code {_id: noticeId, clientId, kind, queuedAt, attempts, nextAttemptAt, sentAt?, abandonedAt?, abandonReason?}}:
   * an e-mail about an inbox entry; no address, no text.
   */
  public static final String MAIL_OUTBOX = "notify_mail_outbox";
  /** {@code {_id: "pending", noticeIds: [...]}}: the outbox's mails not yet sent or given up. */
  public static final String MAIL_PENDING = "notify_mail_pending";

  private NotifyCollections() {
  }
}
