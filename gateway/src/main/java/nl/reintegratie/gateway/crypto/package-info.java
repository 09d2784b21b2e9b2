/**
 * The {@code crypto} capability: envelope encryption of documents at rest, versioned key-encryption keys, and a
 * keyed hash for lookups. Depends on nothing else of the gateway (guarded by an ArchUnit test) and is the only
 * package allowed to use Bouncy Castle.
 *
 * <p><b>Key hierarchy.</b> Each document is sealed with its own {@link nl.reintegratie.gateway.crypto.DataKey}
 * (AES-256-GCM). The data key is stored next to the document only as a
 * {@link nl.reintegratie.gateway.crypto.WrappedKey}: sealed under a key-encryption key (KEK) of the
 * {@link nl.reintegratie.gateway.crypto.KeyRing}, which lives outside the database. A copy of the database alone
 * therefore reveals nothing, and rotating a KEK means re-wrapping 61-byte keys, not re-encrypting documents.
 *
 * <p><b>Formats</b>, byte by byte:
 * <ul>
 *   <li>Sealed message (document or wrapped key), v1:
 *       {@code 0x01 | nonce (12 bytes, random) | ciphertext (plaintext length) | GCM tag (16 bytes)}. Input shorter
 *       than 29 bytes or with another first byte is refused before any parsing.</li>
 *   <li>GCM's AAD, from an {@link nl.reintegratie.gateway.crypto.AssociatedData}:
 *       {@code usage (1 byte: 0x01 sealed data, 0x02 wrapped key) | for purpose and each field: uint32 big-endian
 *       UTF-8 length | UTF-8 bytes}. Not stored; the reader supplies it again.</li>
 *   <li>Lookup hash: base64url (no padding) of HMAC-SHA256(lookupKey, {@code 0x03 | uint32 length | domain |
 *       uint32 length | value}), 43 characters.</li>
 * </ul>
 *
 * <p><b>Failures.</b> Anything that does not open (wrong key, wrong AD, changed or missing bytes, unknown format)
 * is one opaque {@link nl.reintegratie.gateway.crypto.IntegrityException};
 * {@link nl.reintegratie.gateway.crypto.UnknownKeyVersionException} is its subtype for a retired KEK version.
 * A bad key ring file is a {@link nl.reintegratie.gateway.crypto.KeyRingException}. No message ever contains key
 * material, plaintext or AD.
 */
package nl.reintegratie.gateway.crypto;
