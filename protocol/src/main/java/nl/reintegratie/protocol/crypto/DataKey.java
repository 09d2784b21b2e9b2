package nl.reintegratie.protocol.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * An AES-256 key that seals and opens with AES-256-GCM, like Tink's {@code Aead}: associated data is always
 * required, and opening fails with one opaque {@link IntegrityException} whatever is wrong.
 *
 * <p>Envelope encryption: every document gets its own data key ({@link #generate()}); the document is sealed with
 * it, and the data key itself is stored only wrapped under a key-encryption key from the {@link KeyRing}. A data
 * key seals a handful of messages at most, which is what makes random nonces safe (see {@link AesGcm}).
 *
 * <p>Sealed format v1, byte by byte: {@code 0x01 | nonce (12) | ciphertext (= plaintext length) | tag (16)}.
 * A wrapped key is the same format around the 32 raw key bytes (61 bytes in all). The associated data is encoded by
 * {@link Canonical} with a usage byte that differs between {@link #seal} and {@link #wrap}, so a sealed document
 * can never be unwrapped as a key or the other way round, whatever AD a caller picks.
 *
 * <p>There is no getter for the key bytes, {@link #toString()} never shows them, and {@link #close()} zeroes them
 * (best effort, see {@link SecretBytes}). Thread-safe; using a key after {@link #close()} throws
 * {@link IllegalStateException}. {@code null} arguments throw {@link NullPointerException}.
 */
public final class DataKey implements AutoCloseable {

  private static final String ALGORITHM = "AES";

  private final SecretBytes key;

  private DataKey(byte[] raw) {
    this.key = new SecretBytes(raw, AesGcm.KEY_BYTES);
  }

  /** A new random AES-256 key from a {@link java.security.SecureRandom}. */
  public static DataKey generate() {
    byte[] raw = AesGcm.randomBytes(AesGcm.KEY_BYTES);
    try {
      return new DataKey(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** A key holding a copy of {@code raw} (32 bytes); the caller zeroes its array. For the key ring and tests. */
  public static DataKey fromBytes(byte[] raw) {
    return new DataKey(raw);
  }

  /**
   * Encrypts and authenticates {@code plaintext}, bound to {@code ad}, under a fresh random nonce.
   *
   * <p>Success: format v1, {@link AesGcm#OVERHEAD 29} bytes longer than {@code plaintext}; two seals of the same
   * input differ. Only {@link #open} with this key and an equal {@code ad} gives the plaintext back.
   */
  public byte[] seal(byte[] plaintext, AssociatedData ad) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(ad, "associated data is required");
    return sealRaw(plaintext, ad.encoded(Canonical.SEALED_DATA), AesGcm.randomBytes(AesGcm.NONCE_BYTES));
  }

  /** {@link #seal(byte[], AssociatedData)} with raw AAD and a given nonce: the same code path, for known answers. */
  byte[] sealRaw(byte[] plaintext, byte[] aad, byte[] nonce) {
    return AesGcm.seal(key.keySpec(ALGORITHM), nonce, plaintext, aad);
  }

  /**
   * The plaintext of {@code sealed}, which must come from {@link #seal} with this key and an equal {@code ad}.
   *
   * <p>Failure: {@link IntegrityException} on any problem with {@code sealed} or {@code ad}: another key, other AD,
   * any changed bit, truncated or extended input, an unknown format version. Nothing else is revealed.
   */
  public byte[] open(byte[] sealed, AssociatedData ad) {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(ad, "associated data is required");
    return openRaw(sealed, ad.encoded(Canonical.SEALED_DATA));
  }

  /**
   * {@link #sealRaw} into a new array with {@code prefix} free bytes in front, for an envelope around the sealed
   * message ({@link ReleaseSealer}) that should not copy a large body once more.
   */
  byte[] sealRaw(byte[] plaintext, byte[] aad, byte[] nonce, int prefix) {
    return AesGcm.seal(key.keySpec(ALGORITHM), nonce, plaintext, aad, prefix);
  }

  /** {@link #openRaw} of the sealed message that fills {@code sealed} from {@code offset} on. */
  byte[] openRaw(byte[] sealed, int offset, byte[] aad) {
    return AesGcm.open(key.keySpec(ALGORITHM), sealed, offset, aad);
  }

  /** {@link #open(byte[], AssociatedData)} with raw AAD, for known-answer tests. */
  byte[] openRaw(byte[] sealed, byte[] aad) {
    return AesGcm.open(key.keySpec(ALGORITHM), sealed, aad);
  }

  /**
   * Wraps {@code other} under this key: its 32 raw bytes sealed in format v1 (61 bytes), bound to {@code ad}.
   * Only {@link #unwrap} with this key and an equal {@code ad} gives the key back.
   */
  public byte[] wrap(DataKey other, AssociatedData ad) {
    Objects.requireNonNull(other, "other");
    Objects.requireNonNull(ad, "associated data is required");
    byte[] raw = other.key.copy();
    try {
      return sealRaw(raw, ad.encoded(Canonical.WRAPPED_KEY), AesGcm.randomBytes(AesGcm.NONCE_BYTES));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * The data key inside {@code wrapped}, which must come from {@link #wrap} with this key and an equal {@code ad}.
   * The caller closes the returned key.
   *
   * <p>Failure: {@link IntegrityException} on any problem, as for {@link #open}; also when the wrapped bytes are
   * not a 32-byte key.
   */
  public DataKey unwrap(byte[] wrapped, AssociatedData ad) {
    Objects.requireNonNull(wrapped, "wrapped");
    Objects.requireNonNull(ad, "associated data is required");
    byte[] raw = openRaw(wrapped, ad.encoded(Canonical.WRAPPED_KEY));
    try {
      if (raw.length != AesGcm.KEY_BYTES) {
        throw new IntegrityException();
      }
      return new DataKey(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** Whether {@link #close()} has zeroed this key. */
  public boolean isDestroyed() {
    return key.isDestroyed();
  }

  /** Zeroes the key bytes; afterwards every operation throws {@link IllegalStateException}. Idempotent. */
  @Override
  public void close() {
    key.destroy();
  }

  @Override
  public String toString() {
    return isDestroyed() ? "DataKey[AES-256-GCM, destroyed]" : "DataKey[AES-256-GCM]";
  }
}
