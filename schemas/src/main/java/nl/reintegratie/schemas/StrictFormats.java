package nl.reintegratie.schemas;

import io.vertx.json.schema.JsonFormatValidator;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Format checks on top of the validator's own. Its {@code date-time} check lets a value without a
 * time zone through ({@code 2026-03-01T09:30:00}), which is ambiguous and which the NL API Design
 * Rules do not allow; here a date-time needs {@code Z} or an offset, and an upper-case {@code T}.
 */
final class StrictFormats implements JsonFormatValidator {

  private static final Pattern DATE_TIME = Pattern.compile(
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$");

  @Override
  public String validateFormat(String instanceType, String format, Object instance) {
    if (!"string".equals(instanceType) || !"date-time".equals(format)) {
      return null;
    }
    String value = (String) instance;
    if (!DATE_TIME.matcher(value).matches()) {
      return "String does not match format \"date-time\" with a time zone";
    }
    try {
      OffsetDateTime.parse(value);
      return null;
    } catch (DateTimeParseException e) {
      return "String does not match format \"date-time\"";
    }
  }
}
