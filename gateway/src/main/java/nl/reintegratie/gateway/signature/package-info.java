/**
 * HTTP Message Signatures (RFC 9421, algorithm {@code ed25519} only) and Content-Digest (RFC 9530) for requests
 * from and responses to re-integration providers.
 *
 * <p>Independent of the HTTP server: messages are {@link nl.reintegratie.gateway.signature.HttpMessage} values,
 * keys come through the {@link nl.reintegratie.gateway.signature.KeyDirectory} port and replay protection through
 * the {@link nl.reintegratie.gateway.signature.NonceLedger} port. Ed25519 itself lives in
 * {@code nl.reintegratie.gateway.crypto}, the only package that touches Bouncy Castle.
 */
package nl.reintegratie.gateway.signature;
