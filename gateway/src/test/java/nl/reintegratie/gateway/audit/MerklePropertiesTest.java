package nl.reintegratie.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log's incremental tree and proofs against the recursive definitions, for every tree of 1 to 70 leaves (every
 * shape up to three levels above a power of two): each root, each leaf's inclusion in each size, each pair of sizes'
 * consistency, and that any change to a proof or its claims makes it fail. (A tree size one larger with the same
 * root is not among the changes: the proof then matches, as in every RFC 9162 verifier, which is why a size is
 * only ever taken together with its root from a signed checkpoint.)
 */
class MerklePropertiesTest {

  private static final int MAX = 70;
  private static final ReferenceTree TREE = ReferenceTree.ofSize(MAX);

  @Test
  void frontier_givesTheRecursiveRoot_andStoresEveryPerfectSubtree() {
    TreeHasher hasher = new TreeHasher();
    MerkleFrontier frontier = MerkleFrontier.empty(hasher);
    for (int size = 1; size <= MAX; size++) {
      frontier.append(TREE.leaves.get(size - 1));
      assertThat(TreeHash.of(frontier.root())).as("size %d", size).isEqualTo(TREE.root(size));
      // the frontier carried over a head document gives the same root
      MerkleFrontier restored = MerkleFrontier.of(size, frontier.hashes(), hasher);
      assertThat(restored.root()).isEqualTo(frontier.root());
    }
    for (int level = 0; (1 << level) <= MAX; level++) {
      for (int start = 0; start + (1 << level) <= MAX; start += 1 << level) {
        assertThat(TREE.stored.get(new PerfectSubtree(level, start)))
            .as("subtree of level %d at %d", level, start)
            .isEqualTo(TREE.mth(start, start + (1 << level)));
      }
    }
  }

  @Test
  void everyLeafOfEverySize_isIncluded_withExactlyRfcsPath() {
    for (int size = 1; size <= MAX; size++) {
      TreeHash root = TREE.root(size);
      for (int index = 0; index < size; index++) {
        InclusionProof proof = TREE.inclusion(index, size);
        assertThat(proof.path()).as("PATH(%d, D[%d])", index, size)
            .containsExactlyElementsOf(TREE.referencePath(index, 0, size));
        assertThat(proof.verify(TREE.leaf(index), root)).as("leaf %d of %d", index, size).isTrue();
      }
    }
  }

  @Test
  void everyPairOfSizes_isConsistent_withExactlyRfcsProof() {
    for (int second = 1; second <= MAX; second++) {
      for (int first = 0; first <= second; first++) {
        ConsistencyProof proof = TREE.consistency(first, second);
        if (first > 0 && first < second) {
          assertThat(proof.path()).as("PROOF(%d, D[%d])", first, second)
              .containsExactlyElementsOf(TREE.referenceSubproof(first, 0, second, true));
        }
        assertThat(proof.verify(TREE.root(first), TREE.root(second))).as("%d to %d", first, second).isTrue();
      }
    }
  }

  @Test
  void anyChangedInclusionProof_fails() {
    TreeHash other = TREE.leaf(MAX - 1);
    for (int size = 1; size <= 40; size++) {
      TreeHash root = TREE.root(size);
      for (int index = 0; index < size; index++) {
        InclusionProof proof = TREE.inclusion(index, size);
        TreeHash leaf = TREE.leaf(index);
        List<InclusionProof> wrong = new ArrayList<>();
        wrong.add(new InclusionProof(index + 1, size, proof.path()));
        wrong.add(new InclusionProof(index - 1, size, proof.path()));
        wrong.add(new InclusionProof(index ^ 2, size, proof.path()));
        wrong.add(new InclusionProof(index, size * 2, proof.path()));
        wrong.add(new InclusionProof(index, size / 2, proof.path()));
        wrong.add(new InclusionProof(index, size, append(proof.path(), root)));
        wrong.add(new InclusionProof(index, size, prepend(root, proof.path())));
        for (int i = 0; i < proof.path().size(); i++) {
          wrong.add(new InclusionProof(index, size, flipped(proof.path(), i)));
          wrong.add(new InclusionProof(index, size, without(proof.path(), i)));
        }
        for (InclusionProof bad : wrong) {
          assertThat(bad.verify(leaf, root)).as("%s for leaf %d of %d", bad, index, size).isFalse();
        }
        assertThat(proof.verify(other.equals(leaf) ? TREE.leaf(0) : other, root)).isFalse();
        assertThat(proof.verify(leaf, TREE.root(size == MAX ? 1 : size + 1))).isFalse();
      }
    }
  }

  @Test
  void anyChangedConsistencyProof_fails() {
    for (int second = 2; second <= 40; second++) {
      for (int first = 1; first < second; first++) {
        ConsistencyProof proof = TREE.consistency(first, second);
        TreeHash firstRoot = TREE.root(first);
        TreeHash secondRoot = TREE.root(second);
        List<ConsistencyProof> wrong = new ArrayList<>();
        wrong.add(new ConsistencyProof(first - 1, second, proof.path()));
        wrong.add(new ConsistencyProof(first + 1, second, proof.path()));
        wrong.add(new ConsistencyProof(first, second * 2, proof.path()));
        wrong.add(new ConsistencyProof(first, second, List.of()));
        wrong.add(new ConsistencyProof(first, second, append(proof.path(), secondRoot)));
        wrong.add(new ConsistencyProof(first, second, prepend(firstRoot, proof.path())));
        wrong.add(new ConsistencyProof(first, second, prepend(proof.path().get(0), proof.path())));
        for (int i = 0; i < proof.path().size(); i++) {
          wrong.add(new ConsistencyProof(first, second, flipped(proof.path(), i)));
          wrong.add(new ConsistencyProof(first, second, without(proof.path(), i)));
        }
        for (ConsistencyProof bad : wrong) {
          assertThat(bad.verify(firstRoot, secondRoot)).as("%s", bad).isFalse();
        }
        assertThat(proof.verify(secondRoot, firstRoot)).as("swapped roots").isFalse();
        assertThat(proof.verify(TREE.root(first == 1 ? 2 : first - 1), secondRoot)).as("wrong first root").isFalse();
        assertThat(proof.verify(firstRoot, TREE.root(second - 1))).as("wrong second root").isFalse();
      }
    }
  }

  private static List<TreeHash> flipped(List<TreeHash> path, int i) {
    List<TreeHash> copy = new ArrayList<>(path);
    byte[] bytes = copy.get(i).bytes();
    bytes[0] ^= 8;
    copy.set(i, TreeHash.of(bytes));
    return copy;
  }

  private static List<TreeHash> without(List<TreeHash> path, int i) {
    List<TreeHash> copy = new ArrayList<>(path);
    copy.remove(i);
    return copy;
  }

  private static List<TreeHash> append(List<TreeHash> path, TreeHash extra) {
    List<TreeHash> copy = new ArrayList<>(path);
    copy.add(extra);
    return copy;
  }

  private static List<TreeHash> prepend(TreeHash extra, List<TreeHash> path) {
    List<TreeHash> copy = new ArrayList<>();
    copy.add(extra);
    copy.addAll(path);
    return copy;
  }
}
