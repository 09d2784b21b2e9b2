package nl.reintegratie.gateway.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A data key wrapped by the {@link KeyRing}: what is stored next to a sealed document. Not secret (it is a
 * ciphertext), but {@link #toString()} still shows only its length.
 *
 * @param kekVersion the version of the key-encryption key that wrapped it; at least 1
 * @param wrapped    the wrapped key in sealed format v1 (61 bytes when made by {@link KeyRing#wrap}); copied on the
 *                   way in and on the way out
 */
public record WrappedKey(int kekVersion, byte[] wrapped) {

  public WrappedKey {
    if (kekVersion < 1) {
      throw new IllegalArgumentException("kekVersion must be at least 1, was " + kekVersion);
    }
    wrapped = Objects.requireNonNull(wrapped, "wrapped").clone();
  }

  /** A copy of the wrapped bytes. */
  @Override
  public byte[] wrapped() {
    return wrapped.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WrappedKey
        && ((WrappedKey) other).kekVersion == kekVersion
        && Arrays.equals(((WrappedKey) other).wrapped, wrapped);
  }

  @Override
  public int hashCode() {
    return 31 * kekVersion + Arrays.hashCode(wrapped);
  }

  @Override
  public String toString() {
    return "WrappedKey[kekVersion=" + kekVersion + ", " + wrapped.length + " bytes]";
  }
}
