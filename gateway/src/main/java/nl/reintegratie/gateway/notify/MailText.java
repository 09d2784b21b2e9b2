package nl.reintegratie.gateway.notify;

import java.net.URI;
import nl.reintegratie.gateway.transfer.NoticeKind;

/**
 * The e-mail that points the client to a new inbox entry. It says what the message is about, never who receives the
 * data or why: the reasons are about the client and stay in the portal (data minimisation; e-mail passes through
 * servers we do not control). Dutch first, then the same in English.
 */
final class MailText {

  static final String SUBJECT = "Nieuw bericht over je re-integratiedossier / New message about your file";

  private MailText() {
  }

  static OutgoingMail of(String noticeId, NoticeKind kind, String to, URI portal) {
    String link = portal.toString();
    String body = "Hallo,\n\n"
        + "Er staat een nieuw bericht voor je klaar in het portaal. " + aboutNl(kind) + "\n\n"
        + "Lees het bericht in het portaal: " + link + "\n"
        + (kind == NoticeKind.GRANTED ? "Daar kun je ook bezwaar maken.\n" : "")
        + "\nDit is een automatisch bericht. Je kunt er niet op antwoorden.\n\n"
        + "---\n\n"
        + "Hello,\n\n"
        + "There is a new message for you in the portal. " + aboutEn(kind) + "\n\n"
        + "Read the message in the portal: " + link + "\n"
        + (kind == NoticeKind.GRANTED ? "You can also object there.\n" : "")
        + "\nThis is an automatic message. You cannot reply to it.\n";
    return new OutgoingMail(messageId(noticeId, portal), to, SUBJECT, body);
  }

  private static String aboutNl(NoticeKind kind) {
    return switch (kind) {
      case GRANTED -> "Het gaat over wie welk deel van je re-integratiedossier krijgt, en op grond van welke wet.";
      case REVOKED -> "Het gaat erover dat een deel van je re-integratiedossier toch niet wordt gedeeld.";
      case OBJECTION_DECIDED -> "Het gaat over de beslissing op je bezwaar tegen het delen van je gegevens.";
    };
  }

  private static String aboutEn(NoticeKind kind) {
    return switch (kind) {
      case GRANTED -> "It is about who receives which part of your re-integration file, and on which legal basis.";
      case REVOKED -> "It is about part of your re-integration file no longer being shared.";
      case OBJECTION_DECIDED -> "It is about the decision on your objection to sharing your data.";
    };
  }

  /** {@code <notice.<grantId>.<kind>@host>}: the same for every attempt at the same notice. */
  static String messageId(String noticeId, URI portal) {
    return "<notice." + noticeId.replace(':', '.') + "@" + portal.getHost() + ">";
  }
}
