package nl.reintegratie.protocol.signature;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of RFC 8941 (Structured Field Values) that Signature-Input, Signature and Content-Digest need:
 * dictionaries whose members are items or inner lists, with parameters; bare items of type integer, string, token,
 * byte sequence and boolean.
 *
 * <p>Strict, and stricter than RFC 8941 in three places, all of them on purpose: a decimal is refused (no signature
 * field uses one), and a duplicate dictionary key or parameter name is refused instead of "last one wins", because
 * two different values for one label is either a bug or an attempt to make two parsers disagree. Every failure is a
 * {@link SignatureException} with {@link RejectionReason#MALFORMED}.
 *
 * <p>Parameter values are {@link Long}, {@link String}, {@link Token}, {@code byte[]} or {@link Boolean}.
 */
final class StructuredFields {

  sealed interface Member permits Item, InnerList {
    Map<String, Object> params();
  }

  /** A bare item with its parameters. */
  record Item(Object value, Map<String, Object> params) implements Member {
  }

  /** An inner list of items with the list's parameters. */
  record InnerList(List<Item> items, Map<String, Object> params) implements Member {
  }

  private static final long MAX_INTEGER = 999_999_999_999_999L;

  private final String input;
  private int pos;

  private StructuredFields(String input) {
    this.input = input;
  }

  /** The members of a dictionary field value, in order. Failure: {@link RejectionReason#MALFORMED}. */
  static Map<String, Member> parseDictionary(String fieldValue) {
    if (fieldValue == null) {
      throw malformed();
    }
    StructuredFields parser = new StructuredFields(fieldValue);
    parser.skipSpaces();
    Map<String, Member> dictionary = parser.dictionary();
    parser.skipSpaces();
    if (!parser.atEnd()) {
      throw malformed();
    }
    return Collections.unmodifiableMap(dictionary);
  }

  private Map<String, Member> dictionary() {
    Map<String, Member> members = new LinkedHashMap<>();
    while (!atEnd()) {
      String key = key();
      Member member;
      if (peek() == '=') {
        pos++;
        member = peek() == '(' ? innerList() : new Item(bareItem(), parameters());
      } else {
        member = new Item(Boolean.TRUE, parameters());
      }
      if (members.putIfAbsent(key, member) != null) {
        throw malformed();
      }
      skipOptionalWhitespace();
      if (atEnd()) {
        return members;
      }
      if (next() != ',') {
        throw malformed();
      }
      skipOptionalWhitespace();
      if (atEnd()) { // trailing comma
        throw malformed();
      }
    }
    return members;
  }

  private InnerList innerList() {
    pos++; // '('
    List<Item> items = new ArrayList<>();
    while (!atEnd()) {
      skipSpaces();
      if (peek() == ')') {
        pos++;
        return new InnerList(List.copyOf(items), parameters());
      }
      items.add(new Item(bareItem(), parameters()));
      char after = peek();
      if (after != ' ' && after != ')') {
        throw malformed();
      }
    }
    throw malformed();
  }

  private Map<String, Object> parameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    while (peek() == ';') {
      pos++;
      skipSpaces();
      String name = key();
      Object value = Boolean.TRUE;
      if (peek() == '=') {
        pos++;
        value = bareItem();
      }
      if (params.putIfAbsent(name, value) != null) {
        throw malformed();
      }
    }
    return Collections.unmodifiableMap(params);
  }

  private Object bareItem() {
    char c = peek();
    if (c == '-' || isDigit(c)) {
      return integer();
    }
    if (c == '"') {
      return string();
    }
    if (c == ':') {
      return byteSequence();
    }
    if (c == '?') {
      return bool();
    }
    if (isAlpha(c) || c == '*') {
      return token();
    }
    throw malformed();
  }

  private Long integer() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digitsStart = pos;
    while (isDigit(peek())) {
      pos++;
    }
    int digits = pos - digitsStart;
    if (digits == 0 || digits > 15 || peek() == '.') { // '.': a decimal, which no field of ours uses
      throw malformed();
    }
    long value = Long.parseLong(input.substring(start, pos));
    if (Math.abs(value) > MAX_INTEGER) {
      throw malformed();
    }
    return value;
  }

  private String string() {
    pos++; // '"'
    StringBuilder out = new StringBuilder();
    while (!atEnd()) {
      char c = next();
      if (c == '\\') {
        char escaped = atEnd() ? 0 : next();
        if (escaped != '"' && escaped != '\\') {
          throw malformed();
        }
        out.append(escaped);
      } else if (c == '"') {
        return out.toString();
      } else if (c < 0x20 || c > 0x7e) {
        throw malformed();
      } else {
        out.append(c);
      }
    }
    throw malformed();
  }

  private Token token() {
    int start = pos;
    pos++;
    while (isTchar(peek()) || peek() == ':' || peek() == '/') {
      pos++;
    }
    return new Token(input.substring(start, pos));
  }

  private byte[] byteSequence() {
    pos++; // ':'
    int start = pos;
    while (!atEnd() && peek() != ':') {
      char c = next();
      if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
        throw malformed();
      }
    }
    if (atEnd()) {
      throw malformed();
    }
    String base64 = input.substring(start, pos);
    pos++; // ':'
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  private Boolean bool() {
    pos++; // '?'
    char c = atEnd() ? 0 : next();
    if (c == '1') {
      return Boolean.TRUE;
    }
    if (c == '0') {
      return Boolean.FALSE;
    }
    throw malformed();
  }

  private String key() {
    char first = peek();
    if (!(isLcAlpha(first) || first == '*')) {
      throw malformed();
    }
    int start = pos;
    pos++;
    while (true) {
      char c = peek();
      if (isLcAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*') {
        pos++;
      } else {
        return input.substring(start, pos);
      }
    }
  }

  // --- serialisation ---

  /** RFC 8941 serialisation of an inner list of strings with parameters, e.g. {@code ("@method");created=1}. */
  static String serializeInnerList(List<String> strings, Map<String, Object> params) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < strings.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(serializeBareItem(strings.get(i)));
    }
    out.append(')');
    params.forEach((name, value) -> {
      if (!isKey(name)) {
        throw new IllegalArgumentException("not an RFC 8941 key");
      }
      out.append(';').append(name);
      if (!Boolean.TRUE.equals(value)) {
        out.append('=').append(serializeBareItem(value));
      }
    });
    return out.toString();
  }

  static String serializeBareItem(Object value) {
    if (value instanceof Long number) {
      if (Math.abs(number) > MAX_INTEGER) {
        throw new IllegalArgumentException("integer out of RFC 8941 range");
      }
      return number.toString();
    }
    if (value instanceof String string) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : string.toCharArray()) {
        if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException("string not serialisable as an RFC 8941 string");
        }
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      return out.append('"').toString();
    }
    if (value instanceof Token token) {
      return token.value();
    }
    if (value instanceof byte[] bytes) {
      return ':' + Base64.getEncoder().encodeToString(bytes) + ':';
    }
    if (value instanceof Boolean bool) {
      return bool ? "?1" : "?0";
    }
    throw new IllegalArgumentException("not an RFC 8941 bare item type");
  }

  static boolean isKey(String s) {
    if (s == null || s.isEmpty() || !(isLcAlpha(s.charAt(0)) || s.charAt(0) == '*')) {
      return false;
    }
    return s.chars().allMatch(c -> isLcAlpha((char) c) || isDigit((char) c) || "_-.*".indexOf(c) >= 0);
  }

  static boolean isToken(String s) {
    if (s == null || s.isEmpty() || !(isAlpha(s.charAt(0)) || s.charAt(0) == '*')) {
      return false;
    }
    return s.chars().allMatch(c -> isTchar((char) c) || c == ':' || c == '/');
  }

  // --- characters ---

  private boolean atEnd() {
    return pos >= input.length();
  }

  private char peek() {
    return atEnd() ? 0 : input.charAt(pos);
  }

  private char next() {
    return input.charAt(pos++);
  }

  private void skipSpaces() {
    while (peek() == ' ') {
      pos++;
    }
  }

  private void skipOptionalWhitespace() {
    while (peek() == ' ' || peek() == '\t') {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLcAlpha(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isAlpha(char c) {
    return isLcAlpha(c) || (c >= 'A' && c <= 'Z');
  }

  private static boolean isTchar(char c) {
    return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static SignatureException malformed() {
    return new SignatureException(RejectionReason.MALFORMED);
  }
}
