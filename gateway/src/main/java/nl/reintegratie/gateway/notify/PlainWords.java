package nl.reintegratie.gateway.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.transfer.LegalBasis;

/**
 * The building blocks of a notice in plain words, Dutch (B1, "je" as the portal speaks to clients) and English: the
 * names of document types, who decided, the legal basis, dates in Dutch time.
 */
final class PlainWords {

  enum Lang { NL, EN }

  /** Clients live in the Netherlands; dates are shown in Dutch time, summer time included. */
  static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
  private static final DateTimeFormatter NL_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl-NL")).withZone(DUTCH_TIME);
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK).withZone(DUTCH_TIME);

  private PlainWords() {
  }

  /** "de gemeente" or "UWV"; the legal basis says who can have decided. */
  static String commissioner(LegalBasis basis, Lang lang, boolean startOfSentence) {
    if (basis == LegalBasis.WET_SUWI_ART_73) {
      return "UWV";
    }
    String words = lang == Lang.NL ? "de gemeente" : "the municipality";
    return startOfSentence ? Character.toUpperCase(words.charAt(0)) + words.substring(1) : words;
  }

  /** The legal basis in words a client understands, and why consent is not asked. */
  static String legalBasis(LegalBasis basis, Lang lang) {
    return switch (basis) {
      case PARTICIPATIEWET_ART_67 -> lang == Lang.NL
          ? "Dit mag volgens de wet, ook zonder je toestemming: artikel 67 van de Participatiewet. Daarin staat dat de "
              + "gemeente gegevens mag geven aan een organisatie die je helpt om weer aan het werk te gaan. Maar alleen "
              + "de gegevens die daarvoor nodig zijn."
          : "The law allows this, also without your consent: article 67 of the Participation Act (Participatiewet). It "
              + "says that the municipality may give data to an organisation that helps you get back to work. But "
              + "only the data needed for that.";
      case WET_SUWI_ART_73 -> lang == Lang.NL
          ? "Dit mag volgens de wet, ook zonder je toestemming: artikel 73 van de Wet SUWI. Daarin staat dat UWV een "
              + "re-integratiebedrijf de gegevens mag geven die het nodig heeft voor het werk dat het voor UWV doet. "
              + "Maar niet meer dan dat."
          : "The law allows this, also without your consent: article 73 of the Work and Income (Implementation "
              + "Organisation Structure) Act (Wet SUWI). It says that UWV may give a re-integration company the data "
              + "it needs for the work it does for UWV. But no more than that.";
    };
  }

  /** "de eindrapportage en 2 voortgangsrapportages": each type once, with its count, in the order first selected. */
  static String parts(List<SharedData.Part> parts, Lang lang) {
    Map<DocumentType, Integer> counts = new LinkedHashMap<>();
    parts.forEach(part -> counts.merge(part.type(), 1, Integer::sum));
    List<String> words = new ArrayList<>();
    counts.forEach((type, count) -> words.add(count == 1 ? one(type, lang) : count + " " + many(type, lang)));
    return enumeration(words, lang);
  }

  static String enumeration(List<String> words, Lang lang) {
    if (words.isEmpty()) {
      return lang == Lang.NL ? "niets" : "nothing";
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + (lang == Lang.NL ? " en " : " and ")
        + words.get(words.size() - 1);
  }

  private static String one(DocumentType type, Lang lang) {
    return switch (type) {
      case PLAN_OF_APPROACH -> lang == Lang.NL ? "het plan van aanpak" : "the plan of approach";
      case PROGRESS_REPORT -> lang == Lang.NL ? "een voortgangsrapportage" : "a progress report";
      case REPORT_BACK -> lang == Lang.NL ? "de terugmelding" : "the early report-back";
      case END_REPORT -> lang == Lang.NL ? "de eindrapportage" : "the end report";
      case CONTACT_MOMENT -> lang == Lang.NL ? "het verslag van een gesprek met je" : "the record of a meeting with you";
      case ATTACHMENT -> lang == Lang.NL ? "een bijlage" : "an attachment";
      case LOGBOOK_ENTRY -> lang == Lang.NL ? "een stuk uit je logboek" : "an entry from your logbook";
      case PORTFOLIO_DOCUMENT -> lang == Lang.NL ? "een document uit je portfolio" : "a document from your portfolio";
      case OWN_ACCOUNT -> lang == Lang.NL ? "je eigen verhaal" : "your own story";
    };
  }

  private static String many(DocumentType type, Lang lang) {
    return switch (type) {
      case PLAN_OF_APPROACH -> lang == Lang.NL ? "plannen van aanpak" : "plans of approach";
      case PROGRESS_REPORT -> lang == Lang.NL ? "voortgangsrapportages" : "progress reports";
      case REPORT_BACK -> lang == Lang.NL ? "terugmeldingen" : "early report-backs";
      case END_REPORT -> lang == Lang.NL ? "eindrapportages" : "end reports";
      case CONTACT_MOMENT -> lang == Lang.NL ? "verslagen van gesprekken met je" : "records of meetings with you";
      case ATTACHMENT -> lang == Lang.NL ? "bijlagen" : "attachments";
      case LOGBOOK_ENTRY -> lang == Lang.NL ? "stukken uit je logboek" : "entries from your logbook";
      case PORTFOLIO_DOCUMENT -> lang == Lang.NL ? "documenten uit je portfolio" : "documents from your portfolio";
      case OWN_ACCOUNT -> lang == Lang.NL ? "eigen verhalen van jou" : "stories of your own";
    };
  }

  /** "uit je vorige traject bij Werkpad" */
  static String fromEarlierTrajectory(SharedData shared, Lang lang) {
    String earlier = lang == Lang.NL ? "uit je vorige traject" : "from your previous trajectory";
    return shared.sourceProviderName().map(name -> earlier + (lang == Lang.NL ? " bij " : " with ") + name)
        .orElse(earlier);
  }

  /** "3 september 2026 om 10:00" / "3 September 2026 at 10:00 (Dutch time)" */
  static String dateTime(Instant at, Lang lang) {
    return lang == Lang.NL ? NL_DATE.format(at) : EN_DATE.format(at) + " (Dutch time)";
  }

  /** Ends a sentence with a full stop, unless it ends with one already ("... B.V."). */
  static String sentence(String words) {
    return words.endsWith(".") ? words : words + ".";
  }

  /** A free text as written by its author, marked as a quotation. */
  static String quoted(String text) {
    return "\u201C" + text.strip() + "\u201D";
  }
}
