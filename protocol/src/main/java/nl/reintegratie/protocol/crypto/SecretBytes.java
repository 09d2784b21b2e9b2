package nl.reintegratie.protocol.crypto;

import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * Raw key bytes that can be zeroed. The bytes never leave this class except as a fresh copy, and every read and
 * the zeroing are synchronised: without that, an operation racing {@link #destroy()} could read a half-zeroed key
 * and encrypt under it.
 *
 * <p>Zeroing is best effort, as it is in any JVM code: the JCE copies the key into each {@link SecretKeySpec} and
 * cipher object (Java 17's {@code SecretKeySpec} cannot be destroyed), and those copies are freed by the garbage
 * collector, not wiped. What this does guarantee is that a destroyed key can no longer be used and that the
 * long-lived copy is gone.
 */
public final class SecretBytes {

  private final byte[] bytes;
  private boolean destroyed;

  /** Copies {@code source}; the caller zeroes its own array. */
  public SecretBytes(byte[] source, int expectedLength) {
    if (source.length != expectedLength) {
      throw new IllegalArgumentException("key must be " + expectedLength + " bytes, was " + source.length);
    }
    this.bytes = source.clone();
  }

  /** A key spec for {@code algorithm} with a copy of the bytes; {@link IllegalStateException} once destroyed. */
  public synchronized SecretKeySpec keySpec(String algorithm) {
    requireAlive();
    return new SecretKeySpec(bytes, algorithm);
  }

  /** A copy of the bytes, which the caller must zero. Fails with {@link IllegalStateException} once destroyed. */
  public synchronized byte[] copy() {
    requireAlive();
    return bytes.clone();
  }

  public synchronized void destroy() {
    Arrays.fill(bytes, (byte) 0);
    destroyed = true;
  }

  public synchronized boolean isDestroyed() {
    return destroyed;
  }

  private void requireAlive() {
    if (destroyed) {
      throw new IllegalStateException("key has been destroyed");
    }
  }

  @Override
  public String toString() {
    return "SecretBytes[***]";
  }
}
