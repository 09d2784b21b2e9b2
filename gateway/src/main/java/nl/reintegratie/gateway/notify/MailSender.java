package nl.reintegratie.gateway.notify;

import io.vertx.core.Future;

/** Hands an e-mail to the mail server. */
public interface MailSender {

  /**
   * Success: the server accepted the mail for delivery. Failure: {@link MailRejectedException} when the server
   * refused it for good (a malformed or unknown address): trying again would not help; anything else (server down,
   * busy, a timeout) may pass on a later attempt.
   */
  Future<Void> send(OutgoingMail mail);
}
