package nl.reintegratie.client;

import java.nio.charset.StandardCharsets;

/**
 * Puts an id into a URL path as one segment. Ids of the gateway are UUIDs, but an id taken from user input must
 * never add a segment ({@code ../}) or a query: everything outside RFC 3986's unreserved characters is
 * percent-encoded, and {@code .}/{@code ..} alone are refused.
 */
final class PathSegments {

  private PathSegments() {
  }

  static String encode(String id) {
    if (id == null || id.isEmpty() || id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException("not a usable id: \"" + id + "\"");
    }
    StringBuilder out = new StringBuilder();
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
