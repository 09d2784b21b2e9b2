/**
 * HTTP Message Signatures (RFC 9421, algorithm {@code ed25519} only) and Content-Digest (RFC 9530), independent of
 * any HTTP library: messages are {@link nl.reintegratie.protocol.signature.HttpMessage} values. The gateway verifies
 * requests and signs responses with these classes; the provider reference client signs requests and verifies
 * responses with the same ones, so both sides build the signature base from one implementation.
 */
package nl.reintegratie.protocol.signature;
