package nl.reintegratie.gateway.audit;

import java.util.List;

/**
 * Proof that the leaf at {@code leafIndex} is in the tree of {@code treeSize} leaves whose root a checkpoint signs
 * (RFC 9162 section 2.1.3): the audit path, from the leaf's sibling upwards. A client checks their own entry with
 * it, without seeing any other entry: hash the entry ({@link LoggedEntry#leafHash()}), then {@link #verify}
 * against the signed root.
 */
public record InclusionProof(long leafIndex, long treeSize, List<TreeHash> path) {

  public InclusionProof {
    path = List.copyOf(path);
  }

  /**
   * The verification algorithm of RFC 9162 section 2.1.3.2. False (never an exception) for any proof that does not
   * lead from {@code leafHash} to {@code root}: another index or size, a changed, missing, extra or reordered hash.
   */
  public boolean verify(TreeHash leafHash, TreeHash root) {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      return false;
    }
    TreeHasher hasher = new TreeHasher();
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash.bytes();
    for (TreeHash p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = hasher.node(p.bytes(), r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = hasher.node(r, p.bytes());
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && root.matches(r);
  }
}
