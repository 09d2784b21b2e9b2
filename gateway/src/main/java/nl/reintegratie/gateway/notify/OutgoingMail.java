package nl.reintegratie.gateway.notify;

import java.util.Objects;

/**
 * One e-mail as handed to the {@link MailSender}: plain text only.
 *
 * @param messageId the {@code Message-ID} header, the same for every attempt, so a mail program can recognise the
 *                  rare duplicate (see {@link MailDelivery})
 * @param to        the client's address; never logged
 */
public record OutgoingMail(String messageId, String to, String subject, String body) {

  public OutgoingMail {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }

  /** The address is personal data: never in a log line by accident. */
  @Override
  public String toString() {
    return "OutgoingMail[" + messageId + "]";
  }
}
