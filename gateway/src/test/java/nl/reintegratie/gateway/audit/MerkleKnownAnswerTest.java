package nl.reintegratie.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference vectors every RFC 6962/9162 implementation is checked against: the eight leaves of the Certificate
 * Transparency test tree, the root of each size 0..8, and the inclusion and consistency proofs of
 * transparency-dev/merkle's {@code proof/verify_test.go} (from Google's CT code; identical in Chromium's
 * {@code ct_log_verifier_unittest.cc}). A log whose roots or proofs differ from these could not be checked by any
 * other implementation.
 */
class MerkleKnownAnswerTest {

  static final List<String> LEAF_DATA = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
      "606162636465666768696a6b6c6d6e6f");

  static final List<String> ROOTS = List.of(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  private static final ReferenceTree TREE = ReferenceTree.ofData(
      LEAF_DATA.stream().map(hex -> HexFormat.of().parseHex(hex)).toList());

  @Test
  void rootOfEverySize_isTheReferenceRoot() {
    TreeHasher hasher = new TreeHasher();
    MerkleFrontier frontier = MerkleFrontier.empty(hasher);
    assertThat(HexFormat.of().formatHex(frontier.root())).isEqualTo(ROOTS.get(0));
    for (int size = 1; size <= 8; size++) {
      frontier.append(hasher.leaf(HexFormat.of().parseHex(LEAF_DATA.get(size - 1))));
      assertThat(HexFormat.of().formatHex(frontier.root())).as("size %d", size).isEqualTo(ROOTS.get(size));
      assertThat(TREE.root(size).hex()).as("reference MTH, size %d", size).isEqualTo(ROOTS.get(size));
    }
  }

  @Test
  void aTreeOfThree_byHand() {
    TreeHasher hasher = new TreeHasher();
    byte[] l0 = hasher.leaf(new byte[0]);
    byte[] l1 = hasher.leaf(new byte[] {0x00});
    byte[] l2 = hasher.leaf(new byte[] {0x10});
    byte[] root = hasher.node(hasher.node(l0, l1), l2); // MTH splits 3 at 2: (l0 l1) l2

    assertThat(HexFormat.of().formatHex(root)).isEqualTo(ROOTS.get(3));
    assertThat(TREE.inclusion(2, 3).path()).containsExactly(TreeHash.of(hasher.node(l0, l1)));
    assertThat(TREE.inclusion(0, 3).path()).containsExactly(TreeHash.of(l1), TreeHash.of(l2));
    assertThat(TREE.consistency(2, 3).path()).containsExactly(TreeHash.of(l2));
    assertThat(TREE.consistency(1, 3).path()).containsExactly(TreeHash.of(l1), TreeHash.of(l2));
  }

  static Stream<Arguments> inclusionVectors() {
    return Stream.of(
        Arguments.of(0, 1, List.of()),
        Arguments.of(0, 8, List.of(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(5, 8, List.of(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(2, 3, List.of(
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
        Arguments.of(1, 5, List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
  }

  @ParameterizedTest(name = "leaf {0} in a tree of {1}")
  @MethodSource("inclusionVectors")
  void inclusionProof_isTheReferenceProof_andVerifies(int index, int size, List<String> expected) {
    InclusionProof proof = TREE.inclusion(index, size);

    assertThat(proof.path()).extracting(TreeHash::hex).containsExactlyElementsOf(expected);
    assertThat(proof.verify(TREE.leaf(index), TreeHash.fromHex(ROOTS.get(size)))).isTrue();
  }

  static Stream<Arguments> consistencyVectors() {
    return Stream.of(
        Arguments.of(1, 1, List.of()),
        Arguments.of(1, 8, List.of(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(6, 8, List.of(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(2, 5, List.of(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
        Arguments.of(6, 7, List.of(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
  }

  @ParameterizedTest(name = "from {0} to {1}")
  @MethodSource("consistencyVectors")
  void consistencyProof_isTheReferenceProof_andVerifies(int first, int second, List<String> expected) {
    ConsistencyProof proof = TREE.consistency(first, second);

    assertThat(proof.path()).extracting(TreeHash::hex).containsExactlyElementsOf(expected);
    assertThat(proof.verify(TreeHash.fromHex(ROOTS.get(first)), TreeHash.fromHex(ROOTS.get(second)))).isTrue();
  }

  @Test
  void edgeCasesOfConsistency_asTheReferenceVerifierDecides() {
    TreeHash empty = TreeHash.fromHex(ROOTS.get(0));
    TreeHash one = TreeHash.fromHex(ROOTS.get(1));
    TreeHash two = TreeHash.fromHex(ROOTS.get(2));

    assertThat(new ConsistencyProof(0, 0, List.of()).verify(empty, empty)).isTrue();
    assertThat(new ConsistencyProof(0, 1, List.of()).verify(empty, one)).as("empty is a prefix of all").isTrue();
    assertThat(new ConsistencyProof(1, 1, List.of()).verify(one, one)).isTrue();
    assertThat(new ConsistencyProof(1, 1, List.of()).verify(one, two)).as("same size, other root").isFalse();
    assertThat(new ConsistencyProof(1, 0, List.of()).verify(one, empty)).as("back in time").isFalse();
    assertThat(new ConsistencyProof(2, 1, List.of()).verify(two, one)).isFalse();
    assertThat(new ConsistencyProof(1, 2, List.of()).verify(one, two)).as("empty proof").isFalse();
    assertThat(new ConsistencyProof(0, 1, List.of(empty)).verify(empty, one)).as("non-empty proof from 0").isFalse();
    assertThat(new ConsistencyProof(1, 1, List.of(empty)).verify(one, one)).isFalse();
  }
}
