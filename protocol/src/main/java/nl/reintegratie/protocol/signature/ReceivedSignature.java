package nl.reintegratie.protocol.signature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One signature a message carries: its label, its parameters from Signature-Input and its bytes from Signature.
 *
 * <p>{@link #toString()} leaves out the signature bytes (not secret, but noise in logs).
 */
public record ReceivedSignature(String label, SignatureParams params, byte[] signature) {

  /**
   * Every signature of {@code message}, by label, in Signature-Input order. Success: each Signature-Input member is
   * an inner list of plain strings (components without parameters) and has a Signature member that is one byte
   * sequence, and vice versa. Failure: {@link RejectionReason#MALFORMED} for anything else, including a message
   * without the two fields.
   */
  public static Map<String, ReceivedSignature> allOf(HttpMessage message) {
    String inputField = message.field("signature-input").orElseThrow(ReceivedSignature::malformed);
    String signatureField = message.field("signature").orElseThrow(ReceivedSignature::malformed);
    Map<String, StructuredFields.Member> inputs = StructuredFields.parseDictionary(inputField);
    Map<String, StructuredFields.Member> signatures = StructuredFields.parseDictionary(signatureField);
    if (inputs.isEmpty() || !inputs.keySet().equals(signatures.keySet())) {
      throw malformed();
    }
    Map<String, ReceivedSignature> result = new LinkedHashMap<>();
    inputs.forEach((label, member) -> {
      if (!(member instanceof StructuredFields.InnerList list)) {
        throw malformed();
      }
      List<String> components = new ArrayList<>();
      for (StructuredFields.Item item : list.items()) {
        // component parameters (;sf, ;key, ;req, ...) are not supported: refusing beats signing something else
        if (!(item.value() instanceof String name) || !item.params().isEmpty()) {
          throw malformed();
        }
        components.add(name);
      }
      if (!(signatures.get(label) instanceof StructuredFields.Item item)
          || !(item.value() instanceof byte[] bytes) || !item.params().isEmpty()) {
        throw malformed();
      }
      result.put(label, new ReceivedSignature(label, new SignatureParams(components, list.params()), bytes));
    });
    return result;
  }

  private static SignatureException malformed() {
    return new SignatureException(RejectionReason.MALFORMED);
  }

  @Override
  public String toString() {
    return "ReceivedSignature[label=" + label + ", params=" + params.serialize() + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReceivedSignature that && label.equals(that.label) && params.equals(that.params)
        && java.util.Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return label.hashCode();
  }
}
