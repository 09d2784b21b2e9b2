package nl.reintegratie.gateway.testsupport;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Reads the parts of a compact JWS for assertions. Does NOT verify signatures: tests use it to look
 * at tokens Keycloak just issued to them, never to trust a token.
 */
public final class Jwts {

  private Jwts() {
  }

  public static JsonObject header(String jwt) {
    return part(jwt, 0);
  }

  public static JsonObject payload(String jwt) {
    return part(jwt, 1);
  }

  /**
   * A claim that may be a single string or an array of strings (like {@code aud}), as a list.
   */
  public static List<String> stringList(JsonObject claims, String name) {
    Object value = claims.getValue(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof JsonArray array) {
      return strings(array);
    }
    return List.of(value.toString());
  }

  /** A JSON array of strings as a typed list (Vert.x's {@code getList()} is raw). */
  public static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }

  private static JsonObject part(String jwt, int index) {
    if (jwt == null) {
      throw new IllegalArgumentException("No token");
    }
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new IllegalArgumentException("Not a compact JWS (" + parts.length + " parts)");
    }
    return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
  }
}
