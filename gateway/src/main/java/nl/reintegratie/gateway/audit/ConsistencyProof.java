package nl.reintegratie.gateway.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Proof that the tree of {@code secondSize} leaves extends the tree of {@code firstSize} leaves without changing any
 * of them (RFC 9162 section 2.1.4): whoever kept an earlier checkpoint checks with it that the log only grew since.
 */
public record ConsistencyProof(long firstSize, long secondSize, List<TreeHash> path) {

  public ConsistencyProof {
    path = List.copyOf(path);
  }

  /**
   * The verification algorithm of RFC 9162 section 2.1.4.2, plus the cases it leaves out: equal sizes need an empty
   * proof and equal roots, and the empty tree is a prefix of every tree (also with an empty proof only). False
   * (never an exception) for anything else that does not hold.
   */
  public boolean verify(TreeHash firstRoot, TreeHash secondRoot) {
    if (firstSize < 0 || secondSize < firstSize) {
      return false;
    }
    if (firstSize == secondSize) {
      return path.isEmpty() && firstRoot.equals(secondRoot);
    }
    if (firstSize == 0) {
      return path.isEmpty();
    }
    if (path.isEmpty()) {
      return false;
    }
    List<TreeHash> proof = new ArrayList<>(path.size() + 1);
    if (Long.bitCount(firstSize) == 1) {
      proof.add(firstRoot); // the first tree is a perfect subtree of the second: its root is the first node
    }
    proof.addAll(path);
    TreeHasher hasher = new TreeHasher();
    long fn = firstSize - 1;
    long sn = secondSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = proof.get(0).bytes();
    byte[] sr = fr;
    for (TreeHash c : proof.subList(1, proof.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = hasher.node(c.bytes(), fr);
        sr = hasher.node(c.bytes(), sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = hasher.node(sr, c.bytes());
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && firstRoot.matches(fr) && secondRoot.matches(sr);
  }
}
