package nl.reintegratie.gateway.audit;

import java.util.List;

/**
 * The head document as stored: tree size, root hash and right-edge subtree hashes ({@link MerkleFrontier}), which
 * the next append builds on, and the signed checkpoint of that size. The three fields repeat what the checkpoint
 * says so that an append can compare-and-set on {@code size} and extend {@code frontier} without parsing; a
 * verifier checks they agree ({@link LogHead#validate}).
 */
public record StoredHead(long size, TreeHash root, List<TreeHash> frontier, String checkpointNote) {

  public StoredHead {
    frontier = List.copyOf(frontier);
  }
}
