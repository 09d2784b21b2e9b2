package nl.reintegratie.gateway.signature.http;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who called the provider API, as proven by the request's signature.
 *
 * @param organisationId  the organisation the signing key is registered to
 * @param keyId           the key that signed the request
 * @param label           the label of the verified signature in Signature-Input / Signature (evidence)
 * @param created         the verified signature's {@code created} (evidence)
 * @param components      the components the verified signature covers, in signed order (evidence)
 * @param targetUri       the {@code @target-uri} the signature was verified against (evidence)
 */
public record ProviderCaller(String organisationId, String keyId, String label, Instant created,
    List<String> components, URI targetUri) {

  public ProviderCaller {
    Objects.requireNonNull(organisationId);
    Objects.requireNonNull(keyId);
    Objects.requireNonNull(label);
    Objects.requireNonNull(created);
    components = List.copyOf(components);
    Objects.requireNonNull(targetUri);
  }
}
