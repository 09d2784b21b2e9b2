/**
 * HTTP Message Signatures (RFC 9421, algorithm {@code ed25519} only) and Content-Digest (RFC 9530) for requests
 * from and responses to re-integration providers.
 *
 * <p>Independent of the HTTP server: messages are {@link nl.reintegratie.gateway.signature.HttpMessage} values,
 * keys come through the {@link nl.reintegratie.gateway.signature.KeyDirectory} port and replay protection through
 * the {@link nl.reintegratie.gateway.signature.NonceLedger} port. Ed25519 itself lives in
 * {@code nl.reintegratie.gateway.crypto}, the only package that touches Bouncy Castle.
 *
 * <p>The provider registry ({@link nl.reintegratie.gateway.signature.ProviderRegistry}: organisations, signing
 * keys, encryption keys) backs the key directory through the in-memory snapshot of
 * {@link nl.reintegratie.gateway.signature.ProviderDirectory}; its MongoDB adapters and the nonce ledger live in
 * {@code signature.mongo}, the Vert.x handlers in {@code signature.http}.
 */
package nl.reintegratie.gateway.signature;
