package nl.reintegratie.protocol.signature;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of an HTTP request or response that a signature can cover, independent of any HTTP library: method and
 * target URI (requests), status (responses), and header fields. Immutable; {@link #withHeader} returns a copy.
 *
 * <p>Field names are case-insensitive and kept lower-cased; each field keeps its values (one per field line) in
 * arrival order. The body is not part of this model: it reaches the verifier separately, and only its
 * Content-Digest is ever signed.
 *
 * @param method     the request method as sent (case-sensitive, e.g. {@code POST}); {@code null} for a response
 * @param targetUri  the absolute target URI of the request; {@code null} for a response
 * @param status     the response status code; {@code null} for a request
 * @param headers    lower-cased field name to its field line values
 */
public record HttpMessage(String method, URI targetUri, Integer status, Map<String, List<String>> headers) {

  public HttpMessage {
    boolean request = method != null && targetUri != null && status == null;
    boolean response = method == null && targetUri == null && status != null;
    if (!request && !response) {
      throw new IllegalArgumentException("a message is either a request (method, target URI) or a response (status)");
    }
    if (targetUri != null && (!targetUri.isAbsolute() || targetUri.getRawAuthority() == null)) {
      throw new IllegalArgumentException("the target URI must be absolute with an authority");
    }
    if (status != null && (status < 100 || status > 999)) {
      throw new IllegalArgumentException("status must have three digits");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> {
      List<String> merged = new ArrayList<>(a);
      merged.addAll(b);
      return List.copyOf(merged);
    }));
    headers = Map.copyOf(copy);
  }

  /** A request without header fields. */
  public static HttpMessage request(String method, URI targetUri) {
    return new HttpMessage(Objects.requireNonNull(method), Objects.requireNonNull(targetUri), null, Map.of());
  }

  /** A response without header fields. */
  public static HttpMessage response(int status) {
    return new HttpMessage(null, null, status, Map.of());
  }

  /** A copy with one more field line {@code name: value} (appended to the field's existing values). */
  public HttpMessage withHeader(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    String key = name.toLowerCase(Locale.ROOT);
    List<String> values = new ArrayList<>(copy.getOrDefault(key, List.of()));
    values.add(Objects.requireNonNull(value));
    copy.put(key, values);
    return new HttpMessage(method, targetUri, status, copy);
  }

  /** A copy without the field {@code name}. */
  public HttpMessage withoutHeader(String name) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.remove(name.toLowerCase(Locale.ROOT));
    return new HttpMessage(method, targetUri, status, copy);
  }

  public boolean isRequest() {
    return status == null;
  }

  /**
   * The field's value as RFC 9421 section 2.1 canonicalises it: each field line's value with leading and trailing
   * whitespace removed, joined with {@code ", "}; empty when the field is absent.
   */
  public Optional<String> field(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    List<String> trimmed = new ArrayList<>(values.size());
    for (String value : values) {
      // obs-fold (a line break followed by whitespace) counts as a single space (RFC 9421 section 2.1)
      trimmed.add(value.replaceAll("\\r?\\n[ \\t]+", " ").strip());
    }
    return Optional.of(String.join(", ", trimmed));
  }
}
