package nl.reintegratie.protocol.signature;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The covered components and the parameters of one signature: the value of one Signature-Input member, and the
 * value of its {@code @signature-params} line. Parameter order is kept, because the serialisation is signed.
 *
 * @param components  covered component identifiers in order, e.g. {@code @method}, {@code content-digest}
 * @param parameters  parameter name to value ({@link Long}, {@link String}, {@link Token}, {@code byte[]},
 *                    {@link Boolean}), in order
 */
public record SignatureParams(List<String> components, Map<String, Object> parameters) {

  public SignatureParams {
    components = List.copyOf(components);
    Map<String, Object> copy = new LinkedHashMap<>(parameters);
    copy.forEach((name, value) -> StructuredFields.serializeBareItem(value)); // rejects unsupported types early
    parameters = Collections.unmodifiableMap(copy);
  }

  /**
   * The usual parameters in the usual order: {@code created}, {@code keyid}, {@code nonce}, and {@code expires}
   * when not {@code null}.
   */
  public static SignatureParams of(List<String> components, Instant created, String keyId, String nonce,
      Instant expires) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("created", created.getEpochSecond());
    params.put("keyid", keyId);
    params.put("nonce", nonce);
    if (expires != null) {
      params.put("expires", expires.getEpochSecond());
    }
    return new SignatureParams(components, params);
  }

  /** The RFC 8941 serialisation: the member value in Signature-Input and the {@code @signature-params} value. */
  public String serialize() {
    return StructuredFields.serializeInnerList(components, parameters);
  }

  public Optional<Long> created() {
    return integer("created");
  }

  public Optional<Long> expires() {
    return integer("expires");
  }

  public Optional<String> keyId() {
    return string("keyid");
  }

  public Optional<String> nonce() {
    return string("nonce");
  }

  public Optional<String> alg() {
    return string("alg");
  }

  // A parameter present with the wrong type is malformed, not absent: "created" as a string must not be skipped.
  private Optional<Long> integer(String name) {
    Object value = parameters.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Long number) {
      return Optional.of(number);
    }
    throw new SignatureException(RejectionReason.MALFORMED);
  }

  private Optional<String> string(String name) {
    Object value = parameters.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String string) {
      return Optional.of(string);
    }
    throw new SignatureException(RejectionReason.MALFORMED);
  }
}
