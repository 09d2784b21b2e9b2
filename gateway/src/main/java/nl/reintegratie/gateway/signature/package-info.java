/**
 * Verifying providers' RFC 9421 request signatures and knowing who they are: the provider registry (organisations,
 * signing keys, encryption keys, health data attestations), the key directory snapshot, replay protection, and the verification policy.
 *
 * <p>The message-level parts (signature base, structured fields, Content-Digest, signing) are in
 * {@code nl.reintegratie.protocol.signature}, shared with the provider reference client. Keys come through the
 * {@link nl.reintegratie.gateway.signature.KeyDirectory} port and replay protection through the
 * {@link nl.reintegratie.gateway.signature.NonceLedger} port; the registry backs the directory through the
 * in-memory snapshot of {@link nl.reintegratie.gateway.signature.ProviderDirectory}. Its MongoDB adapters and the
 * nonce ledger live in {@code signature.mongo}, the Vert.x handlers in {@code signature.http}.
 */
package nl.reintegratie.gateway.signature;
