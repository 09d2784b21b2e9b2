package nl.reintegratie.gateway.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which subtree hashes make up a proof, exactly as RFC 9162 defines the proofs, but as leaf ranges: the log then
 * looks up the few perfect subtrees those ranges consist of ({@link #subtreesOf}) and folds them
 * ({@link #hashes}). An inclusion proof in a tree of a million leaves needs about 20 ranges and a few more
 * subtrees; no proof ever reads the leaves in between.
 */
public final class ProofPaths {

  private ProofPaths() {
  }

  /**
   * The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 9162 section 2.1.3.1,
   * {@code PATH(m, D[n])}), from the leaf's sibling up to the root's other child.
   */
  public static List<TreeRange> inclusion(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
    }
    List<TreeRange> path = new ArrayList<>();
    inclusion(index, 0, size, path);
    return path;
  }

  // PATH(m, D[lo:hi]) with m relative to lo
  private static void inclusion(long m, long lo, long hi, List<TreeRange> path) {
    long n = hi - lo;
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      inclusion(m, lo, lo + k, path);
      path.add(new TreeRange(lo + k, hi));
    } else {
      inclusion(m - k, lo + k, hi, path);
      path.add(new TreeRange(lo, lo + k));
    }
  }

  /**
   * The consistency proof from the tree of {@code first} leaves to the tree of {@code second} (RFC 9162 section
   * 2.1.4.1, {@code PROOF(m, D[n])}); empty when {@code first} is 0 or equals {@code second}.
   */
  public static List<TreeRange> consistency(long first, long second) {
    if (first < 0 || second < first) {
      throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
    }
    List<TreeRange> path = new ArrayList<>();
    if (first > 0 && first < second) {
      subproof(first, 0, second, true, path);
    }
    return path;
  }

  // SUBPROOF(m, D[lo:hi], b) with m relative to lo
  private static void subproof(long m, long lo, long hi, boolean startsAtFirstTree, List<TreeRange> path) {
    long n = hi - lo;
    if (m == n) {
      if (!startsAtFirstTree) {
        path.add(new TreeRange(lo, hi));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, lo, lo + k, startsAtFirstTree, path);
      path.add(new TreeRange(lo + k, hi));
    } else {
      subproof(m - k, lo + k, hi, false, path);
      path.add(new TreeRange(lo, lo + k));
    }
  }

  /** The perfect subtrees whose hashes {@code ranges} need, each once. */
  public static Set<PerfectSubtree> subtreesOf(List<TreeRange> ranges) {
    Set<PerfectSubtree> subtrees = new LinkedHashSet<>();
    ranges.forEach(range -> subtrees.addAll(range.perfectParts()));
    return subtrees;
  }

  /**
   * The MTH of each range, from the hashes of its perfect subtrees. Failure: {@link IllegalArgumentException} when
   * {@code subtreeHashes} lacks one.
   */
  public static List<TreeHash> hashes(List<TreeRange> ranges, Function<PerfectSubtree, byte[]> subtreeHashes,
      TreeHasher hasher) {
    List<TreeHash> hashes = new ArrayList<>(ranges.size());
    for (TreeRange range : ranges) {
      List<byte[]> parts = new ArrayList<>();
      for (PerfectSubtree part : range.perfectParts()) {
        byte[] hash = subtreeHashes.apply(part);
        if (hash == null) {
          throw new IllegalArgumentException("no hash for subtree " + part);
        }
        parts.add(hash);
      }
      hashes.add(TreeHash.of(TreeRange.fold(parts, hasher)));
    }
    return hashes;
  }

  /** {@link #hashes} with the subtree hashes in a map. */
  public static List<TreeHash> hashes(List<TreeRange> ranges, Map<PerfectSubtree, byte[]> subtreeHashes,
      TreeHasher hasher) {
    return hashes(ranges, subtreeHashes::get, hasher);
  }

  /** The largest power of two strictly below {@code n}, for {@code n >= 2} (RFC 9162's {@code k}). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }
}
