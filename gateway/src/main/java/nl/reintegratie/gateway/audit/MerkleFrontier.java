package nl.reintegratie.gateway.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree of {@code size} leaves: the hashes of the perfect subtrees that the binary
 * decomposition of {@code size} splits {@code [0, size)} into, largest (leftmost) first; for 13 = 8 + 4 + 1 the
 * subtrees {@code [0,8) [8,12) [12,13)}. That is all it takes to append a leaf and to compute the root, in
 * O(log n) memory: the log keeps it in its head document, the verifier in a variable.
 *
 * <p>Appending a leaf merges it with the smallest subtrees as long as they have its size (the binary carry), and
 * each merge completes one perfect subtree. {@link #append} returns those: the log stores them with the entry, so
 * any perfect subtree's hash (all that proofs are made of) is one lookup away, and the verifier recomputes and
 * compares them.
 *
 * <p>Mutable and not thread-safe: it belongs to one append or one verification run. The hashes handed in and out
 * are 32-byte arrays that nobody changes afterwards.
 */
public final class MerkleFrontier {

  private final TreeHasher hasher;
  private final byte[][] stack = new byte[64][];
  private int depth;
  private long size;

  private MerkleFrontier(TreeHasher hasher) {
    this.hasher = hasher;
  }

  /** The frontier of the empty tree. */
  public static MerkleFrontier empty(TreeHasher hasher) {
    return new MerkleFrontier(hasher);
  }

  /**
   * The frontier of a tree of {@code size} leaves with these subtree hashes, largest first. Failure:
   * {@link IllegalArgumentException} when their number is not the number of one bits of {@code size}.
   */
  public static MerkleFrontier of(long size, List<byte[]> hashes, TreeHasher hasher) {
    if (size < 0 || Long.bitCount(size) != hashes.size()) {
      throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(Math.max(0, size))
          + " frontier hashes, not " + hashes.size());
    }
    MerkleFrontier frontier = new MerkleFrontier(hasher);
    for (byte[] hash : hashes) {
      if (hash == null || hash.length != TreeHash.BYTES) {
        throw new IllegalArgumentException("a frontier hash has 32 bytes");
      }
      frontier.stack[frontier.depth++] = hash;
    }
    frontier.size = size;
    return frontier;
  }

  /** An independent copy, for computing a tentative append without changing this one. */
  public MerkleFrontier copy() {
    MerkleFrontier copy = new MerkleFrontier(hasher);
    System.arraycopy(stack, 0, copy.stack, 0, depth);
    copy.depth = depth;
    copy.size = size;
    return copy;
  }

  /**
   * Appends the leaf with {@code leafHash} as leaf number {@link #size()}.
   *
   * @return the hashes of the perfect subtrees this leaf completes, level 1 (two leaves) first: element
   *     {@code h - 1} covers the {@code 2^h} leaves ending with this one. Empty for an even leaf index.
   */
  public byte[][] append(byte[] leafHash) {
    int merges = Long.numberOfTrailingZeros(~size); // trailing one bits: subtrees the same size as the carry
    byte[][] completed = new byte[merges][];
    byte[] node = leafHash;
    for (int level = 0; level < merges; level++) {
      node = hasher.node(stack[--depth], node);
      completed[level] = node;
    }
    stack[depth++] = node;
    size++;
    return completed;
  }

  /** The root hash of the tree: RFC 9162's MTH over all leaves so far, {@code SHA-256("")} when empty. */
  public byte[] root() {
    if (depth == 0) {
      return hasher.emptyRoot();
    }
    // MTH splits at the largest power of two below the size: that is exactly the largest subtree, so the
    // subtrees fold together from the right
    byte[] root = stack[depth - 1];
    for (int i = depth - 2; i >= 0; i--) {
      root = hasher.node(stack[i], root);
    }
    return root;
  }

  public long size() {
    return size;
  }

  /** The subtree hashes, largest first (what the head document stores). */
  public List<byte[]> hashes() {
    List<byte[]> hashes = new ArrayList<>(depth);
    for (int i = 0; i < depth; i++) {
      hashes.add(stack[i]);
    }
    return hashes;
  }
}
