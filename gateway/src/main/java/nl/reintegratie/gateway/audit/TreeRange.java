package nl.reintegratie.gateway.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The leaves {@code [from, to)} of the tree, whose MTH (RFC 9162 section 2.1.1) a proof contains. In the ranges
 * proofs are made of, {@code from} is a multiple of a power of two at least as large as the range, so the range
 * splits into perfect subtrees from the left, each as large as what remains allows.
 */
public record TreeRange(long from, long to) {

  public TreeRange {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("empty or negative range [" + from + ", " + to + ")");
    }
  }

  /**
   * The perfect subtrees that make up this range, left to right, decreasing in size. Failure:
   * {@link IllegalStateException} for a range that no proof contains (one that is not aligned that way).
   */
  public List<PerfectSubtree> perfectParts() {
    List<PerfectSubtree> parts = new ArrayList<>();
    long start = from;
    while (start < to) {
      long leaves = Long.highestOneBit(to - start);
      if (start % leaves != 0) {
        throw new IllegalStateException("range [" + from + ", " + to + ") is not aligned to its subtrees");
      }
      parts.add(new PerfectSubtree(Long.numberOfTrailingZeros(leaves), start));
      start += leaves;
    }
    return parts;
  }

  /**
   * MTH of this range from its parts' hashes (in {@link #perfectParts()} order): MTH splits a range at the largest
   * power of two below its size, which is the first part, so the parts fold together from the right.
   */
  public static byte[] fold(List<byte[]> partHashes, TreeHasher hasher) {
    byte[] hash = partHashes.get(partHashes.size() - 1);
    for (int i = partHashes.size() - 2; i >= 0; i--) {
      hash = hasher.node(partHashes.get(i), hash);
    }
    return hash;
  }
}
