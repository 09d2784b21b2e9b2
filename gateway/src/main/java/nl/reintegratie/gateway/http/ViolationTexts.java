package nl.reintegratie.gateway.http;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.reintegratie.schemas.Violation;

/**
 * What the caller reads for one invalid field, in plain Dutch (B1) or English. Built from what
 * failed and the schema's limit, never from the value that was sent: that may be personal data,
 * and echoing it back adds nothing.
 */
final class ViolationTexts {

  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private ViolationTexts() {}

  static String of(Violation v, Language language) {
    boolean nl = language != Language.EN;
    Object c = v.constraint();
    String n = number(c, nl);
    return switch (v.keyword()) {
      case "required" -> nl ? "Dit veld ontbreekt. Vul het in." : "This field is missing. Fill it in.";
      case "additionalProperties" -> nl ? "Dit veld kennen we niet. Haal het weg of controleer de naam."
          : "This field is unknown. Remove it or check its name.";
      case "false" -> nl ? "Dit veld past niet bij de andere gegevens. Haal het weg."
          : "This field does not fit the other data. Remove it.";
      case "type" -> nl ? "Dit moet " + typeNl(c) + " zijn." : "This must be " + typeEn(c) + ".";
      case "enum" -> nl ? "Kies een van deze waarden: " + list(c) + "." : "Choose one of these values: " + list(c) + ".";
      case "const" -> nl ? "Deze waarde moet " + c + " zijn." : "This value must be " + c + ".";
      case "minLength" -> isOne(c)
          ? (nl ? "Dit veld mag niet leeg zijn." : "This field must not be empty.")
          : (nl ? "Deze tekst is te kort: minimaal " + n + " tekens." : "This text is too short: at least " + n + " characters.");
      case "maxLength" -> nl ? "Deze tekst is te lang: maximaal " + n + " tekens."
          : "This text is too long: at most " + n + " characters.";
      case "minimum" -> nl ? "Dit getal is te klein: het moet minimaal " + n + " zijn."
          : "This number is too small: it must be at least " + n + ".";
      case "maximum" -> nl ? "Dit getal is te groot: het mag maximaal " + n + " zijn."
          : "This number is too large: it may be at most " + n + ".";
      case "exclusiveMinimum" -> nl ? "Dit getal moet groter zijn dan " + n + "." : "This number must be more than " + n + ".";
      case "exclusiveMaximum" -> nl ? "Dit getal moet kleiner zijn dan " + n + "." : "This number must be less than " + n + ".";
      case "minItems" -> isOne(c)
          ? (nl ? "Deze lijst mag niet leeg zijn." : "This list must not be empty.")
          : (nl ? "Deze lijst is te kort: minimaal " + n + " onderdelen." : "This list is too short: at least " + n + " items.");
      case "maxItems" -> nl ? "Deze lijst is te lang: maximaal " + n + " onderdelen."
          : "This list is too long: at most " + n + " items.";
      case "uniqueItems" -> nl ? "Er staat iets twee keer in deze lijst." : "This list contains the same item twice.";
      case "format" -> format(String.valueOf(c), nl);
      case "pattern" -> nl ? "Deze waarde heeft niet de goede vorm. In de API-beschrijving staat hoe het moet."
          : "This value does not have the right form. The API description says what it should look like.";
      case "not" -> nl ? "Deze waarde mag hier niet." : "This value is not allowed here.";
      default -> nl ? "Deze waarde klopt niet." : "This value is not valid.";
    };
  }

  private static String format(String format, boolean nl) {
    return switch (format) {
      case "date" -> nl ? "Vul een bestaande datum in als JJJJ-MM-DD, bijvoorbeeld 2026-03-01."
          : "Use an existing date as YYYY-MM-DD, for example 2026-03-01.";
      case "date-time" -> nl ? "Vul datum en tijd in met tijdzone, bijvoorbeeld 2026-03-01T09:30:00+01:00."
          : "Use a date and time with a time zone, for example 2026-03-01T09:30:00+01:00.";
      case "email" -> nl ? "Vul een geldig e-mailadres in, bijvoorbeeld naam@example.org."
          : "Use a valid e-mail address, for example name@example.org.";
      default -> nl ? "Deze waarde heeft niet de goede vorm." : "This value does not have the right form.";
    };
  }

  private static String typeNl(Object type) {
    return switch (String.valueOf(type)) {
      case "string" -> "tekst (tussen aanhalingstekens)";
      case "integer" -> "een heel getal";
      case "number" -> "een getal";
      case "boolean" -> "true of false";
      case "object" -> "een object met velden ({ })";
      case "array" -> "een lijst ([ ])";
      default -> "iets anders";
    };
  }

  private static String typeEn(Object type) {
    return switch (String.valueOf(type)) {
      case "string" -> "text (in quotes)";
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      case "object" -> "an object with fields ({ })";
      case "array" -> "a list ([ ])";
      default -> "something else";
    };
  }

  private static boolean isOne(Object constraint) {
    return constraint instanceof Number number && number.doubleValue() == 1;
  }

  /** 20000 as "20.000" in Dutch and "20,000" in English. */
  private static String number(Object constraint, boolean nl) {
    if (!(constraint instanceof Number number)) {
      return String.valueOf(constraint);
    }
    return NumberFormat.getNumberInstance(nl ? DUTCH : Locale.ENGLISH).format(number);
  }

  private static String list(Object constraint) {
    if (constraint instanceof Iterable<?> values) {
      List<String> items = new ArrayList<>();
      values.forEach(value -> items.add(String.valueOf(value)));
      return String.join(", ", items);
    }
    return String.valueOf(constraint);
  }
}
