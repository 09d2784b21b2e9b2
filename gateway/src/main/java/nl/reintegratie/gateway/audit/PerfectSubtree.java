package nl.reintegratie.gateway.audit;

/**
 * A complete subtree of {@code 2^level} leaves starting at leaf {@code start}, a multiple of its size. Every hash a
 * proof needs is one of these or folds together from a few of them ({@link TreeRange#perfectParts()}). The log
 * stores a subtree's hash with the entry of its last leaf ({@link #lastLeaf()}): level 0 is that entry's leaf hash,
 * level {@code h > 0} the {@code h}-th hash that {@link MerkleFrontier#append} returned for it.
 */
public record PerfectSubtree(int level, long start) {

  public PerfectSubtree {
    if (level < 0 || level > 62 || start < 0 || start % (1L << level) != 0) {
      throw new IllegalArgumentException("not a perfect subtree: level " + level + " at " + start);
    }
  }

  public long leaves() {
    return 1L << level;
  }

  /** The index of its last leaf, whose entry holds its hash. */
  public long lastLeaf() {
    return start + leaves() - 1;
  }
}
