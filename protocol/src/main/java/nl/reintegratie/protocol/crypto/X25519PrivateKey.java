package nl.reintegratie.protocol.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * A provider's X25519 private key (RFC 7748), the one that opens releases sealed to it by {@link ReleaseSealer}.
 * Loaded with {@link X25519Keys#privateKeyFromPem} or {@link X25519Keys#privateKeyFromPkcs8}.
 *
 * <p>The gateway itself only ever holds providers' public keys; this class exists so that a provider (and the
 * tests, with the dev keys) can open a release, and it keeps the same discipline as {@link DataKey}: no getter for
 * the private bytes, {@link #toString()} never shows them, {@link #close()} zeroes them (best effort, see
 * {@link SecretBytes}; Bouncy Castle's key parameter objects made per {@link ReleaseSealer#open} are copies that
 * only the garbage collector frees). Thread-safe; using a key after {@link #close()} throws
 * {@link IllegalStateException}.
 */
public final class X25519PrivateKey implements AutoCloseable {

  /** Length of an X25519 private or public key: 32 bytes. */
  static final int KEY_BYTES = X25519PrivateKeyParameters.KEY_SIZE;

  private final SecretBytes key;
  // Not secret; derived once because HPKE's Decap needs it for the KEM context (RFC 9180 section 4.1).
  private final byte[] publicKey;

  /** A key holding a copy of {@code raw} (32 bytes); the caller zeroes its array. */
  X25519PrivateKey(byte[] raw) {
    this.key = new SecretBytes(raw, KEY_BYTES);
    this.publicKey = new X25519PrivateKeyParameters(raw, 0).generatePublicKey().getEncoded();
  }

  /** The matching public key, raw (32 bytes, RFC 7748 u-coordinate); a copy. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Bouncy Castle's key pair for HPKE's {@code Decap}, with a fresh copy of the private bytes. */
  AsymmetricCipherKeyPair keyPair() {
    byte[] raw = key.copy();
    try {
      return new AsymmetricCipherKeyPair(new X25519PublicKeyParameters(publicKey, 0),
          new X25519PrivateKeyParameters(raw, 0));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** Whether {@link #close()} has zeroed this key. */
  public boolean isDestroyed() {
    return key.isDestroyed();
  }

  /** Zeroes the key bytes; afterwards {@link ReleaseSealer#open} with this key throws. Idempotent. */
  @Override
  public void close() {
    key.destroy();
  }

  @Override
  public String toString() {
    return isDestroyed() ? "X25519PrivateKey[destroyed]" : "X25519PrivateKey[***]";
  }
}
