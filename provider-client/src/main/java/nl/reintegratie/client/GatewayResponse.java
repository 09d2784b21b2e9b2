package nl.reintegratie.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response of the gateway that passed {@link ResponseVerifier}: every 2xx response is {@link #verified()}; a
 * non-2xx response is verified when it was signed (problem responses are not).
 *
 * @param status   the HTTP status
 * @param headers  field name to its values; looked up case-insensitively
 * @param body     the body bytes exactly as received (JSON for the API's own responses: parse it with your library)
 * @param verified whether the gateway's signature was checked and holds
 */
public record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body, boolean verified) {

  public GatewayResponse {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
    body = Objects.requireNonNull(body, "body").clone();
  }

  /** The first value of header {@code name}, if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** 200 to 299. */
  public boolean isSuccessful() {
    return status >= 200 && status <= 299;
  }

  /** Whether the body is an RFC 9457 problem ({@code application/problem+json}). */
  public boolean isProblem() {
    return mediaType().equals("application/problem+json");
  }

  /** The Content-Type without parameters, lower case; empty when there is none. */
  public String mediaType() {
    return header("Content-Type").map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
  }

  /** The gateway's id of the request ({@code X-Request-ID}): quote it when you report a problem. */
  public Optional<String> requestId() {
    return header("X-Request-ID");
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8 (the API's JSON is UTF-8). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body without a copy, for this package's own reading. */
  byte[] bodyBytes() {
    return body;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GatewayResponse that && status == that.status && verified == that.verified
        && headers.equals(that.headers) && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, verified, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "GatewayResponse[" + status + ", " + (verified ? "verified" : "not signed") + ", " + mediaType() + ", "
        + body.length + " bytes" + requestId().map(id -> ", request " + id).orElse("") + "]";
  }
}
