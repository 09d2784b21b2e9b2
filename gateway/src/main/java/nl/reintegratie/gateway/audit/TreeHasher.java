package nl.reintegratie.gateway.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashing of RFC 9162 section 2.1.1 with SHA-256: a leaf is {@code SHA-256(0x00 || data)}, an interior node
 * {@code SHA-256(0x01 || left || right)}, the empty tree {@code SHA-256("")}. The two prefixes keep a leaf from ever
 * being taken for a node (a second-preimage attack on the tree).
 *
 * <p>Not thread-safe: one instance owns one {@link MessageDigest}, so the verifier's hot loop allocates nothing but
 * the results. Create one per thread or per task; creating one is cheap.
 */
public final class TreeHasher {

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private final MessageDigest sha256;

  public TreeHasher() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** {@code SHA-256(0x00 || data)}. */
  public byte[] leaf(byte[] data) {
    return leaf(data, 0, data.length);
  }

  /** {@code SHA-256(0x00 || data[offset, offset + length))}. */
  public byte[] leaf(byte[] data, int offset, int length) {
    sha256.update(LEAF_PREFIX);
    sha256.update(data, offset, length);
    return sha256.digest();
  }

  /** {@code SHA-256(0x01 || left || right)}. */
  public byte[] node(byte[] left, byte[] right) {
    sha256.update(NODE_PREFIX);
    sha256.update(left);
    sha256.update(right);
    return sha256.digest();
  }

  /** The root of the empty tree, {@code SHA-256("")}. */
  public byte[] emptyRoot() {
    return sha256.digest();
  }
}
