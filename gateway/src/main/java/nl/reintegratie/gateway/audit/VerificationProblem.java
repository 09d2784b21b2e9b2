package nl.reintegratie.gateway.audit;

/**
 * The first thing found wrong with the stored log: its kind and the leaf index (or tree size) where it shows.
 * {@code detail} names indexes, sizes and field roles, never entry contents.
 */
public record VerificationProblem(Kind kind, long index, String detail) {

  public enum Kind {
    /** No entry at this index, while a later one or the head says there should be (deleted). */
    ENTRY_MISSING("entry-missing"),
    /** A document whose {@code _id} is no leaf index where this index belongs (inserted). */
    ENTRY_UNEXPECTED("entry-unexpected"),
    /** A document at this index lacks fields or has mistyped ones. */
    ENTRY_MALFORMED("entry-malformed"),
    /** The entry at this index says it is another index (reordered, or renumbered around a deletion/insertion). */
    ENTRY_OUT_OF_PLACE("entry-out-of-place"),
    /** The entry's fields do not hash to its stored leaf hash (a field or the stored hash was changed). */
    ENTRY_CHANGED("entry-changed"),
    /** A subtree hash stored with this entry is not the one its leaves give (the tree around it was changed). */
    NODE_CHANGED("node-changed"),
    /** The entry is missing from its client's list, so the client would not see it. */
    CLIENT_LIST_INCOMPLETE("client-list-incomplete"),
    /** There are entries but no head document. */
    HEAD_MISSING("head-missing"),
    /** The head's size, root or right edge disagree with its own checkpoint. */
    HEAD_INVALID("head-invalid"),
    /** A checkpoint (head or archived) does not parse, or is stored under another size or origin. */
    CHECKPOINT_INVALID("checkpoint-invalid"),
    /** The root recomputed from the entries is not the root a checkpoint of this size signs. */
    ROOT_MISMATCH("root-mismatch"),
    /** A checkpoint's signature does not verify under the gateway's key. */
    SIGNATURE_INVALID("signature-invalid"),
    /** An archived checkpoint is larger than the log (entries cut off, or the head rolled back). */
    CHECKPOINT_BEYOND_LOG("checkpoint-beyond-log");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
