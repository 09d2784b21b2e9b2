package nl.reintegratie.gateway.notify;

import static nl.reintegratie.gateway.notify.NotifyFixture.EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.reintegratie.gateway.notify.smtp.SmtpMailSender;
import nl.reintegratie.gateway.testsupport.Handovers;
import nl.reintegratie.gateway.transfer.NoticeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * E-mails through a real SMTP server in this JVM (GreenMail), on the real embedded store, with a clock the test
 * moves: backoff while the server is down, one mail once it is up, never a second one after it was recorded sent.
 */
@Timeout(120)
class MailDeliveryTest {

  static final URI PORTAL = URI.create("https://portaal.example.org");

  @TempDir
  Path dir;
  NotifyFixture fixture;
  int smtpPort;
  GreenMail smtp;
  MailDelivery mail;

  @BeforeEach
  void open() throws Exception {
    fixture = NotifyFixture.open(dir);
    smtpPort = Handovers.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail = new MailDelivery(fixture.vertx, fixture.outbox, new SmtpMailSender(fixture.vertx,
        new SmtpMailSender.Settings("127.0.0.1", smtpPort, "noreply@reintegratie.example.org", Optional.empty(),
            Optional.empty(), false)), fixture.dossiers, PORTAL, fixture.clock);
  }

  @AfterEach
  void close() throws Exception {
    smtp.stop();
    fixture.close();
  }

  @Test
  void backoff_doublesFromTenSeconds_toAnHourAtMost() {
    assertThat(MailDelivery.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(MailDelivery.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(MailDelivery.backoff(5)).isEqualTo(Duration.ofSeconds(160));
    assertThat(MailDelivery.backoff(9)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(MailDelivery.backoff(10)).isEqualTo(Duration.ofHours(1));
    assertThat(MailDelivery.backoff(1000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void smtpDownThenUp_theMailArrivesOnce_afterCountedAttemptsWithBackoff() throws Exception {
    String client = fixture.client("999993653", Optional.of(EMAIL));
    String noticeId = NoticeKind.GRANTED.noticeId("grant-1");
    Instant t0 = fixture.clock.instant();
    mail.queue(noticeId, client, NoticeKind.GRANTED).await();

    assertThat(mail.runOnce().await()).isEqualTo(new MailDelivery.Report(0, 1, 0));
    MailOrder first = fixture.outbox.find(noticeId).await().orElseThrow();
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.nextAttemptAt()).isEqualTo(t0.plusSeconds(10));

    fixture.clock.advance(Duration.ofSeconds(9));
    assertThat(mail.runOnce().await()).as("not due yet").isEqualTo(new MailDelivery.Report(0, 0, 0));
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(mail.runOnce().await()).isEqualTo(new MailDelivery.Report(0, 1, 0));
    MailOrder second = fixture.outbox.find(noticeId).await().orElseThrow();
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(second.nextAttemptAt()).isEqualTo(t0.plusSeconds(10 + 20));

    smtp.start();
    fixture.clock.advance(Duration.ofSeconds(20));
    assertThat(mail.runOnce().await()).isEqualTo(new MailDelivery.Report(1, 0, 0));

    MailOrder sent = fixture.outbox.find(noticeId).await().orElseThrow();
    assertThat(sent.attempts()).isEqualTo(3);
    assertThat(sent.sentAt()).contains(t0.plusSeconds(30));
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo(EMAIL);
    assertThat(message.getFrom()[0].toString()).isEqualTo("noreply@reintegratie.example.org");
    assertThat(message.getSubject()).isEqualTo(MailText.SUBJECT);
    assertThat(message.getMessageID()).isEqualTo("<notice.grant-1.granted@portaal.example.org>");
    String body = ((String) message.getContent()).replace("\r\n", "\n");
    assertThat(body)
        .contains("Er staat een nieuw bericht voor je klaar in het portaal. Het gaat over wie welk deel van je "
            + "re-integratiedossier krijgt, en op grond van welke wet.")
        .contains("Lees het bericht in het portaal: https://portaal.example.org")
        .contains("It is about who receives which part of your re-integration file, and on which legal basis.")
        // minimisation: no name, no recipient, no reasons
        .doesNotContain("Fatima").doesNotContain("Kansrijk").doesNotContain(NotifyFixture.NECESSITY);

    // never twice: not by a later run, not when the delivery queues the same notice again after a crash
    fixture.clock.advance(Duration.ofHours(2));
    mail.queue(noticeId, client, NoticeKind.GRANTED).await();
    assertThat(mail.runOnce().await()).isEqualTo(new MailDelivery.Report(0, 0, 0));
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(fixture.outbox.find(noticeId).await().orElseThrow()).isEqualTo(sent);
  }

  @Test
  void anAddressThatIsNoAddress_isGivenUp_andNeverTriedAgain() {
    smtp.start();
    String client = fixture.client("999993653", Optional.of("fatima at example"));
    String noticeId = NoticeKind.REVOKED.noticeId("grant-1");
    mail.queue(noticeId, client, NoticeKind.REVOKED).await();

    assertThat(mail.runOnce().await()).isEqualTo(new MailDelivery.Report(0, 0, 1));

    MailOrder order = fixture.outbox.find(noticeId).await().orElseThrow();
    assertThat(order.abandonReason()).contains("rejected");
    fixture.clock.advance(Duration.ofHours(2));
    assertThat(mail.runOnce().await()).isEqualTo(new MailDelivery.Report(0, 0, 0));
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void aClientShreddedBeforeTheMailWent_getsNoMail() {
    smtp.start();
    String client = fixture.client("999993653", Optional.of(EMAIL));
    String noticeId = NoticeKind.OBJECTION_DECIDED.noticeId("grant-1");
    mail.queue(noticeId, client, NoticeKind.OBJECTION_DECIDED).await();
    fixture.dossiers.shredClient(client).await();

    assertThat(mail.runOnce().await()).isEqualTo(new MailDelivery.Report(0, 0, 1));

    assertThat(fixture.outbox.find(noticeId).await().orElseThrow().abandonReason()).contains("no-address");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void anAttempt_isClaimedOnce_soTwoGatewaysNeverSendTheSameMailAtOnce() {
    String client = fixture.client("999993653", Optional.of(EMAIL));
    String noticeId = NoticeKind.GRANTED.noticeId("grant-1");
    mail.queue(noticeId, client, NoticeKind.GRANTED).await();
    MailOrder seen = fixture.outbox.due(fixture.clock.instant()).await().get(0);

    Optional<MailOrder> first = fixture.outbox.claim(seen, fixture.clock.instant().plus(Duration.ofMinutes(2))).await();
    Optional<MailOrder> second = fixture.outbox.claim(seen, fixture.clock.instant().plus(Duration.ofMinutes(2)))
        .await();

    assertThat(first).isPresent();
    assertThat(first.get().attempts()).isEqualTo(1);
    assertThat(second).isEmpty();
    assertThat(fixture.outbox.due(fixture.clock.instant()).await()).as("held by the lease").isEmpty();
  }

  @Test
  void aMailNotSentForAWeek_isGivenUp() {
    String client = fixture.client("999993653", Optional.of(EMAIL));
    String noticeId = NoticeKind.GRANTED.noticeId("grant-1");
    mail.queue(noticeId, client, NoticeKind.GRANTED).await();
    fixture.clock.advance(Duration.ofDays(7).plusSeconds(1));

    assertThat(mail.runOnce().await()).isEqualTo(new MailDelivery.Report(0, 0, 1));
    assertThat(fixture.outbox.find(noticeId).await().orElseThrow().abandonReason()).contains("expired");
  }
}
