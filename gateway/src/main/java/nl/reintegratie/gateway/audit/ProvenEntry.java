package nl.reintegratie.gateway.audit;

/** A logged entry with the proof that it is in the tree of a signed checkpoint. */
public record ProvenEntry(LoggedEntry entry, InclusionProof proof) {

  /** Whether the proof leads from this entry's leaf hash to {@code root}. */
  public boolean verify(TreeHash root) {
    return proof.leafIndex() == entry.index() && proof.verify(entry.leafHash(), root);
  }
}
