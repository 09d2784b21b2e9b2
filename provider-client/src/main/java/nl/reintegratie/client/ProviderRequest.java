package nl.reintegratie.client;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A request to the provider API before it is signed.
 *
 * @param method         e.g. {@code GET}, {@code POST} (upper case, as sent and signed)
 * @param path           absolute path and optional query, already percent-encoded, e.g.
 *                       {@code /api/v1/trajectories}
 * @param contentType    the body's media type; {@code null} exactly when there is no body
 * @param body           {@code null} for no body; otherwise sent (and digested) byte for byte
 * @param idempotencyKey the {@code Idempotency-Key} (1 to 100 of {@code A-Z a-z 0-9 . _ ~ : -}), or {@code null};
 *                       the gateway requires one on every POST. Keep it with the document until the gateway
 *                       acknowledged it: a retry with the same key and body stores nothing twice
 */
public record ProviderRequest(String method, String path, String contentType, byte[] body, String idempotencyKey) {

  private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~:-]{1,100}");
  private static final Pattern MEDIA_TYPE = Pattern.compile("[!-~]+/[!-~]+( *;[ !-~]*)?");

  public ProviderRequest {
    if (method == null || !METHOD.matcher(method).matches()) {
      throw new IllegalArgumentException("method must be an upper-case HTTP method");
    }
    requirePath(path);
    if ((body == null) != (contentType == null)) {
      throw new IllegalArgumentException("a body needs a content type, and a content type a body");
    }
    if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
      throw new IllegalArgumentException("content type is not a media type");
    }
    if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
      throw new IllegalArgumentException(
          "Idempotency-Key must be 1 to 100 characters of A-Z a-z 0-9 . _ ~ : -");
    }
    body = body == null ? null : body.clone();
  }

  /** A GET of {@code path}. */
  public static ProviderRequest get(String path) {
    return new ProviderRequest("GET", path, null, null, null);
  }

  /** A POST of a JSON body under {@code idempotencyKey}. */
  public static ProviderRequest postJson(String path, byte[] json, String idempotencyKey) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    return new ProviderRequest("POST", path, "application/json", json, idempotencyKey);
  }

  /** A fresh random key (a UUID): make one per document, store it with the document, reuse it for retries. */
  public static String newIdempotencyKey() {
    return UUID.randomUUID().toString();
  }

  /** Whether {@code key} is a key the gateway accepts. */
  public static boolean isValidIdempotencyKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  @Override
  public byte[] body() {
    return body == null ? null : body.clone();
  }

  boolean hasBody() {
    return body != null;
  }

  /** The body without a copy, for the signer and the HTTP client, which only read it. */
  byte[] bodyBytes() {
    return body;
  }

  // a path that would resolve elsewhere (no leading slash, a fragment, spaces) must fail here, not after signing
  private static void requirePath(String path) {
    if (path == null || !path.startsWith("/") || path.startsWith("//") || path.indexOf('#') >= 0) {
      throw new IllegalArgumentException("path must be an absolute path, e.g. /api/v1/trajectories");
    }
    URI parsed;
    try {
      parsed = new URI("https://gateway.invalid" + path);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("path is not a valid, percent-encoded URI path");
    }
    if (!parsed.getRawPath().equals(path.split("\\?", 2)[0])) {
      throw new IllegalArgumentException("path is not a valid, percent-encoded URI path");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProviderRequest that && method.equals(that.method) && path.equals(that.path)
        && Objects.equals(contentType, that.contentType) && Arrays.equals(body, that.body)
        && Objects.equals(idempotencyKey, that.idempotencyKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, contentType, Arrays.hashCode(body), idempotencyKey);
  }

  @Override
  public String toString() {
    return "ProviderRequest[" + method + " " + path + (body == null ? "" : ", " + body.length + " bytes "
        + contentType) + (idempotencyKey == null ? "" : ", Idempotency-Key " + idempotencyKey) + "]";
  }
}
