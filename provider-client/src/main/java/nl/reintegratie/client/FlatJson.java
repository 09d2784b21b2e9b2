package nl.reintegratie.client;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the string members of a flat JSON object such as {@code provider.json} and {@code gateway.json}. The client
 * deliberately has no JSON library (providers bring their own), and these descriptor files are one level deep, so
 * a strict reader of exactly that shape is enough: an object whose values are strings, numbers, booleans or null.
 * Nested objects or arrays, a duplicate name, or anything after the object are refused with
 * {@link IllegalArgumentException}.
 */
final class FlatJson {

  private final String text;
  private int pos;

  private FlatJson(String text) {
    this.text = text;
  }

  /** The object's members whose value is a string, by name, in order. */
  static Map<String, String> strings(String json) {
    FlatJson reader = new FlatJson(json);
    reader.skipWhitespace();
    Map<String, String> strings = reader.object();
    reader.skipWhitespace();
    if (reader.pos != json.length()) {
      throw reader.error("text after the object");
    }
    return Collections.unmodifiableMap(strings);
  }

  private Map<String, String> object() {
    Map<String, String> strings = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    expect('{');
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return strings;
    }
    while (true) {
      skipWhitespace();
      String name = string();
      if (!names.add(name)) {
        throw error("duplicate member \"" + name + "\"");
      }
      skipWhitespace();
      expect(':');
      skipWhitespace();
      char c = peek();
      if (c == '"') {
        strings.put(name, string());
      } else if (c == '{' || c == '[') {
        throw error("nested value of \"" + name + "\" (a flat object is expected)");
      } else {
        scalar();
      }
      skipWhitespace();
      char next = next();
      if (next == '}') {
        return strings;
      }
      if (next != ',') {
        throw error("expected , or }");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = next();
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException e) {
            throw error("bad \\u escape");
          }
          pos += 4;
        }
        default -> throw error("bad escape");
      }
    }
  }

  // numbers, true, false, null: checked for shape, value not needed
  private void scalar() {
    int start = pos;
    while (pos < text.length() && "+-.0123456789eEtrufalsn".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String token = text.substring(start, pos);
    if (!(token.equals("true") || token.equals("false") || token.equals("null")
        || token.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?"))) {
      throw error("not a JSON value");
    }
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected " + c);
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos++);
  }

  private void skipWhitespace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("not a flat JSON object: " + what + " at offset " + pos);
  }
}
