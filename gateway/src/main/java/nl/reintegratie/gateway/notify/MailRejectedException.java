package nl.reintegratie.gateway.notify;

/** The mail server refused a mail for good (a permanent SMTP reply, an invalid address); it is not tried again. */
public final class MailRejectedException extends RuntimeException {

  /** @param reason a code, never the address or the server's text (which may quote it) */
  public MailRejectedException(String reason) {
    super("mail rejected: " + reason);
  }
}
