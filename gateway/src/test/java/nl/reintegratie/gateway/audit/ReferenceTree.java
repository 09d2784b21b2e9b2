package nl.reintegratie.gateway.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Merkle tree computed the slow, obvious way, straight from RFC 9162's recursive definitions, to hold the log's
 * incremental code against: MTH by recursion over the leaf list, and the stored subtree hashes that the log would
 * keep (collected from {@link MerkleFrontier#append}, as the log does).
 */
final class ReferenceTree {

  private final TreeHasher hasher = new TreeHasher();
  final List<byte[]> leaves = new ArrayList<>();
  final Map<PerfectSubtree, byte[]> stored = new HashMap<>();
  private final MerkleFrontier frontier = MerkleFrontier.empty(hasher);

  static ReferenceTree ofData(List<byte[]> data) {
    ReferenceTree tree = new ReferenceTree();
    TreeHasher hasher = new TreeHasher();
    data.forEach(d -> tree.add(hasher.leaf(d)));
    return tree;
  }

  static ReferenceTree ofSize(int size) {
    List<byte[]> data = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      data.add(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i * 7)});
    }
    return ofData(data);
  }

  void add(byte[] leafHash) {
    long index = leaves.size();
    leaves.add(leafHash);
    stored.put(new PerfectSubtree(0, index), leafHash);
    byte[][] completed = frontier.append(leafHash);
    for (int level = 1; level <= completed.length; level++) {
      stored.put(new PerfectSubtree(level, index + 1 - (1L << level)), completed[level - 1]);
    }
  }

  /** MTH(D[from:to]) by the recursive definition of RFC 9162 section 2.1.1. */
  byte[] mth(int from, int to) {
    int n = to - from;
    if (n == 0) {
      return hasher.emptyRoot();
    }
    if (n == 1) {
      return leaves.get(from);
    }
    int k = Integer.highestOneBit(n - 1);
    return hasher.node(mth(from, from + k), mth(from + k, to));
  }

  TreeHash root(int size) {
    return TreeHash.of(mth(0, size));
  }

  TreeHash leaf(int index) {
    return TreeHash.of(leaves.get(index));
  }

  InclusionProof inclusion(long index, long size) {
    return new InclusionProof(index, size, ProofPaths.hashes(ProofPaths.inclusion(index, size), stored, hasher));
  }

  ConsistencyProof consistency(long first, long second) {
    return new ConsistencyProof(first, second,
        ProofPaths.hashes(ProofPaths.consistency(first, second), stored, hasher));
  }

  /** RFC 9162's PATH(m, D[n]) straight from its recursion over MTH, without stored subtrees. */
  List<TreeHash> referencePath(int m, int from, int to) {
    int n = to - from;
    List<TreeHash> path = new ArrayList<>();
    if (n == 1) {
      return path;
    }
    int k = Integer.highestOneBit(n - 1);
    if (m < k) {
      path.addAll(referencePath(m, from, from + k));
      path.add(TreeHash.of(mth(from + k, to)));
    } else {
      path.addAll(referencePath(m - k, from + k, to));
      path.add(TreeHash.of(mth(from, from + k)));
    }
    return path;
  }

  /** RFC 9162's SUBPROOF(m, D[n], b) straight from its recursion. */
  List<TreeHash> referenceSubproof(int m, int from, int to, boolean b) {
    int n = to - from;
    List<TreeHash> proof = new ArrayList<>();
    if (m == n) {
      if (!b) {
        proof.add(TreeHash.of(mth(from, to)));
      }
      return proof;
    }
    int k = Integer.highestOneBit(n - 1);
    if (m <= k) {
      proof.addAll(referenceSubproof(m, from, from + k, b));
      proof.add(TreeHash.of(mth(from + k, to)));
    } else {
      proof.addAll(referenceSubproof(m - k, from + k, to, false));
      proof.add(TreeHash.of(mth(from, from + k)));
    }
    return proof;
  }
}
