package nl.reintegratie.gateway.dossier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/** Validation shared by the records of this package. */
final class Checks {

  /**
   * Ids (client, trajectory, document, organisation): letters, digits, '-' and '_'. No spaces, so no name or other
   * free text fits; no '.', '$' or ':', so an id can be a MongoDB field name and part of a {@code "<id>:<n>"} key.
   */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  /** Authors: an organisation id or a Keycloak subject id (federated subjects look like {@code f:<idp>:<id>}). */
  private static final Pattern AUTHOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_:-]{0,127}");

  /** All digits: refused, because a nine-digit number may well be a BSN. */
  private static final Pattern DIGITS = Pattern.compile("[0-9:]+");

  private Checks() {
  }

  /** {@code value} when it is a valid id; the message names the field, never the value. */
  static String id(String value, String field) {
    return matching(value, ID, field);
  }

  static String author(String value) {
    return matching(value, AUTHOR, "author");
  }

  private static String matching(String value, Pattern pattern, String field) {
    Objects.requireNonNull(value, field);
    if (!pattern.matcher(value).matches() || DIGITS.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " is not a valid id");
    }
    return value;
  }

  /**
   * {@code value} cut to milliseconds, the precision of BSON dates and of JSON timestamps, so that a record read
   * back equals the one written.
   */
  static Instant millis(Instant value, String field) {
    return Objects.requireNonNull(value, field).truncatedTo(ChronoUnit.MILLIS);
  }

  static int positive(int value, String field) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be at least 1, was " + value);
    }
    return value;
  }
}
