package nl.reintegratie.gateway.notify;

import java.util.List;

/** The domain events of client notices, and the ones that wake the delivery up. */
public final class NoticeEvents {

  /** A new entry is in a client's inbox: {@code clientId}, {@code grantId}, {@code noticeId}, {@code kind}. */
  public static final String CLIENT_NOTIFIED = "client-notified";

  /**
   * Events after which a notice is probably pending: the delivery runs at once instead of at its next tick. Only a
   * wake-up: what must be delivered is read from the pending notices in the store.
   */
  public static final List<String> WAKE_UPS = List.of("grant-made", "grant-revoked", "objection-decided");

  private NoticeEvents() {
  }
}
