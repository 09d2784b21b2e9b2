package nl.reintegratie.gateway.audit;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A 32-byte SHA-256 value of the Merkle tree: a leaf hash, an interior node, a root. An immutable value (the bytes
 * are copied in and out) that compares by content, unlike a {@code byte[]} in a record.
 */
public final class TreeHash {

  public static final int BYTES = 32;

  private final byte[] bytes;

  private TreeHash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The hash with these 32 bytes. Failure: {@link IllegalArgumentException} for any other length. */
  public static TreeHash of(byte[] bytes) {
    if (bytes == null || bytes.length != BYTES) {
      throw new IllegalArgumentException("a tree hash has 32 bytes");
    }
    return new TreeHash(bytes.clone());
  }

  /** The hash from its standard base64 form (as in a checkpoint). */
  public static TreeHash fromBase64(String base64) {
    try {
      return of(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a base64 tree hash");
    }
  }

  public static TreeHash fromHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** Compares in constant time with raw bytes, without copying. */
  public boolean matches(byte[] other) {
    return other != null && MessageDigest.isEqual(bytes, other);
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TreeHash hash && MessageDigest.isEqual(bytes, hash.bytes);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return base64();
  }
}
