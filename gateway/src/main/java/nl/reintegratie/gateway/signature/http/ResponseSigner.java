package nl.reintegratie.gateway.signature.http;

import nl.reintegratie.gateway.http.ResponseSignature;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import nl.reintegratie.protocol.signature.ContentDigest;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.MessageSigner;
import nl.reintegratie.protocol.signature.SignatureParams;

/**
 * Signs the provider API's responses with the gateway's own Ed25519 key (RFC 9421, label {@value #LABEL}). Mount
 * it in front of the provider API routes; they answer through {@link SignedResponses#end}, which signs.
 *
 * <p><b>What is covered:</b> {@code @status}, {@code content-type}, {@code content-digest} (SHA-256 of exactly the
 * body sent) and {@code x-request-id} (the gateway's id of the request, which ties the response to the request it
 * answers in both parties' logs), with the parameters {@code created}, {@code keyid} and a random {@code nonce}.
 * The request's {@code @method} and {@code @target-uri} are not covered: that needs the {@code ;req} parameter,
 * which the signature core does not support. Problem answers on a route behind this signer are signed the same way
 * (through {@link ResponseSignature}), refusals of the request signature included: the provider API mounts the
 * signer first. Problems before any route matched (404 of an unknown path, 413 of the body limit) are not.
 */
public final class ResponseSigner implements Handler<RoutingContext>, ResponseSignature {

  /** The signature label in Signature-Input and Signature. */
  public static final String LABEL = "gateway";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MessageSigner signer;
  private final String keyId;
  private final Clock clock;

  public ResponseSigner(Ed25519SigningKey key, String keyId, Clock clock) {
    this.signer = new MessageSigner(key);
    this.keyId = Objects.requireNonNull(keyId);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Blocking (startup only): the signer for the unencrypted PKCS#8 PEM key in {@code pemFile}
   * ({@code GATEWAY_SIGNING_KEY_FILE}). Failure: {@link UncheckedIOException} when the file cannot be read,
   * {@link IllegalArgumentException} when it holds no Ed25519 private key.
   */
  public static ResponseSigner fromPemFile(Path pemFile, String keyId, Clock clock) {
    return new ResponseSigner(signingKey(pemFile), keyId, clock);
  }

  /**
   * Blocking (startup only): the gateway's Ed25519 key from the unencrypted PKCS#8 PEM file, also what the disclosure
   * log signs its checkpoints with. Failure: as {@link #fromPemFile}.
   */
  public static Ed25519SigningKey signingKey(Path pemFile) {
    String pem;
    try {
      pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gateway signing key", e);
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("not a PKCS#8 PEM private key");
    }
    return Ed25519SigningKey.fromPkcs8(Base64.getMimeDecoder().decode(pem.substring(begin + 27, end)));
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.put(ResponseSignature.CONTEXT_KEY, this);
    ctx.next();
  }

  /** The signer a route is behind, or {@code null}. */
  static ResponseSigner of(RoutingContext ctx) {
    return ResponseSignature.of(ctx) instanceof ResponseSigner signer ? signer : null;
  }

  /**
   * The header fields that sign a response: {@code Content-Digest}, {@code Signature-Input} and {@code Signature},
   * in that order. {@code requestId} may be {@code null}, then {@code x-request-id} is not covered.
   */
  @Override
  public Map<String, String> headersFor(int status, String contentType, byte[] body, String requestId) {
    String digest = ContentDigest.sha256(body);
    HttpMessage response = HttpMessage.response(status)
        .withHeader("Content-Type", contentType)
        .withHeader("Content-Digest", digest);
    List<String> components = new ArrayList<>(List.of("@status", "content-type", "content-digest"));
    if (requestId != null) {
      response = response.withHeader("X-Request-ID", requestId);
      components.add("x-request-id");
    }
    MessageSigner.SignatureHeaders signature = signer.sign(response, LABEL,
        SignatureParams.of(components, clock.instant(), keyId, nonce(), null));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Digest", digest);
    headers.put("Signature-Input", signature.signatureInput());
    headers.put("Signature", signature.signature());
    return headers;
  }

  private static String nonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
