package nl.reintegratie.gateway.audit;

import java.util.List;

/**
 * Everything the log holds about one client, as the client may check it: the latest signed checkpoint and every
 * entry about them that it covers, oldest first, each with its inclusion proof against that checkpoint. No other
 * client's entry is needed to check these proofs, and none is shown.
 */
public record ClientDisclosures(SignedCheckpoint checkpoint, List<ProvenEntry> entries) {

  public ClientDisclosures {
    entries = List.copyOf(entries);
  }
}
