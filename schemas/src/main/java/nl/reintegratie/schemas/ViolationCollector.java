package nl.reintegratie.schemas;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns the validator's flat "basic" output into one {@link Violation} per failing value.
 *
 * <p>The basic output mixes real failures with wrappers that only say "a subschema had errors"
 * (for {@code $ref}, {@code properties}, {@code items}, {@code if}/{@code then}/{@code else},
 * {@code allOf}); the errors that explain a wrapper follow it directly in the list. A wrapper is
 * dropped when such an error follows it; a wrapper with nothing below it is itself the failure:
 * a property whose schema is {@code false} (not allowed in this case). For a failed
 * {@code anyOf}/{@code oneOf} it is the other way round: the branches' errors only explain why no
 * branch fit, so the one {@code anyOf}/{@code oneOf} error stays and the branch errors go.
 *
 * <p>Linear in the number of errors, whatever was sent: a body with a hundred thousand unknown
 * fields must not keep a thread busy.
 */
final class ViolationCollector {

  private static final Set<String> BRANCHING = Set.of("anyOf", "oneOf");
  /** Wrappers that, with nothing below them, mean the value met a {@code false} schema. */
  private static final Set<String> FALSE_SCHEMA = Set.of("properties", "patternProperties", "items",
      "prefixItems", "$ref");
  /** Keywords whose error is never explained by errors below it. */
  private static final Set<String> LEAVES = Set.of("required", "type", "enum", "const", "minLength",
      "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
      "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "not",
      "dependentRequired");
  private static final String REQUIRED = "Instance does not have required property \"";

  /** The value of a keyword in a schema, found by its absolute keyword location. */
  private final Function<String, Object> constraintAt;
  /** Per object schema: the names its {@code properties} declare. The schemas never change. */
  private final Map<String, Optional<Set<String>>> declared = new ConcurrentHashMap<>();
  private final Map<String, Optional<Object>> constraints = new ConcurrentHashMap<>();

  ViolationCollector(Function<String, Object> constraintAt) {
    this.constraintAt = constraintAt;
  }

  List<Violation> collect(OutputUnit result) {
    if (Boolean.TRUE.equals(result.getValid())) {
      return List.of();
    }
    List<Unit> units = new ArrayList<>();
    if (result.getErrors() != null) {
      for (OutputUnit error : result.getErrors()) {
        Unit unit = Unit.of(error);
        if (!isDeclaredProperty(unit)) {
          units.add(unit);
        }
      }
    }
    Map<String, Violation> violations = new LinkedHashMap<>();
    for (int i = 0; i < units.size(); i++) {
      Unit unit = units.get(i);
      boolean explained = i + 1 < units.size() && units.get(i + 1).isBelow(unit);
      if (BRANCHING.contains(unit.keyword)) {
        // keep the one error, skip the branch errors that follow it
        while (i + 1 < units.size() && units.get(i + 1).isBelow(unit)) {
          i++;
        }
      } else if (explained && !LEAVES.contains(unit.keyword)) {
        continue;
      }
      Violation v = toViolation(unit);
      violations.putIfAbsent(v.pointer() + " " + v.keyword(), v);
    }
    if (violations.isEmpty()) {
      // the validator said "invalid" without saying where: report the value as a whole rather
      // than let an invalid value through
      return List.of(new Violation("", "invalid", null, "Invalid value"));
    }
    return List.copyOf(violations.values());
  }

  /**
   * The validator also runs {@code additionalProperties} on a declared property whose value
   * failed its own schema, so a wrong value would be reported a second time as an unknown
   * property. Such an error is dropped: the property is known, its real error is reported.
   */
  private boolean isDeclaredProperty(Unit unit) {
    if (!"additionalProperties".equals(unit.keyword) || unit.absolute == null) {
      return false;
    }
    String schema = unit.absolute.substring(0, unit.absolute.length() - "/additionalProperties".length());
    Optional<Set<String>> names = declared.computeIfAbsent(schema, s -> Optional.ofNullable(
        constraintAt.apply(s + "/properties") instanceof JsonObject properties ? Set.copyOf(properties.fieldNames()) : null));
    if (names.isEmpty()) {
      return false;
    }
    String pointer = toJsonPointer(unit.instance);
    String property = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    return names.get().contains(property);
  }

  private Violation toViolation(Unit unit) {
    String pointer = toJsonPointer(unit.instance);
    String keyword = unit.keyword;
    Object constraint = null;
    if ("required".equals(keyword) && unit.error != null && unit.error.startsWith(REQUIRED)) {
      String property = unit.error.substring(REQUIRED.length(), unit.error.length() - 1);
      pointer = pointer + "/" + property.replace("~", "~0").replace("/", "~1");
    } else if (FALSE_SCHEMA.contains(keyword)) {
      keyword = "false";
    } else if (!"additionalProperties".equals(keyword) && unit.absolute != null) {
      constraint = constraintAt(unit.absolute);
    }
    return new Violation(pointer, keyword, constraint, describe(keyword, constraint));
  }

  /** Cached; lists and objects are copied for each violation, so no caller can change another's. */
  private Object constraintAt(String absolute) {
    Object value = constraints.computeIfAbsent(absolute, a -> Optional.ofNullable(constraintAt.apply(a))).orElse(null);
    if (value instanceof JsonArray array) {
      return array.copy();
    }
    return value instanceof JsonObject object ? object.copy() : value;
  }

  /** English for developers; never contains the failing value, so it is safe to log. */
  static String describe(String keyword, Object constraint) {
    return switch (keyword) {
      case "required" -> "Required property is missing";
      case "additionalProperties" -> "Unknown property";
      case "false" -> "Property is not allowed here";
      case "type" -> "Must be of type " + list(constraint);
      case "enum" -> "Must be one of: " + list(constraint);
      case "const" -> "Must be " + constraint;
      case "minLength" -> "Must be at least " + constraint + " characters long";
      case "maxLength" -> "Must be at most " + constraint + " characters long";
      case "pattern" -> "Does not match the pattern " + constraint;
      case "format" -> "Must be a valid " + constraint
          + ("date-time".equals(constraint) ? " with a time zone" : "");
      case "minimum" -> "Must be at least " + constraint;
      case "maximum" -> "Must be at most " + constraint;
      case "exclusiveMinimum" -> "Must be more than " + constraint;
      case "exclusiveMaximum" -> "Must be less than " + constraint;
      case "minItems" -> "Must have at least " + constraint + " items";
      case "maxItems" -> "Must have at most " + constraint + " items";
      case "uniqueItems" -> "Items must be unique";
      case "anyOf", "oneOf" -> "Does not match any allowed form";
      case "not" -> "Value is not allowed";
      default -> "Invalid value (" + keyword + ")";
    };
  }

  private static String list(Object constraint) {
    if (constraint instanceof Iterable<?> values) {
      List<String> items = new ArrayList<>();
      values.forEach(v -> items.add(String.valueOf(v)));
      return String.join(", ", items);
    }
    return String.valueOf(constraint);
  }

  /** {@code #/a/b%20c} (a URI fragment, as the validator reports locations) to {@code /a/b c}. */
  static String toJsonPointer(String instanceLocation) {
    String fragment = instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
    return percentDecode(fragment);
  }

  /** Decodes %XX sequences as UTF-8; unlike URLDecoder it leaves '+' alone. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  /**
   * One entry of the basic output. {@code location} is the keyword's path from the root schema
   * through every {@code $ref}, which is what tells a wrapper from the errors below it.
   */
  private record Unit(String instance, String location, String keyword, String absolute, String error) {

    static Unit of(OutputUnit unit) {
      String location = unit.getKeywordLocation() == null ? "" : unit.getKeywordLocation();
      String keyword = location.substring(location.lastIndexOf('/') + 1);
      if ("if".equals(keyword)) {
        // a failed "then" is reported at ".../if", the errors that explain it sit at ".../then/..."
        location = location.substring(0, location.length() - "if".length()) + "then";
      }
      String instance = unit.getInstanceLocation() == null ? "#" : unit.getInstanceLocation();
      return new Unit(instance, location, keyword, unit.getAbsoluteKeywordLocation(), unit.getError());
    }

    /** Whether this error explains {@code other}: deeper in the schema, at or below its value. */
    boolean isBelow(Unit other) {
      return isUnder(location, other.location) && (instance.equals(other.instance) || isUnder(instance, other.instance));
    }

    /** {@code path} starts with {@code prefix + "/"}, without building that string. */
    private static boolean isUnder(String path, String prefix) {
      return path.length() > prefix.length() && path.charAt(prefix.length()) == '/' && path.startsWith(prefix);
    }
  }
}
