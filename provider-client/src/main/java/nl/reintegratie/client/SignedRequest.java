package nl.reintegratie.client;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request ready to send: what {@link RequestSigner} produced. Send exactly these header fields and this body to
 * {@code targetUri}; any change (another body, a header dropped or rewritten by a proxy) makes the gateway refuse it.
 *
 * @param method    as signed
 * @param targetUri the {@code @target-uri} signed: the gateway's public origin plus the path
 * @param headers   field name to value, in the order they were added: {@code Content-Type}, {@code Content-Digest},
 *                  {@code Idempotency-Key} when present, then {@code Signature-Input} and {@code Signature}
 * @param body      {@code null} for no body
 */
public record SignedRequest(String method, URI targetUri, Map<String, String> headers, byte[] body) {

  public SignedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(targetUri, "targetUri");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? null : body.clone();
  }

  @Override
  public byte[] body() {
    return body == null ? null : body.clone();
  }

  /** The body without a copy, for the HTTP client, which only reads it. */
  byte[] bodyBytes() {
    return body;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedRequest that && method.equals(that.method) && targetUri.equals(that.targetUri)
        && headers.equals(that.headers) && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, targetUri, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "SignedRequest[" + method + " " + targetUri + ", headers=" + headers.keySet()
        + (body == null ? "" : ", " + body.length + " bytes") + "]";
  }
}
