package nl.reintegratie.gateway.audit.mongo;

import static nl.reintegratie.gateway.audit.mongo.AuditCollections.CHECKPOINTS;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.CLIENT_ENTRIES;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.ENTRIES;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.HEAD;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.HEAD_ID;
import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import nl.reintegratie.gateway.audit.AuditFixtures;
import nl.reintegratie.gateway.audit.EntryEncoding;
import nl.reintegratie.gateway.audit.EntryFields;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.MerkleFrontier;
import nl.reintegratie.gateway.audit.NoteSignature;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.TreeHash;
import nl.reintegratie.gateway.audit.TreeHasher;
import nl.reintegratie.gateway.audit.VerificationProblem.Kind;
import nl.reintegratie.gateway.audit.VerificationResult;
import nl.reintegratie.gateway.store.BsonJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone with write access to the database changes the stored log behind the gateway's back; the verifier finds
 * each kind of change and names the first index where the stored log provably differs from what the log wrote.
 * The log: 40 entries of 4 clients, a checkpoint archived every 8 entries, the head at 40. Run for each way of
 * reading the log ({@link PagedTamperDetectionTest}, {@link CursorTamperDetectionTest}): both find the same.
 */
abstract class TamperDetection extends AuditStoreTestBase {

  private MongoDisclosureLog log;
  private JsonObject headAt32;

  /** How the verifier reads the log. */
  abstract ScanMode scanMode();

  @BeforeEach
  void fortyEntries() {
    log = openLog(8, scanMode());
    appendAll(log, 0, 32, 4);
    headAt32 = document(HEAD, HEAD_ID);
    appendAll(log, 32, 8, 4);
    assertThat(verify().ok()).isTrue();
  }

  @Test
  void untouched_verifies() {
    VerificationResult result = verify();

    assertThat(result.ok()).isTrue();
    assertThat(result.treeSize()).isEqualTo(40);
    assertThat(result.uncoveredEntries()).isZero();
    assertThat(result.summary()).startsWith("OK 40 entries, root ");
  }

  @Test
  void aChangedField_isAChangedEntry() {
    replace(ENTRIES, document(ENTRIES, 13L).put("org", "kansrijk"));

    assertProblem(Kind.ENTRY_CHANGED, 13);
  }

  @Test
  void aChangedTime_isAChangedEntry() {
    replace(ENTRIES, document(ENTRIES, 5L).put("at", BsonJson.date(AuditFixtures.T0.minusSeconds(3600))));

    assertProblem(Kind.ENTRY_CHANGED, 5);
  }

  @Test
  void aChangedStoredLeafHash_isAChangedEntry() {
    replace(ENTRIES, document(ENTRIES, 17L).put("leaf", BsonJson.binary(new byte[32])));

    assertProblem(Kind.ENTRY_CHANGED, 17);
  }

  @Test
  void aChangedSubtreeHash_isAChangedNode() {
    JsonObject entry15 = document(ENTRIES, 15L); // completes the subtrees of 2, 4, 8 and 16 leaves ending at 15
    entry15.getJsonArray("nodes").set(2, BsonJson.binary(new byte[32]));
    replace(ENTRIES, entry15);

    assertProblem(Kind.NODE_CHANGED, 15);
  }

  @Test
  void aDeletedEntry_isMissing() {
    delete(ENTRIES, 21L);

    assertProblem(Kind.ENTRY_MISSING, 21);
  }

  @Test
  void aDeletedLastEntry_isMissing() {
    delete(ENTRIES, 39L);

    assertProblem(Kind.ENTRY_MISSING, 39);
  }

  @Test
  void aDeletionWithTheRestRenumbered_isAnEntryOutOfPlace() {
    List<JsonObject> after = new java.util.ArrayList<>();
    for (long id = 22; id < 40; id++) {
      after.add(document(ENTRIES, id));
    }
    for (long id = 21; id < 40; id++) {
      delete(ENTRIES, id);
    }
    after.forEach(moved -> insert(ENTRIES, moved.put("_id", moved.getLong("_id") - 1)));

    assertProblem(Kind.ENTRY_OUT_OF_PLACE, 21);
  }

  @Test
  void anInsertedDocumentBetweenTwoEntries_isUnexpected() {
    insert(ENTRIES, document(ENTRIES, 7L).put("_id", 7.5).put("event", "forged-1"));

    assertProblem(Kind.ENTRY_UNEXPECTED, 8);
  }

  @Test
  void anInsertedDocumentFarBeyondTheEnd_isUnexpected() {
    insert(ENTRIES, document(ENTRIES, 7L).put("_id", 1_000_000L).put("event", "forged-2"));

    assertProblem(Kind.ENTRY_UNEXPECTED, 40);
  }

  @Test
  void anInsertedDocumentWithATextId_isUnexpected() {
    insert(ENTRIES, document(ENTRIES, 7L).put("_id", "7a").put("event", "forged-3"));

    assertProblem(Kind.ENTRY_UNEXPECTED, 40);
  }

  @Test
  void anInsertedEntryWithTheRestRenumbered_showsWhereTheFirstMovedEntryLands() {
    for (long id = 39; id >= 10; id--) {
      JsonObject moved = document(ENTRIES, id).put("_id", id + 1);
      delete(ENTRIES, id);
      insert(ENTRIES, moved);
    }
    // a well-formed entry at 10: its own index, a correct leaf hash, listed under its client
    LoggedEntry forged = new LoggedEntry(10, AuditFixtures.entry(1000, "c-2"));
    byte[] leaf = forged.leafHash().bytes();
    insert(ENTRIES, EntryCodec.toDocument(forged, leaf, new byte[0][]));

    assertProblem(Kind.ENTRY_OUT_OF_PLACE, 11);
  }

  @Test
  void twoSwappedEntriesOfDifferentClients_renumberedAndRehashed_areMissingFromTheirClientsLists() {
    swapRehashed(4, 9);

    assertProblem(Kind.CLIENT_LIST_INCOMPLETE, 4);
  }

  @Test
  void twoSwappedEntries_areOutOfPlace() {
    JsonObject fourth = document(ENTRIES, 4L);
    JsonObject ninth = document(ENTRIES, 9L);
    delete(ENTRIES, 4L);
    delete(ENTRIES, 9L);
    insert(ENTRIES, ninth.copy().put("_id", 4L).put("event", "swap-tmp"));
    insert(ENTRIES, fourth.copy().put("_id", 9L));
    replace(ENTRIES, document(ENTRIES, 4L).put("event", ninth.getString("event")));

    assertProblem(Kind.ENTRY_OUT_OF_PLACE, 4);
  }

  @Test
  void twoSwappedEntriesOfOneClient_renumberedAndRehashed_breakTheTreeAboveThem() {
    swapRehashed(4, 8); // both of client c-0, so its list still holds both indexes

    assertProblem(Kind.NODE_CHANGED, 5); // entry 5 completes [4, 6), which now holds another leaf
  }

  @Test
  void aChangeWithTheWholeTreeRecomputed_butNoKey_failsAtTheFirstArchivedCheckpoint() {
    replace(ENTRIES, document(ENTRIES, 3L).put("org", "kansrijk"));
    rehashFrom(0);

    assertProblem(Kind.ROOT_MISMATCH, 8);
  }

  @Test
  void aChangeWithTheWholeTreeRecomputed_theArchiveRemoved_andTheHeadSignedWithAnotherKey_isAForgedSignature() {
    replace(ENTRIES, document(ENTRIES, 3L).put("org", "kansrijk"));
    TreeHash root = rehashFrom(0);
    await(store.mongo().removeDocuments(CHECKPOINTS, new JsonObject()));
    JsonObject head = document(HEAD, HEAD_ID);
    SignedCheckpoint forged = AuditFixtures.newSigner().sign(40, root, AuditFixtures.T0);
    replace(HEAD, head.put("root", BsonJson.binary(root.bytes())).put("checkpoint", forged.note()));

    assertProblem(Kind.SIGNATURE_INVALID, 40);
  }

  @Test
  void aChangedHeadRoot_doesNotMatchTheEntries() {
    JsonObject head = document(HEAD, HEAD_ID);
    SignedCheckpoint genuine = SignedCheckpoint.parse(head.getString("checkpoint"));
    TreeHash other = TreeHash.of(new byte[32]);
    replace(HEAD, head
        .put("root", BsonJson.binary(other.bytes()))
        .put("frontier", new JsonArray().add(BsonJson.binary(other.bytes())).add(BsonJson.binary(other.bytes())))
        .put("checkpoint", genuine.note().replace(genuine.root().base64(), other.base64())));

    assertProblem(Kind.ROOT_MISMATCH, 40);
  }

  @Test
  void aHeadRootThatDisagreesWithItsOwnCheckpoint_isAnInvalidHead() {
    replace(HEAD, document(HEAD, HEAD_ID).put("root", BsonJson.binary(new byte[32])));

    assertProblem(Kind.HEAD_INVALID, 40);
  }

  @Test
  void aForgedSignatureOnAnArchivedCheckpoint_isFound() {
    JsonObject archived = document(CHECKPOINTS, 16L);
    SignedCheckpoint genuine = SignedCheckpoint.parse(archived.getString("checkpoint"));
    NoteSignature real = genuine.signatures().get(0);
    byte[] forgedBytes = real.signature();
    forgedBytes[0] ^= 1;
    SignedCheckpoint forged = new SignedCheckpoint(genuine.checkpoint(),
        List.of(new NoteSignature(real.keyName(), real.keyId(), forgedBytes)));
    replace(CHECKPOINTS, archived.put("checkpoint", forged.note()));

    assertProblem(Kind.SIGNATURE_INVALID, 16);
  }

  @Test
  void theHeadResignedByAnotherKey_isAForgedSignature() {
    JsonObject head = document(HEAD, HEAD_ID);
    SignedCheckpoint genuine = SignedCheckpoint.parse(head.getString("checkpoint"));
    SignedCheckpoint forged = AuditFixtures.newSigner().sign(40, genuine.root(), genuine.checkpoint().time());
    replace(HEAD, head.put("checkpoint", forged.note()));

    assertProblem(Kind.SIGNATURE_INVALID, 40);
  }

  @Test
  void cutOffEntriesWithAnOlderGenuineHeadRestored_areFoundByTheArchivedCheckpoint() {
    for (long id = 32; id < 40; id++) {
      delete(ENTRIES, id);
    }
    replace(HEAD, headAt32);

    assertProblem(Kind.CHECKPOINT_BEYOND_LOG, 40);
  }

  @Test
  void anEntryRemovedFromItsClientsList_isHiddenFromTheClient() {
    JsonObject list = document(CLIENT_ENTRIES, "c-2");
    JsonArray entries = list.getJsonArray("entries");
    entries.remove(Long.valueOf(22));
    replace(CLIENT_ENTRIES, list.put("entries", entries));

    assertProblem(Kind.CLIENT_LIST_INCOMPLETE, 22);
  }

  @Test
  void anEntryWithoutItsKind_isMalformed() {
    JsonObject entry = document(ENTRIES, 30L);
    entry.remove("kind");
    replace(ENTRIES, entry);

    assertProblem(Kind.ENTRY_MALFORMED, 30);
  }

  @Test
  void aDeletedHead_isMissing() {
    delete(HEAD, HEAD_ID);

    assertProblem(Kind.HEAD_MISSING, 0);
  }

  private VerificationResult verify() {
    return await(log.verify());
  }

  private void assertProblem(Kind kind, long index) {
    VerificationResult result = verify();
    assertThat(result.ok()).as("tampering found").isFalse();
    assertThat(result.problem().orElseThrow().kind()).as(result.summary()).isEqualTo(kind);
    assertThat(result.problem().orElseThrow().index()).as(result.summary()).isEqualTo(index);
    assertThat(result.summary()).startsWith("FAILED " + kind.code() + " at index " + index + ": ");
  }

  /**
   * Swaps two entries' contents and gives each its new index and a correct leaf hash, leaving the subtree hashes
   * stored at each position where they were, as a careful forger would.
   */
  private void swapRehashed(long a, long b) {
    JsonObject first = document(ENTRIES, a);
    JsonObject second = document(ENTRIES, b);
    delete(ENTRIES, a);
    delete(ENTRIES, b);
    insert(ENTRIES, rehashed(withNodesOf(first, second.copy().put("_id", a).put("seq", a).put("event", "tmp"))));
    insert(ENTRIES, rehashed(withNodesOf(second, first.copy().put("_id", b).put("seq", b))));
    replace(ENTRIES, rehashed(document(ENTRIES, a).put("event", second.getString("event"))));
  }

  private static JsonObject withNodesOf(JsonObject place, JsonObject document) {
    document.remove("nodes");
    if (place.containsKey("nodes")) {
      document.put("nodes", place.getJsonArray("nodes"));
    }
    return document;
  }

  private static JsonObject rehashed(JsonObject document) {
    EntryFields fields = EntryCodec.stored(document).fields();
    return document.put("leaf", BsonJson.binary(new TreeHasher().leaf(EntryEncoding.encode(fields))));
  }

  /** Recomputes every leaf hash, subtree hash and the head's root and right edge from {@code from} on. */
  private TreeHash rehashFrom(long from) {
    TreeHasher hasher = new TreeHasher();
    MerkleFrontier frontier = MerkleFrontier.empty(hasher);
    for (long id = 0; id < 40; id++) {
      JsonObject document = document(ENTRIES, id);
      byte[] leaf = new TreeHasher().leaf(EntryEncoding.encode(EntryCodec.stored(document).fields()));
      byte[][] nodes = frontier.append(leaf);
      if (id >= from) {
        JsonArray stored = new JsonArray();
        for (byte[] node : nodes) {
          stored.add(BsonJson.binary(node));
        }
        document.put("leaf", BsonJson.binary(leaf));
        if (nodes.length > 0) {
          document.put("nodes", stored);
        }
        replace(ENTRIES, document);
      }
    }
    JsonObject head = document(HEAD, HEAD_ID);
    JsonArray edge = new JsonArray();
    frontier.hashes().forEach(hash -> edge.add(BsonJson.binary(hash)));
    TreeHash root = TreeHash.of(frontier.root());
    SignedCheckpoint genuine = SignedCheckpoint.parse(head.getString("checkpoint"));
    replace(HEAD, head.put("root", BsonJson.binary(root.bytes())).put("frontier", edge)
        .put("checkpoint", genuine.note().replace(genuine.root().base64(), root.base64())));
    return root;
  }
}
