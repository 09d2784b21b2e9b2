/**
 * The gateway's own key handling: versioned key-encryption keys (the {@link nl.reintegratie.gateway.crypto.KeyRing}
 * and its file), wrapped data keys, and the keyed hash for lookups. Depends on nothing else of the gateway (guarded
 * by an ArchUnit test) and, with the {@code protocol} module it builds on, is the only code that uses Bouncy Castle.
 *
 * <p><b>Key hierarchy.</b> Each document is sealed with its own {@link nl.reintegratie.protocol.crypto.DataKey}
 * (AES-256-GCM). The data key is stored next to the document only as a
 * {@link nl.reintegratie.gateway.crypto.WrappedKey}: sealed under a key-encryption key (KEK) of the
 * {@link nl.reintegratie.gateway.crypto.KeyRing}, which lives outside the database. A copy of the database alone
 * therefore reveals nothing, and rotating a KEK means re-wrapping 61-byte keys, not re-encrypting documents.
 *
 * <p>The primitives (AES-256-GCM data keys, associated data, Ed25519, sealing a release to a provider) live in
 * {@code nl.reintegratie.protocol.crypto}, in the {@code protocol} module, because the provider reference client
 * needs the same bytes. The lookup hash: base64url (no padding) of HMAC-SHA256(lookupKey, {@code 0x03 | uint32
 * length | domain | uint32 length | value}), 43 characters.
 *
 * <p><b>Failures.</b> A retired KEK version is an {@link nl.reintegratie.gateway.crypto.UnknownKeyVersionException}
 * (an {@link nl.reintegratie.protocol.crypto.IntegrityException}); a bad key ring file a
 * {@link nl.reintegratie.gateway.crypto.KeyRingException}. No message ever contains key material.
 */
package nl.reintegratie.gateway.crypto;
