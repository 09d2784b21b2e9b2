/**
 * The provider reference client: the provider API of the re-integration gateway as a provider's system calls it.
 * Start at {@link nl.reintegratie.client.ProviderClient}; {@link nl.reintegratie.client.RequestSigner} and
 * {@link nl.reintegratie.client.ResponseVerifier} are the two halves of the protocol for whoever brings their own
 * HTTP client. Signature bases, digests and the release envelope come from the {@code protocol} module, the very
 * code the gateway runs, so the two sides cannot drift apart; this package adds only what is the provider's side.
 */
package nl.reintegratie.client;
