package nl.reintegratie.protocol.signature;

import java.util.Base64;
import java.util.Objects;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;

/**
 * Signs HTTP messages with Ed25519 (RFC 9421 algorithm {@code ed25519}): the gateway's responses, and requests of
 * the reference client and the tests.
 */
public final class MessageSigner {

  private final Ed25519SigningKey key;

  public MessageSigner(Ed25519SigningKey key) {
    this.key = Objects.requireNonNull(key);
  }

  /** The header values to add to a signed message: {@code Signature-Input} and {@code Signature}. */
  public record SignatureHeaders(String signatureInput, String signature) {
  }

  /**
   * Signs {@code message} under {@code label} (an RFC 8941 key, e.g. {@code sig1}) with the components and
   * parameters of {@code params}. Every covered component must be present in {@code message}; the message should
   * already carry its Content-Digest when that is covered. Failure: {@link SignatureException} as for
   * {@link SignatureBase#build}; {@link IllegalArgumentException} for a label that is not an RFC 8941 key.
   */
  public SignatureHeaders sign(HttpMessage message, String label, SignatureParams params) {
    if (!StructuredFields.isKey(label)) {
      throw new IllegalArgumentException("label must be an RFC 8941 key");
    }
    byte[] signature = key.sign(SignatureBase.build(message, params));
    return new SignatureHeaders(label + "=" + params.serialize(),
        label + "=:" + Base64.getEncoder().encodeToString(signature) + ":");
  }

  /** {@code message} with the two headers of {@link #sign} added. */
  public HttpMessage signed(HttpMessage message, String label, SignatureParams params) {
    SignatureHeaders headers = sign(message, label, params);
    return message.withHeader("Signature-Input", headers.signatureInput())
        .withHeader("Signature", headers.signature());
  }
}
