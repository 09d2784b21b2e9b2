package nl.reintegratie.gateway.signature.http;

import java.util.Objects;

/**
 * Who called the provider API, as proven by the request's signature.
 *
 * @param organisationId  the organisation the signing key is registered to
 * @param keyId           the key that signed the request
 */
public record ProviderCaller(String organisationId, String keyId) {

  public ProviderCaller {
    Objects.requireNonNull(organisationId);
    Objects.requireNonNull(keyId);
  }
}
