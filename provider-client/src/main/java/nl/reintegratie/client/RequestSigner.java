package nl.reintegratie.client;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import nl.reintegratie.protocol.signature.ContentDigest;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.MessageSigner;
import nl.reintegratie.protocol.signature.SignatureParams;

/**
 * Signs provider API requests the way the gateway verifies them (RFC 9421, Ed25519, the gateway's
 * {@code VerificationPolicy.forRequests}): label {@value #LABEL}; covered {@code @method} and {@code @target-uri},
 * with a body also {@code content-digest} (RFC 9530 SHA-256 of exactly the bytes sent) and {@code content-type},
 * and {@code idempotency-key} when the request has one (the gateway refuses a POST whose key is not covered: whoever
 * relays it could otherwise turn one submission into two); parameters {@code created}, {@code keyid} and a random
 * 128-bit {@code nonce}, and no {@code alg} (the registered key decides the algorithm).
 *
 * <p>Use it directly when you send with your own HTTP client; {@link ProviderClient} uses it for you. Thread-safe.
 */
public final class RequestSigner {

  /** The signature label in Signature-Input and Signature. */
  public static final String LABEL = "sig1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String origin;
  private final String keyId;
  private final MessageSigner signer;
  private final Clock clock;

  /**
   * @param gatewayUrl the gateway's public base URL, exactly as the gateway is configured ({@code PUBLIC_BASE_URL},
   *                   e.g. {@code https://localhost:8443}): the gateway checks {@code @target-uri} against its own
   *                   public origin plus the request's path, never against the Host header
   */
  public RequestSigner(URI gatewayUrl, String keyId, Ed25519SigningKey key, Clock clock) {
    this.origin = origin(gatewayUrl);
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.signer = new MessageSigner(Objects.requireNonNull(key, "key"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Signs {@code request} now, with a fresh nonce: every call gives a request the gateway accepts once. */
  public SignedRequest sign(ProviderRequest request) {
    URI target = URI.create(origin + request.path());
    HttpMessage message = HttpMessage.request(request.method(), target);
    List<String> components = new ArrayList<>(List.of("@method", "@target-uri"));
    Map<String, String> headers = new LinkedHashMap<>();
    if (request.hasBody()) {
      headers.put("Content-Type", request.contentType());
      headers.put("Content-Digest", ContentDigest.sha256(request.bodyBytes()));
      components.add("content-digest");
      components.add("content-type");
    }
    if (request.idempotencyKey() != null) {
      headers.put("Idempotency-Key", request.idempotencyKey());
      components.add("idempotency-key");
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      message = message.withHeader(header.getKey(), header.getValue());
    }
    MessageSigner.SignatureHeaders signature = signer.sign(message, LABEL,
        SignatureParams.of(components, clock.instant(), keyId, nonce(), null));
    headers.put("Signature-Input", signature.signatureInput());
    headers.put("Signature", signature.signature());
    return new SignedRequest(request.method(), target, headers, request.bodyBytes());
  }

  /** The scheme and authority of {@code gatewayUrl}, as the gateway derives its own origin from its base URL. */
  static String origin(URI gatewayUrl) {
    Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    if (!"https".equalsIgnoreCase(gatewayUrl.getScheme()) || gatewayUrl.getRawAuthority() == null
        || gatewayUrl.getHost() == null) {
      throw new IllegalArgumentException("the gateway URL must be https://host[:port], got " + gatewayUrl);
    }
    // the gateway ignores a path in its base URL when it checks signatures, so one here would only mislead
    String path = gatewayUrl.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || gatewayUrl.getRawQuery() != null
        || gatewayUrl.getRawFragment() != null || gatewayUrl.getRawUserInfo() != null) {
      throw new IllegalArgumentException("the gateway URL must be only https://host[:port], got " + gatewayUrl);
    }
    return gatewayUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + gatewayUrl.getRawAuthority();
  }

  private static String nonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
