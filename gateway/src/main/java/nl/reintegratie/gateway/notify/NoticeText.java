package nl.reintegratie.gateway.notify;

import static nl.reintegratie.gateway.notify.PlainWords.commissioner;
import static nl.reintegratie.gateway.notify.PlainWords.dateTime;
import static nl.reintegratie.gateway.notify.PlainWords.fromEarlierTrajectory;
import static nl.reintegratie.gateway.notify.PlainWords.legalBasis;
import static nl.reintegratie.gateway.notify.PlainWords.parts;
import static nl.reintegratie.gateway.notify.PlainWords.quoted;
import static nl.reintegratie.gateway.notify.PlainWords.sentence;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.notify.PlainWords.Lang;
import nl.reintegratie.gateway.transfer.GrantReasons;

/**
 * What a client reads in their inbox, in Dutch (B1) and English; both are sealed in the entry, so the portal shows
 * the client's language without composing anything again. Words only: who decided, what was shared, to whom, why,
 * on which legal basis, from when until when, and what the client can do.
 *
 * @param dutch   the message in Dutch, the portal's default
 * @param english the same message in English
 */
public record NoticeText(Message dutch, Message english) {

  /**
   * One language's message.
   *
   * @param title      one line for the inbox list
   * @param paragraphs the message, one paragraph each, in reading order
   */
  public record Message(String title, List<String> paragraphs) {

    public Message {
      Objects.requireNonNull(title, "title");
      paragraphs = List.copyOf(paragraphs);
    }

    /** The whole message as plain text: the title, then the paragraphs, separated by blank lines. */
    public String plainText() {
      return title + "\n\n" + String.join("\n\n", paragraphs);
    }

    /** Sizes only: the paragraphs quote the officer's reasons about the client. */
    @Override
    public String toString() {
      return "Message[" + paragraphs.size() + " paragraphs]";
    }
  }

  public NoticeText {
    Objects.requireNonNull(dutch, "dutch");
    Objects.requireNonNull(english, "english");
  }

  /** The message for a language code ({@code "nl"}, {@code "en"}); Dutch for anything else. */
  public Message in(String language) {
    return "en".equalsIgnoreCase(language) ? english : dutch;
  }

  @Override
  public String toString() {
    return "NoticeText[***]";
  }

  /** The sealed form: {@code {"nl": {"title", "paragraphs": [...]}, "en": {...}}} as UTF-8 JSON. */
  public byte[] toBytes() {
    return new JsonObject().put("nl", json(dutch)).put("en", json(english)).toBuffer().getBytes();
  }

  /** Reads {@link #toBytes}; {@link IllegalArgumentException} for anything else (never showing the content). */
  public static NoticeText fromBytes(byte[] bytes) {
    try {
      JsonObject json = new JsonObject(Buffer.buffer(bytes));
      return new NoticeText(message(json.getJsonObject("nl")), message(json.getJsonObject("en")));
    } catch (DecodeException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("not a sealed notice text");
    }
  }

  private static JsonObject json(Message message) {
    return new JsonObject().put("title", message.title()).put("paragraphs", new JsonArray(message.paragraphs()));
  }

  private static Message message(JsonObject json) {
    List<String> paragraphs = new ArrayList<>();
    json.getJsonArray("paragraphs").forEach(paragraph -> paragraphs.add((String) paragraph));
    return new Message(Objects.requireNonNull(json.getString("title")), paragraphs);
  }

  /**
   * A grant: the client learns what goes to whom, why, on which legal basis, when the provider can fetch it, and that
   * an objection pauses it.
   *
   * @param noticeAt       when the notice is stored: the waiting period starts then
   * @param releasableFrom from when the recipient may fetch ({@code noticeAt} without a waiting period)
   * @param validUntil     until when
   */
  public static NoticeText granted(SharedData shared, GrantReasons reasons, Instant noticeAt, Instant releasableFrom,
                                   Instant validUntil) {
    return new NoticeText(granted(shared, reasons, noticeAt, releasableFrom, validUntil, Lang.NL),
        granted(shared, reasons, noticeAt, releasableFrom, validUntil, Lang.EN));
  }

  private static Message granted(SharedData shared, GrantReasons reasons, Instant noticeAt, Instant from,
                                 Instant until, Lang lang) {
    boolean nl = lang == Lang.NL;
    String recipient = shared.recipientName();
    String who = commissioner(shared.legalBasis(), lang, true);
    String whoLater = commissioner(shared.legalBasis(), lang, false);
    boolean waiting = from.isAfter(noticeAt);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(nl
        ? sentence(who + " geeft een deel van je re-integratiedossier aan " + recipient) + " Dat is de organisatie "
            + "van je nieuwe re-integratietraject."
        : who + " is giving part of your re-integration file to " + recipient + ", the organisation of your new "
            + "re-integration trajectory.");
    paragraphs.add(sentence((nl ? "Het gaat om " : "This concerns ") + parts(shared.parts(), lang) + " "
        + fromEarlierTrajectory(shared, lang)));
    if (shared.includesHealthData()) {
      paragraphs.add((nl ? "Daarbij zijn ook gegevens over je gezondheid." : "This includes data about your health.")
          + reasons.healthJustification()
          .map(health -> (nl ? " De reden daarvoor: " : " The reason for that: ") + quoted(health)).orElse(""));
    }
    paragraphs.add((nl ? "Waarom? " + who + " schreef: " : "Why? " + who + " wrote: ")
        + quoted(reasons.necessityReason()));
    paragraphs.add(legalBasis(shared.legalBasis(), lang));
    paragraphs.add(waiting
        ? (nl ? recipient + " kan de gegevens ophalen van " + dateTime(from, lang) + " tot " + dateTime(until, lang)
            + "." : recipient + " can collect the data from " + dateTime(from, lang) + " until "
            + dateTime(until, lang) + ".")
        : (nl ? recipient + " kan de gegevens ophalen vanaf nu tot " + dateTime(until, lang) + "."
            : recipient + " can collect the data from now until " + dateTime(until, lang) + "."));
    String pause = nl
        ? " Zolang " + whoLater + " nog niet over je bezwaar heeft beslist, kan " + recipient
            + " de gegevens niet ophalen."
        : " As long as " + whoLater + " has not decided on your objection, " + recipient
            + " cannot collect the data.";
    paragraphs.add(waiting
        ? (nl ? "Ben je het hier niet mee eens? Maak dan bezwaar in het portaal, het liefst vóór "
            + dateTime(from, lang) + "." : "Do you disagree? Then object in the portal, preferably before "
            + dateTime(from, lang) + ".") + pause
        : (nl ? "Ben je het hier niet mee eens? Maak dan bezwaar in het portaal." 
            : "Do you disagree? Then object in the portal.") + pause);
    return new Message(nl ? "Je gegevens gaan naar " + recipient : "Your data goes to " + recipient, paragraphs);
  }

  /** A revocation: the grant ends; the client learns what no longer goes to whom, and since when. */
  public static NoticeText revoked(SharedData shared, Instant revokedAt) {
    return new NoticeText(revoked(shared, revokedAt, Lang.NL), revoked(shared, revokedAt, Lang.EN));
  }

  private static Message revoked(SharedData shared, Instant revokedAt, Lang lang) {
    boolean nl = lang == Lang.NL;
    String recipient = shared.recipientName();
    String who = commissioner(shared.legalBasis(), lang, true);
    List<String> paragraphs = List.of(
        nl ? who + " heeft besloten dat " + recipient + " je gegevens toch niet krijgt."
            : who + " has decided that " + recipient + " will not receive your data after all.",
        sentence((nl ? "Het ging om " : "This concerned ") + parts(shared.parts(), lang) + " "
            + fromEarlierTrajectory(shared, lang)),
        nl ? "Sinds " + dateTime(revokedAt, lang) + " kan " + recipient + " deze gegevens niet meer ophalen."
            : "Since " + dateTime(revokedAt, lang) + ", " + recipient + " can no longer collect this data.");
    return new Message(nl ? recipient + " krijgt je gegevens niet meer" : recipient + " no longer receives your data",
        paragraphs);
  }

  /**
   * The commissioner's decision on the client's objection, with the officer's reasons. Upheld: the grant ended with
   * the decision. Rejected: the release goes on, within its period.
   *
   * @param releasableFrom from when the recipient may fetch, when known
   * @param validUntil     until when, when known
   */
  public static NoticeText objectionDecided(SharedData shared, boolean upheld, String reasons, Instant decidedAt,
                                            Optional<Instant> releasableFrom, Optional<Instant> validUntil) {
    return new NoticeText(
        objectionDecided(shared, upheld, reasons, decidedAt, releasableFrom, validUntil, Lang.NL),
        objectionDecided(shared, upheld, reasons, decidedAt, releasableFrom, validUntil, Lang.EN));
  }

  private static Message objectionDecided(SharedData shared, boolean upheld, String reasons, Instant decidedAt,
                                          Optional<Instant> from, Optional<Instant> until, Lang lang) {
    boolean nl = lang == Lang.NL;
    String recipient = shared.recipientName();
    String who = commissioner(shared.legalBasis(), lang, true);
    String whoLater = commissioner(shared.legalBasis(), lang, false);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add((nl ? "Je maakte bezwaar tegen het delen van " : "You objected to sharing ")
        + parts(shared.parts(), lang) + " " + fromEarlierTrajectory(shared, lang) + (nl ? " met " : " with ")
        + sentence(recipient) + " " + (upheld
        ? (nl ? who + " geeft je gelijk." : who + " agrees with you.")
        : (nl ? who + " heeft je bezwaar afgewezen." : who + " has rejected your objection.")));
    paragraphs.add((nl ? "De uitleg van " : "The explanation of ") + whoLater + ": " + quoted(reasons));
    if (upheld) {
      paragraphs.add(nl
          ? "Daarom krijgt " + recipient + " deze gegevens niet. Sinds " + dateTime(decidedAt, lang) + " kan "
              + recipient + " ze niet meer ophalen."
          : "So " + recipient + " does not receive this data. Since " + dateTime(decidedAt, lang) + ", " + recipient
              + " can no longer collect it.");
    } else {
      paragraphs.add(releasePeriodAfterRejection(recipient, decidedAt, from, until, lang));
      paragraphs.add(nl ? "Heb je hier vragen over? Neem dan contact op met " + whoLater + "."
          : "Do you have questions about this? Then contact " + whoLater + ".");
    }
    String title = upheld
        ? (nl ? "Je bezwaar: je krijgt gelijk" : "Your objection: you are right")
        : (nl ? "Je bezwaar is afgewezen" : "Your objection was rejected");
    return new Message(title, paragraphs);
  }

  private static String releasePeriodAfterRejection(String recipient, Instant decidedAt, Optional<Instant> from,
                                                    Optional<Instant> until, Lang lang) {
    boolean nl = lang == Lang.NL;
    if (from.isEmpty() || until.isEmpty()) {
      return nl ? recipient + " kan de gegevens ophalen in de periode die in het eerdere bericht staat."
          : recipient + " can collect the data in the period stated in the earlier message.";
    }
    if (!until.get().isAfter(decidedAt)) {
      return nl ? "De periode waarin " + recipient + " de gegevens kon ophalen, is voorbij. " + recipient
          + " krijgt ze dus niet." : "The period in which " + recipient + " could collect the data is over. So "
          + recipient + " does not receive it.";
    }
    return from.get().isAfter(decidedAt)
        ? (nl ? recipient + " kan de gegevens ophalen van " + dateTime(from.get(), lang) + " tot "
            + dateTime(until.get(), lang) + "." : recipient + " can collect the data from "
            + dateTime(from.get(), lang) + " until " + dateTime(until.get(), lang) + ".")
        : (nl ? recipient + " kan de gegevens nu ophalen, tot " + dateTime(until.get(), lang) + "."
            : recipient + " can now collect the data, until " + dateTime(until.get(), lang) + ".");
  }
}
