package nl.reintegratie.gateway.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What may go into a log entry: ids and codes, nothing else (invariant 6: no BSN, name or report text). The log
 * is append-only and is never shredded, so whatever enters it stays for good; these patterns leave no room for a
 * sentence, and an id that is all digits is refused because a nine-digit number may well be a BSN.
 */
final class AuditIds {

  /** Ids: letters, digits and {@code _ - . :}; Keycloak subjects ({@code f:<idp>:<id>}), UUIDs, "<doc>:<version>". */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

  /** Codes: lower-kebab-case, like the codes of the domain's enums ({@code participatiewet-art-67-lid-1-e}). */
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

  private static final Pattern NUMBER_LIKE = Pattern.compile("[0-9_.:-]+");

  private AuditIds() {
  }

  /** {@code value} when it is a valid id; the message names the field, never the value (it may be a BSN). */
  static String id(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!ID.matcher(value).matches() || NUMBER_LIKE.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " is not a valid id");
    }
    return value;
  }

  static String code(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!CODE.matcher(value).matches() || NUMBER_LIKE.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " is not a valid code");
    }
    return value;
  }
}
