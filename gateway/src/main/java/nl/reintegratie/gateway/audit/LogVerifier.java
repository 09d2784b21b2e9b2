package nl.reintegratie.gateway.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.audit.VerificationProblem.Kind;

/**
 * Verifies a stored log in one pass over its entries in {@code _id} order, in O(log n) memory for the tree (plus
 * the client lists, see {@link ClientLists}). Feed every stored entry to {@link #accept} in order, then call
 * {@link #finish}. For each entry it checks, in this order:
 * <ol>
 *   <li>its {@code _id} is the next index 0, 1, 2, ... (a deleted entry leaves a gap, an inserted one an id out of
 *       sequence),</li>
 *   <li>its fields are all there and it names itself as that index (a moved entry names its old one),</li>
 *   <li>its fields, canonically encoded, hash to its stored leaf hash (any changed field, or a changed hash),</li>
 *   <li>the subtree hashes stored with it are those its leaves give (the interior of the tree, which proofs are
 *       served from),</li>
 *   <li>its client's list holds it (what the client is shown is complete);</li>
 * </ol>
 * and whenever the count reaches the size of an archived checkpoint or of the head, that the root recomputed so
 * far is the checkpoint's root and that the checkpoint is validly signed by the gateway. The first problem ends the
 * run ({@code accept} returns false); its index is the first place where the stored log provably differs from what
 * the log wrote.
 *
 * <p>Entries after the head are checked the same way (and against archived checkpoints they reach), but no head
 * signs them yet; they are counted as uncovered. Not thread-safe: one run, fed from one thread at a time.
 */
public final class LogVerifier {

  private final TreeHasher hasher = new TreeHasher();
  private final EntryEncoding encoding = new EntryEncoding();
  private final MerkleFrontier frontier = MerkleFrontier.empty(hasher);
  private final Optional<StoredHead> head;
  private final long headSize;
  private final List<StoredCheckpoint> archived;
  private final ClientLists clientLists;
  private final CheckpointVerifier keys;
  private int nextArchived;
  private long next;
  private Checkpoint headCheckpoint;
  private VerificationProblem problem;

  /**
   * @param head     the head document, empty when there is none
   * @param archived the archived checkpoints, any order
   * @param lists    the client lists, read after the head (so they hold every entry the head covers)
   * @param keys     the log's origin and trusted keys
   */
  public LogVerifier(Optional<StoredHead> head, List<StoredCheckpoint> archived, ClientLists lists,
      CheckpointVerifier keys) {
    this.head = head;
    this.headSize = head.map(StoredHead::size).orElse(0L);
    this.archived = new ArrayList<>(archived);
    this.archived.sort(Comparator.comparingLong(StoredCheckpoint::size));
    this.clientLists = lists;
    this.keys = keys;
    checkCheckpointsAt(0);
  }

  /** Checks the next stored entry. Returns false once a problem was found: stop feeding then. */
  public boolean accept(StoredEntry stored) {
    if (problem != null) {
      return false;
    }
    if (head.isEmpty()) {
      return fail(Kind.HEAD_MISSING, 0, "entries are stored but there is no head");
    }
    if (stored.unexpectedId() != null) {
      return fail(Kind.ENTRY_UNEXPECTED, next, "a document with _id " + stored.unexpectedId()
          + " is stored where entry " + next + " belongs");
    }
    if (stored.position() < next) {
      return fail(Kind.ENTRY_UNEXPECTED, next, "a second document at position " + stored.position());
    }
    if (stored.position() > next) {
      // before the head's size a gap is a deleted entry; after it, nothing is missing: the document is extra
      return next < headSize
          ? fail(Kind.ENTRY_MISSING, next, "entry " + next + " is missing; the next stored is " + stored.position())
          : fail(Kind.ENTRY_UNEXPECTED, next, "a document with _id " + stored.position()
              + " is stored beyond the last entry " + (next - 1));
    }
    if (stored.malformed() != null) {
      return fail(Kind.ENTRY_MALFORMED, next, stored.malformed());
    }
    EntryFields fields = stored.fields();
    if (fields.index() != next) {
      return fail(Kind.ENTRY_OUT_OF_PLACE, next, "position " + next + " holds the entry of index " + fields.index());
    }
    byte[] leaf = encoding.leafHash(fields, hasher);
    if (!MessageDigest.isEqual(leaf, stored.leafHash())) {
      return fail(Kind.ENTRY_CHANGED, next, "the entry's fields do not hash to its stored leaf hash");
    }
    byte[][] completed = frontier.append(leaf);
    if (!sameNodes(completed, stored.nodes())) {
      return fail(Kind.NODE_CHANGED, next, "the subtree hashes stored with this entry are not those of its leaves");
    }
    if (next < headSize && !clientLists.lists(fields.clientId(), next)) {
      return fail(Kind.CLIENT_LIST_INCOMPLETE, next, "the entry is not in its client's list");
    }
    next++;
    return checkCheckpointsAt(next);
  }

  /** Whether a problem was found: no later check can change the result then. */
  public boolean problemFound() {
    return problem != null;
  }

  /** How many entries were accepted: the index the next one must have. */
  public long entriesSeen() {
    return next;
  }

  /**
   * Reports stored documents that the ordered pass could not meet: an {@code _id} that is no leaf index, or far
   * beyond the last entry. {@code index} is where they would sort among the entries; {@code what} names them by
   * {@code _id} or number, never by content.
   */
  public void unexpectedDocument(long index, String what) {
    fail(Kind.ENTRY_UNEXPECTED, index, "documents outside the sequence: " + what);
  }

  /** The result, once every stored entry was fed (or {@link #accept} returned false). */
  public VerificationResult finish() {
    if (problem == null && next < headSize) {
      fail(Kind.ENTRY_MISSING, next, "the head covers " + headSize + " entries but the log ends at " + next);
    }
    if (problem == null && nextArchived < archived.size()) {
      StoredCheckpoint beyond = archived.get(nextArchived);
      fail(Kind.CHECKPOINT_BEYOND_LOG, beyond.size(), "a checkpoint of size " + beyond.size()
          + " is archived but the log ends at " + next);
    }
    return new VerificationResult(problem == null ? headSize : Math.min(next, headSize),
        Optional.ofNullable(headCheckpoint), Math.max(0, next - headSize), Optional.ofNullable(problem));
  }

  private boolean checkCheckpointsAt(long size) {
    while (problem == null && nextArchived < archived.size() && archived.get(nextArchived).size() <= size) {
      StoredCheckpoint stored = archived.get(nextArchived++);
      if (stored.size() < size || stored.size() <= 0) {
        return fail(Kind.CHECKPOINT_INVALID, stored.size(), "a checkpoint is archived under size " + stored.size());
      }
      checkCheckpoint(stored.size(), stored.note(), "archived checkpoint");
    }
    if (problem == null && head.isPresent() && size == headSize) {
      checkHead(head.get());
    }
    return problem == null;
  }

  private void checkHead(StoredHead stored) {
    SignedCheckpoint checkpoint = checkCheckpoint(headSize, stored.checkpointNote(), "head");
    if (checkpoint != null) {
      String disagreement = new LogHead(checkpoint, stored.frontier()).disagreementWith(stored);
      if (disagreement != null) {
        fail(Kind.HEAD_INVALID, headSize, disagreement);
      } else {
        headCheckpoint = checkpoint.checkpoint();
      }
    }
  }

  /** Checks a checkpoint at the current position; returns it when it holds, else records the problem. */
  private SignedCheckpoint checkCheckpoint(long size, String note, String what) {
    SignedCheckpoint checkpoint;
    try {
      checkpoint = SignedCheckpoint.parse(note);
    } catch (IllegalArgumentException | NullPointerException e) {
      fail(Kind.CHECKPOINT_INVALID, size, "the " + what + " is unreadable");
      return null;
    }
    if (checkpoint.size() != size || !checkpoint.checkpoint().origin().equals(keys.origin())) {
      fail(Kind.CHECKPOINT_INVALID, size, "the " + what + " of size " + size + " is for another size or log");
      return null;
    }
    if (!checkpoint.root().matches(frontier.root())) {
      fail(Kind.ROOT_MISMATCH, size, "the root of the first " + size + " entries is not the one the " + what
          + " signs");
      return null;
    }
    if (!keys.verify(checkpoint)) {
      fail(Kind.SIGNATURE_INVALID, size, "the " + what + "'s signature does not verify under the gateway's key");
      return null;
    }
    return checkpoint;
  }

  private static boolean sameNodes(byte[][] computed, List<byte[]> stored) {
    if (computed.length != stored.size()) {
      return false;
    }
    for (int i = 0; i < computed.length; i++) {
      if (!MessageDigest.isEqual(computed[i], stored.get(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean fail(Kind kind, long index, String detail) {
    if (problem == null) {
      problem = new VerificationProblem(kind, index, detail);
    }
    return false;
  }
}
