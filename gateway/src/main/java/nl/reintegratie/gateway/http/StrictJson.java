package nl.reintegratie.gateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;

/**
 * Parses a request body as strict JSON (RFC 8259) into Vert.x JSON values. Stricter than Vert.x's
 * own decoding, which accepts comments and lets a repeated key silently overwrite the first one:
 * two parsers that read the same body differently is how checks get bypassed. Nesting is capped,
 * so a body of ten thousand brackets is refused long before the stack is at risk.
 *
 * <p>Uses Jackson's streaming parser, which vertx-core itself is built on.
 */
final class StrictJson {

  /** Deepest nesting accepted; the deepest schema needs about six levels. */
  static final int MAX_DEPTH = 32;

  /** Comments, single quotes, unquoted names and the like are all off by default. */
  private static final JsonFactory FACTORY = new JsonFactory();

  private StrictJson() {}

  /** Why a body is not acceptable JSON. */
  enum Problem { SYNTAX, DUPLICATE_KEY, TOO_DEEP, NUMBER_TOO_LARGE }

  /** The body could not be parsed; says why, never where or what (the body may be personal data). */
  static final class MalformedJsonException extends Exception {
    private final Problem problem;

    MalformedJsonException(Problem problem) {
      super(problem.name(), null, false, false);
      this.problem = problem;
    }

    Problem problem() {
      return problem;
    }
  }

  /**
   * @return a {@link JsonObject}, {@link JsonArray}, {@link String}, {@link Integer}/{@link Long},
   *     {@link Double}, {@link Boolean} or {@code null}
   * @throws MalformedJsonException when the body is empty, not JSON, has more than one value,
   *     repeats a key within an object, nests deeper than {@link #MAX_DEPTH}, or has a number
   *     outside the range of a long or a double
   */
  static Object parse(Buffer body) throws MalformedJsonException {
    try (JsonParser parser = FACTORY.createParser(body.getBytes())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new MalformedJsonException(Problem.SYNTAX);
      }
      Object value = read(parser, first, 1);
      if (parser.nextToken() != null) {
        throw new MalformedJsonException(Problem.SYNTAX);
      }
      return value;
    } catch (IOException e) {
      // JsonParseException, unexpected end of input, invalid UTF-8, Jackson's own limits
      throw new MalformedJsonException(Problem.SYNTAX);
    }
  }

  /** Recursion is bounded by {@link #MAX_DEPTH}: the depth is checked before going deeper. */
  private static Object read(JsonParser parser, JsonToken token, int depth)
      throws IOException, MalformedJsonException {
    if (token == null) {
      throw new MalformedJsonException(Problem.SYNTAX);
    }
    switch (token) {
      case START_OBJECT -> {
        checkDepth(depth);
        JsonObject object = new JsonObject();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
          if (next != JsonToken.FIELD_NAME) {
            throw new MalformedJsonException(Problem.SYNTAX);
          }
          String name = parser.getText();
          if (object.containsKey(name)) {
            throw new MalformedJsonException(Problem.DUPLICATE_KEY);
          }
          object.put(name, read(parser, parser.nextToken(), depth + 1));
        }
        return object;
      }
      case START_ARRAY -> {
        checkDepth(depth);
        JsonArray array = new JsonArray();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          array.add(read(parser, next, depth + 1));
        }
        return array;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new MalformedJsonException(Problem.NUMBER_TOO_LARGE);
        }
        return parser.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        double value = parser.getDoubleValue();
        if (Double.isInfinite(value)) {
          throw new MalformedJsonException(Problem.NUMBER_TOO_LARGE);
        }
        return value;
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new MalformedJsonException(Problem.SYNTAX);
    }
  }

  private static void checkDepth(int depth) throws MalformedJsonException {
    if (depth > MAX_DEPTH) {
      throw new MalformedJsonException(Problem.TOO_DEEP);
    }
  }
}
