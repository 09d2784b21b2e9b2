package nl.reintegratie.gateway.signature;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a successful verification: who signed, with which key, and what the signature covers.
 *
 * @param organisationId  the organisation the key is registered to
 * @param keyId           the key that made the signature
 * @param label           the signature's label in Signature-Input / Signature
 * @param components      the covered components, in signed order
 * @param created         the signature's creation time
 */
public record VerifiedSignature(String organisationId, String keyId, String label, List<String> components,
    Instant created) {

  public VerifiedSignature {
    components = List.copyOf(components);
  }
}
