package nl.reintegratie.schemas;

import java.util.Objects;

/**
 * One way a JSON value breaks its schema.
 *
 * @param pointer RFC 6901 JSON pointer to the failing value, {@code ""} for the whole value. For a
 *     missing property it points at where the property should be ({@code /content/result}); for
 *     an unknown property at that property
 * @param keyword what failed: a JSON Schema keyword ({@code required}, {@code type},
 *     {@code maxLength}, {@code format}, {@code enum}, {@code additionalProperties} for an unknown
 *     property, ...) or {@code false} for a known property that is not allowed in this case
 * @param constraint the keyword's value in the schema, e.g. {@code 20000} for {@code maxLength},
 *     the list of allowed values for {@code enum}, {@code "date"} for {@code format}; {@code null}
 *     when the keyword has none worth showing ({@code required}, {@code false})
 * @param message a short English explanation for developers. It never repeats the value that
 *     failed, so it may be logged
 */
public record Violation(String pointer, String keyword, Object constraint, String message) {

  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(message, "message");
  }
}
