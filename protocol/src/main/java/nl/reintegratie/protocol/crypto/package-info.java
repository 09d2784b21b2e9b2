/**
 * The cryptography a provider's system shares with the gateway: AES-256-GCM data keys bound to associated data,
 * Ed25519 signing and verification (Bouncy Castle: about ten times the JDK's speed), X25519 keys, and sealing a
 * dossier release to one provider.
 *
 * <p><b>Releases.</b> A dossier released to a next provider must be readable by that provider alone:
 * {@link nl.reintegratie.protocol.crypto.ReleaseSealer} seals it to the provider's X25519 public key (loaded with
 * {@link nl.reintegratie.protocol.crypto.X25519Keys}). The scheme is standard HPKE (RFC 9180), base mode, suite
 * DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM, used for a fresh 32-byte content key; the body is sealed
 * under that content key with the same AEAD algorithm, AES-256-GCM, in sealed format v1 on the JDK's provider.
 * Why not HPKE over the whole body: Bouncy Castle's HPKE encrypts with its own pure-Java AES-GCM; sealing a
 * 100 KB release this way was about 5 times faster, opening about 8 times ({@code bench/release-sealing.sh}). Both
 * halves are standard, so a provider opens a release with any RFC 9180 library plus AES-GCM.
 *
 * <p><b>Formats</b>, byte by byte:
 * <ul>
 *   <li>Sealed message (document or wrapped key), v1:
 *       {@code 0x01 | nonce (12 bytes, random) | ciphertext (plaintext length) | GCM tag (16 bytes)}. Input shorter
 *       than 29 bytes or with another first byte is refused before any parsing.</li>
 *   <li>GCM's AAD, from an {@link nl.reintegratie.protocol.crypto.AssociatedData}:
 *       {@code usage (1 byte: 0x01 sealed data, 0x02 wrapped key) | for purpose and each field: uint32 big-endian
 *       UTF-8 length | UTF-8 bytes}; usage 0x04 and 0x05 for a release's HPKE info and body. Not stored; the reader
 *       supplies it again.</li>
 *   <li>Release envelope, v1 ({@link nl.reintegratie.protocol.crypto.ReleaseSealer}, 116 bytes plus the body):
 *       {@code 0x01 | KEM id 0x0020 (2 bytes) | KDF id 0x0001 (2) | AEAD id 0x0002 (2) | enc (32, HPKE
 *       encapsulated key) | HPKE ciphertext of the content key (48 = 32 + 16-byte tag, sequence number 0) | body
 *       in sealed format v1 under the content key (29 + body length)}. HPKE {@code info} = the AD encoding with
 *       usage 0x04; HPKE {@code aad} = the first 7 bytes; the body's GCM AAD = the AD encoding with usage 0x05.
 *       Input shorter than 116 bytes or with another version or suite is refused before any parsing.</li>
 * </ul>
 *
 * <p><b>Failures.</b> Anything that does not open (wrong key, wrong AD, changed or missing bytes, unknown format)
 * is one opaque {@link nl.reintegratie.protocol.crypto.IntegrityException}; an unreadable X25519 key is an
 * {@link IllegalArgumentException}. No message ever contains key material, plaintext or AD.
 */
package nl.reintegratie.protocol.crypto;
