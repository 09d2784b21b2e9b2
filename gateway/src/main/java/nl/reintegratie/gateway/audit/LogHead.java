package nl.reintegratie.gateway.audit;

import java.util.List;

/**
 * The current tree head, checked: its checkpoint is the log's, validly signed, and the stored size, root and
 * right edge agree with it. Appends build on nothing else; a head that fails these checks stops every append
 * (fail closed) rather than letting the gateway sign on top of a forged tree.
 */
public record LogHead(SignedCheckpoint checkpoint, List<TreeHash> frontier) {

  public LogHead {
    frontier = List.copyOf(frontier);
  }

  public long size() {
    return checkpoint.size();
  }

  public TreeHash root() {
    return checkpoint.root();
  }

  /** A fresh, mutable frontier of this head's tree. */
  public MerkleFrontier frontier(TreeHasher hasher) {
    return MerkleFrontier.of(size(), frontier.stream().map(TreeHash::bytes).toList(), hasher);
  }

  /**
   * {@code stored} as a checked head. Failure: {@link LogIntegrityException} when its checkpoint does not parse or
   * verify, or size, root or right edge disagree with it.
   */
  public static LogHead validate(StoredHead stored, CheckpointVerifier verifier) {
    SignedCheckpoint checkpoint;
    try {
      checkpoint = SignedCheckpoint.parse(stored.checkpointNote());
    } catch (IllegalArgumentException e) {
      throw new LogIntegrityException("the head's checkpoint is unreadable: " + e.getMessage());
    }
    if (!verifier.verify(checkpoint)) {
      throw new LogIntegrityException("the head's checkpoint signature does not verify");
    }
    LogHead head = new LogHead(checkpoint, stored.frontier());
    String disagreement = head.disagreementWith(stored);
    if (disagreement != null) {
      throw new LogIntegrityException(disagreement);
    }
    return head;
  }

  /** Why the stored fields disagree with this head's checkpoint, or null when they agree. */
  String disagreementWith(StoredHead stored) {
    if (stored.size() != size()) {
      return "the head's size is not its checkpoint's";
    }
    if (!stored.root().equals(root())) {
      return "the head's root is not its checkpoint's";
    }
    byte[] folded;
    try {
      folded = frontier(new TreeHasher()).root();
    } catch (IllegalArgumentException e) {
      return "the head's right edge does not fit its size";
    }
    return root().matches(folded) ? null : "the head's right edge does not hash to its root";
  }
}
