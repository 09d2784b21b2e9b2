package nl.reintegratie.protocol.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * Seals a dossier release so that only the next provider can read it: public-key encryption to the provider's
 * X25519 key, bound to the release's associated data.
 *
 * <p><b>Scheme.</b> A fresh 32-byte content key is sealed with HPKE (RFC 9180) in base mode with the suite
 * DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM (ids 0x0020, 0x0001, 0x0002), single-shot; the body is
 * sealed under that content key with AES-256-GCM in the package's sealed format v1 ({@link DataKey}), on the JDK's
 * provider. Sealing the whole body with Bouncy Castle's HPKE would be standard too, but its AES-GCM is pure Java,
 * about 40 times slower than the JDK's intrinsics ({@link AesGcm}); on a 100 KB body this split seals about 5 times
 * and opens about 8 times faster, the X25519 operations being what is left ({@code bench/release-sealing.sh}).
 * Both layers use the same AEAD algorithm, so a provider needs any RFC 9180 library plus AES-GCM, nothing of ours.
 *
 * <p><b>Envelope v1</b>, byte by byte ({@link #OVERHEAD} = 116 bytes plus the body):
 * <pre>
 *   offset   0   1 byte   format version, 0x01
 *   offset   1   2 bytes  KEM id  0x0020  DHKEM(X25519, HKDF-SHA256)
 *   offset   3   2 bytes  KDF id  0x0001  HKDF-SHA256
 *   offset   5   2 bytes  AEAD id 0x0002  AES-256-GCM
 *   offset   7  32 bytes  enc: HPKE encapsulated key (the ephemeral X25519 public key)
 *   offset  39  48 bytes  HPKE ciphertext of the 32-byte content key (32 + 16-byte tag), sequence number 0
 *   offset  87  29+n     the body in sealed format v1 under the content key:
 *                         0x01 | nonce (12) | ciphertext (n = body length) | GCM tag (16)
 * </pre>
 * HPKE {@code info} = the {@link AssociatedData} in {@link Canonical} encoding with usage byte 0x04; HPKE
 * {@code aad} = the 7 header bytes (offsets 0 to 6), so version and suite are authenticated as well as checked.
 * The body's GCM AAD = the same associated data with usage byte 0x05. A wrong release id, organisation or purpose
 * therefore fails already at the content key, and the body could not be moved under another release's AD either.
 *
 * <p><b>Thread safety.</b> The methods are static and thread-safe. Bouncy Castle's {@link HPKE} object is not (its
 * DHKEM keeps a key-pair generator and agreement object between calls), so each call makes its own: that costs a
 * few object allocations, nothing next to the two X25519 scalar multiplications of a seal.
 */
public final class ReleaseSealer {

  static final byte FORMAT_V1 = 0x01;
  static final short KEM_ID = HPKE.kem_X25519_SHA256;
  static final short KDF_ID = HPKE.kdf_HKDF_SHA256;
  static final short AEAD_ID = HPKE.aead_AES_GCM256;
  static final int HEADER_BYTES = 7;
  static final int ENC_BYTES = 32;
  static final int SEALED_KEY_BYTES = AesGcm.KEY_BYTES + AesGcm.TAG_BYTES;
  static final int BODY_OFFSET = HEADER_BYTES + ENC_BYTES + SEALED_KEY_BYTES;
  /** Bytes an envelope adds to the body: 116. */
  public static final int OVERHEAD = BODY_OFFSET + AesGcm.OVERHEAD;

  // shared by all threads: handed to Bouncy Castle only as a copy, so no library code can change it
  private static final byte[] HEADER = ByteBuffer.allocate(HEADER_BYTES)
      .put(FORMAT_V1).putShort(KEM_ID).putShort(KDF_ID).putShort(AEAD_ID).array();

  /** The purpose string of a dossier release's associated data (see {@link #releaseData}). */
  public static final String RELEASE_PURPOSE = "dossier-release";

  private ReleaseSealer() {
  }

  /**
   * The associated data of the release {@code releaseId} sealed to {@code organisationId}: what the gateway seals
   * with and the receiving provider opens with. Both values are on the provider's side already (the release id from
   * its URL, the organisation id its own), so nothing of it travels next to the envelope; a body served under
   * another release id or to another organisation does not open.
   */
  public static AssociatedData releaseData(String releaseId, String organisationId) {
    return AssociatedData.of(RELEASE_PURPOSE, releaseId, organisationId);
  }

  /**
   * Seals {@code body} so that only the holder of the private key for {@code recipientPublicKey} can open it, and
   * only with an equal {@code ad}. Two seals of the same input differ (fresh ephemeral key, content key, nonce).
   *
   * @param recipientPublicKey the provider's X25519 public key: raw 32 bytes or {@code SubjectPublicKeyInfo} DER
   *                           (see {@link X25519Keys#rawPublicKey}); {@link X25519Keys#publicKeyFromPem} reads a
   *                           {@code .pub} file
   * @throws IllegalArgumentException if the key is not an X25519 public key, or is one of the low-order points
   *                                  whose shared secret is all zeros (RFC 9180 section 7.1.4)
   */
  public static SealedRelease seal(byte[] recipientPublicKey, byte[] body, AssociatedData ad) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(ad, "associated data is required");
    X25519PublicKeyParameters recipient =
        new X25519PublicKeyParameters(X25519Keys.rawPublicKey(recipientPublicKey), 0);
    byte[] contentKey = AesGcm.randomBytes(AesGcm.KEY_BYTES);
    try (DataKey bodyKey = DataKey.fromBytes(contentKey)) {
      byte[][] ctAndEnc = sealContentKey(recipient, contentKey, ad.encoded(Canonical.RELEASE_KEY));
      byte[] sealedKey = ctAndEnc[0];
      byte[] enc = ctAndEnc[1];
      if (enc.length != ENC_BYTES || sealedKey.length != SEALED_KEY_BYTES) {
        throw new IllegalStateException("unexpected HPKE output length");
      }
      // the body is sealed straight into its place in the envelope: no second copy of a large body
      byte[] envelope = bodyKey.sealRaw(body, ad.encoded(Canonical.RELEASE_BODY),
          AesGcm.randomBytes(AesGcm.NONCE_BYTES), BODY_OFFSET);
      System.arraycopy(HEADER, 0, envelope, 0, HEADER_BYTES);
      System.arraycopy(enc, 0, envelope, HEADER_BYTES, ENC_BYTES);
      System.arraycopy(sealedKey, 0, envelope, HEADER_BYTES + ENC_BYTES, SEALED_KEY_BYTES);
      return new SealedRelease(envelope);
    } finally {
      Arrays.fill(contentKey, (byte) 0);
    }
  }

  /**
   * The body of {@code envelope}, which must come from {@link #seal} to {@code privateKey}'s public key with an
   * equal {@code ad}.
   *
   * <p>Failure: {@link IntegrityException} on any problem with {@code envelope} or {@code ad}: another provider's
   * key, other AD, any changed bit, truncated or extended input, an unknown version or suite. Lengths, version and
   * suite are checked before anything is parsed. {@link IllegalStateException} if {@code privateKey} is closed.
   */
  public static byte[] open(X25519PrivateKey privateKey, byte[] envelope, AssociatedData ad) {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(ad, "associated data is required");
    if (envelope.length < OVERHEAD || !Arrays.equals(envelope, 0, HEADER_BYTES, HEADER, 0, HEADER_BYTES)) {
      throw new IntegrityException();
    }
    byte[] enc = Arrays.copyOfRange(envelope, HEADER_BYTES, HEADER_BYTES + ENC_BYTES);
    byte[] sealedKey = Arrays.copyOfRange(envelope, HEADER_BYTES + ENC_BYTES, BODY_OFFSET);
    byte[] contentKey = openContentKey(privateKey, enc, sealedKey, ad.encoded(Canonical.RELEASE_KEY));
    try (DataKey bodyKey = DataKey.fromBytes(contentKey)) {
      return bodyKey.openRaw(envelope, BODY_OFFSET, ad.encoded(Canonical.RELEASE_BODY));
    } finally {
      Arrays.fill(contentKey, (byte) 0);
    }
  }

  /** The suite's HPKE context, base mode. A new one per call: {@link HPKE} objects are not thread-safe. */
  static HPKE hpke() {
    return new HPKE(HPKE.mode_base, KEM_ID, KDF_ID, AEAD_ID);
  }

  private static byte[][] sealContentKey(AsymmetricKeyParameter recipient, byte[] contentKey, byte[] info) {
    try {
      return hpke().seal(recipient, info, HEADER.clone(), contentKey, null, null, null);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("HPKE sealing failed", e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Bouncy Castle refuses a low-order recipient key (all-zero shared secret) with an IllegalStateException
      throw new IllegalArgumentException("recipient key is not a usable X25519 public key");
    }
  }

  private static byte[] openContentKey(X25519PrivateKey privateKey, byte[] enc, byte[] sealedKey, byte[] info) {
    var keyPair = privateKey.keyPair(); // IllegalStateException when closed: a caller's bug, not bad input
    byte[] contentKey;
    try {
      contentKey = hpke().open(enc, keyPair, info, HEADER.clone(), sealedKey, null, null, null);
    } catch (InvalidCipherTextException | RuntimeException e) {
      // enc is attacker-controlled: a low-order point makes Bouncy Castle throw IllegalStateException instead of
      // InvalidCipherTextException. All of it is "does not open".
      throw new IntegrityException();
    }
    if (contentKey.length != AesGcm.KEY_BYTES) {
      Arrays.fill(contentKey, (byte) 0);
      throw new IntegrityException();
    }
    return contentKey;
  }
}
