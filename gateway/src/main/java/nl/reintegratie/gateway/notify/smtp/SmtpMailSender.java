package nl.reintegratie.gateway.notify.smtp;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import nl.reintegratie.gateway.notify.MailRejectedException;
import nl.reintegratie.gateway.notify.MailSender;
import nl.reintegratie.gateway.notify.OutgoingMail;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * {@link MailSender} over SMTP with Angus Mail, one connection per mail (a handful of mails a day per client; no pool
 * to go stale), on a worker thread. With STARTTLS on, the connection must be upgraded to TLS with a certificate valid
 * for the host, or nothing is sent. A permanent SMTP reply (5xx) to an address or the message, or an address that is
 * not an address, is a {@link MailRejectedException}; everything else (no connection, 4xx, a timeout) is worth a
 * retry.
 */
public final class SmtpMailSender implements MailSender {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration IO_TIMEOUT = Duration.ofSeconds(20);

  /**
   * Where and as whom to send.
   *
   * @param from     the sender address, also the envelope sender
   * @param password with {@code username}: authenticate (only over TLS when {@code startTls})
   */
  public record Settings(String host, int port, String from, Optional<String> username, Optional<String> password,
      boolean startTls) {

    public Settings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    /** Never the password. */
    @Override
    public String toString() {
      return "Settings[" + host + ":" + port + ", startTls=" + startTls + ", auth=" + username.isPresent() + "]";
    }
  }

  private final Vertx vertx;
  private final Settings settings;
  private final InternetAddress from;
  private final Session session;

  /** Fails with {@link IllegalArgumentException} when {@code from} is not an address. */
  public SmtpMailSender(Vertx vertx, Settings settings) {
    this.vertx = Objects.requireNonNull(vertx);
    this.settings = Objects.requireNonNull(settings);
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("SMTP_FROM is not an e-mail address");
    }
    this.session = Session.getInstance(properties(settings));
  }

  private static Properties properties(Settings settings) {
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", settings.host());
    properties.put("mail.smtp.port", Integer.toString(settings.port()));
    properties.put("mail.smtp.from", settings.from());
    properties.put("mail.smtp.connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
    properties.put("mail.smtp.timeout", Long.toString(IO_TIMEOUT.toMillis()));
    properties.put("mail.smtp.writetimeout", Long.toString(IO_TIMEOUT.toMillis()));
    if (settings.startTls()) {
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
      properties.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    properties.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
    return properties;
  }

  @Override
  public Future<Void> send(OutgoingMail mail) {
    return vertx.executeBlocking(() -> {
      sendNow(mail);
      return null;
    }, false);
  }

  private void sendNow(OutgoingMail mail) throws MessagingException {
    InternetAddress to;
    try {
      to = new InternetAddress(mail.to(), true);
    } catch (AddressException e) {
      throw new MailRejectedException("invalid-address");
    }
    MimeMessage message = new FixedIdMessage(session, mail.messageId());
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, to);
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setText(mail.body(), StandardCharsets.UTF_8.name());
    message.saveChanges();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
          settings.password().orElse(null));
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      if (permanent(e)) {
        throw new MailRejectedException("smtp-permanent-failure");
      }
      throw e;
    }
  }

  /** A 5xx reply anywhere in the chain: the server will not take this mail, however often we ask. */
  private static boolean permanent(MessagingException failure) {
    Exception current = failure;
    for (int depth = 0; current != null && depth < 16; depth++) {
      int code = current instanceof SMTPAddressFailedException address ? address.getReturnCode()
          : current instanceof SMTPSendFailedException send ? send.getReturnCode() : -1;
      if (code >= 500 && code < 600) {
        return true;
      }
      current = current instanceof MessagingException messaging ? messaging.getNextException() : null;
    }
    return false;
  }

  /** The same Message-ID at every attempt, instead of a new random one each time. */
  private static final class FixedIdMessage extends MimeMessage {

    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
