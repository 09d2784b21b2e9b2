package nl.reintegratie.gateway.audit.mongo;

import static nl.reintegratie.gateway.audit.mongo.AuditCollections.CLIENT_ENTRIES;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.ENTRIES;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.reintegratie.gateway.audit.ClientDisclosures;
import nl.reintegratie.gateway.audit.ConsistencyProof;
import nl.reintegratie.gateway.audit.InclusionProof;
import nl.reintegratie.gateway.audit.LogHead;
import nl.reintegratie.gateway.audit.LogIntegrityException;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.PerfectSubtree;
import nl.reintegratie.gateway.audit.ProofPaths;
import nl.reintegratie.gateway.audit.ProvenEntry;
import nl.reintegratie.gateway.audit.TreeHash;
import nl.reintegratie.gateway.audit.TreeHasher;
import nl.reintegratie.gateway.audit.TreeRange;
import nl.reintegratie.gateway.store.Store;

/**
 * Entries and proofs for readers. Every proof is checked against the signed head before it is handed out: a
 * stored subtree hash that was changed makes the read fail ({@link LogIntegrityException}) instead of giving a
 * client a proof that does not verify, or a changed entry a proof that seems to.
 */
final class LogReader {

  private static final int IDS_PER_QUERY = 200;

  private final Store store;
  private final HeadStore heads;
  private final SubtreeHashes subtrees;

  LogReader(Store store, HeadStore heads) {
    this.store = store;
    this.heads = heads;
    this.subtrees = new SubtreeHashes(store);
  }

  Future<Optional<LoggedEntry>> findByEvent(String eventId) {
    return store.read(mongo -> mongo.findOne(ENTRIES, new JsonObject().put("event", eventId), null))
        .map(document -> Optional.ofNullable(document).map(EntryCodec::logged));
  }

  Future<ClientDisclosures> entriesOf(String clientId) {
    return heads.read().compose(head -> listedIndexes(clientId, head.size())
        .compose(this::entries)
        // the list is bookkeeping; the entry itself says whose it is
        .map(entries -> entries.stream().filter(entry -> entry.entry().clientId().equals(clientId)).toList())
        .compose(entries -> prove(head, entries))
        .map(proven -> new ClientDisclosures(head.checkpoint(), proven)));
  }

  Future<ConsistencyProof> consistencyProof(long firstSize, long secondSize) {
    return heads.read().compose(head -> {
      if (firstSize < 0 || secondSize < firstSize || secondSize > head.size()) {
        return Future.failedFuture(new IllegalArgumentException(
            "a consistency proof needs 0 <= first <= second <= " + head.size()));
      }
      List<TreeRange> path = ProofPaths.consistency(firstSize, secondSize);
      List<TreeRange> firstTree = firstSize == 0 ? List.of() : List.of(new TreeRange(0, firstSize));
      List<TreeRange> secondTree = secondSize == 0 ? List.of() : List.of(new TreeRange(0, secondSize));
      Set<PerfectSubtree> needed = new HashSet<>(ProofPaths.subtreesOf(path));
      needed.addAll(ProofPaths.subtreesOf(firstTree));
      needed.addAll(ProofPaths.subtreesOf(secondTree));
      return subtrees.of(needed).map(hashes -> {
        TreeHasher hasher = new TreeHasher();
        ConsistencyProof proof = new ConsistencyProof(firstSize, secondSize, ProofPaths.hashes(path, hashes, hasher));
        TreeHash firstRoot = rootOf(firstTree, hashes, hasher);
        TreeHash secondRoot = rootOf(secondTree, hashes, hasher);
        if ((secondSize == head.size() && !secondRoot.equals(head.root())) || !proof.verify(firstRoot, secondRoot)) {
          throw new LogIntegrityException("the stored tree does not give a valid consistency proof from "
              + firstSize + " to " + secondSize);
        }
        return proof;
      });
    });
  }

  private static TreeHash rootOf(List<TreeRange> tree, Map<PerfectSubtree, byte[]> hashes, TreeHasher hasher) {
    return tree.isEmpty() ? TreeHash.of(hasher.emptyRoot()) : ProofPaths.hashes(tree, hashes, hasher).get(0);
  }

  /** The indexes in the client's list that the head covers, ascending. */
  private Future<List<Long>> listedIndexes(String clientId, long headSize) {
    return store.read(mongo -> mongo.findOne(CLIENT_ENTRIES, new JsonObject().put("_id", clientId), null))
        .map(document -> {
          JsonArray listed = document == null ? new JsonArray() : document.getJsonArray("entries", new JsonArray());
          List<Long> indexes = new ArrayList<>();
          for (int i = 0; i < listed.size(); i++) {
            long index = listed.getLong(i);
            if (index < headSize) { // an entry after the head is not in a signed tree yet
              indexes.add(index);
            }
          }
          indexes.sort(null);
          return indexes;
        });
  }

  private Future<List<LoggedEntry>> entries(List<Long> indexes) {
    List<Future<List<JsonObject>>> pages = new ArrayList<>();
    for (int from = 0; from < indexes.size(); from += IDS_PER_QUERY) {
      JsonArray page = new JsonArray(new ArrayList<>(indexes.subList(from,
          Math.min(indexes.size(), from + IDS_PER_QUERY))));
      pages.add(store.read(mongo -> mongo.find(ENTRIES, new JsonObject().put("_id",
          new JsonObject().put("$in", page)))));
    }
    return Future.all(pages).map(all -> {
      List<LoggedEntry> entries = new ArrayList<>();
      for (int i = 0; i < pages.size(); i++) {
        List<JsonObject> documents = all.resultAt(i);
        documents.forEach(document -> entries.add(EntryCodec.logged(document)));
      }
      entries.sort(java.util.Comparator.comparingLong(LoggedEntry::index));
      return entries;
    });
  }

  private Future<List<ProvenEntry>> prove(LogHead head, List<LoggedEntry> entries) {
    Set<PerfectSubtree> needed = new HashSet<>();
    List<List<TreeRange>> paths = new ArrayList<>();
    for (LoggedEntry entry : entries) {
      List<TreeRange> path = ProofPaths.inclusion(entry.index(), head.size());
      paths.add(path);
      needed.addAll(ProofPaths.subtreesOf(path));
    }
    return subtrees.of(needed).map(hashes -> {
      TreeHasher hasher = new TreeHasher();
      List<ProvenEntry> proven = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        LoggedEntry entry = entries.get(i);
        ProvenEntry withProof = new ProvenEntry(entry,
            new InclusionProof(entry.index(), head.size(), ProofPaths.hashes(paths.get(i), hashes, hasher)));
        if (!withProof.verify(head.root())) {
          throw new LogIntegrityException("entry " + entry.index() + " does not prove into the signed head");
        }
        proven.add(withProof);
      }
      return proven;
    });
  }
}
