package nl.reintegratie.gateway.audit.mongo;

import static nl.reintegratie.gateway.audit.mongo.AuditCollections.CLIENT_ENTRIES;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.ENTRIES;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.UpdateOptions;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.reintegratie.gateway.audit.CheckpointSigner;
import nl.reintegratie.gateway.audit.EntryEncoding;
import nl.reintegratie.gateway.audit.LogHead;
import nl.reintegratie.gateway.audit.LogIntegrityException;
import nl.reintegratie.gateway.audit.MerkleFrontier;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.StoredEntry;
import nl.reintegratie.gateway.audit.TreeHash;
import nl.reintegratie.gateway.audit.TreeHasher;
import nl.reintegratie.gateway.store.DuplicateKeyException;
import nl.reintegratie.gateway.store.Store;

/**
 * Moves the head over entries that are already stored: the second half of an append, and the recovery of an
 * append that crashed after writing its entries.
 *
 * <p><b>Order of the single-document writes</b>, each idempotent, so that whoever comes next can repeat them:
 * (1) the entries at {@code head.size, head.size + 1, ...}, inserted by the appender, unique {@code _id};
 * (2) their indexes added to their clients' lists ({@code $addToSet});
 * (3) every due archived checkpoint inserted (a duplicate means a racing gateway archived that size);
 * (4) the head compare-and-set from its old size to the new one.
 * A crash after (1), (2) or (3) leaves entries after the head: the next append on any gateway finds its own insert
 * refused at {@code head.size}, and {@link #rollForwardAll()} (also run at start) takes them in, one by one,
 * repeating (2) to (4). Because the head passes an entry only after (2) and (3), everything the head covers is in
 * its client's list and every archived checkpoint it passed exists.
 */
final class LogAdvancer {

  /** An entry stored at {@code index}, about to be taken into the tree. */
  record Appended(long index, String clientId, byte[] leafHash) {
  }

  private final Store store;
  private final HeadStore heads;
  private final CheckpointSigner signer;
  private final Clock clock;
  private final long checkpointEvery;

  LogAdvancer(Store store, HeadStore heads, CheckpointSigner signer, Clock clock, long checkpointEvery) {
    this.store = store;
    this.heads = heads;
    this.signer = signer;
    this.clock = clock;
    this.checkpointEvery = checkpointEvery;
  }

  /**
   * Takes {@code appended}, stored at {@code head.size()} onwards in this order, into the tree: steps (2) to (4).
   * Succeeds once the head is at least past them (moved by this call or by another gateway).
   */
  Future<Void> advance(LogHead head, List<Appended> appended) {
    MerkleFrontier frontier = head.frontier(new TreeHasher());
    List<SignedCheckpoint> due = new ArrayList<>();
    Map<String, JsonArray> byClient = new LinkedHashMap<>();
    for (Appended entry : appended) {
      if (entry.index() != frontier.size()) {
        return Future.failedFuture(new IllegalStateException("entries must follow the head in order"));
      }
      frontier.append(entry.leafHash());
      byClient.computeIfAbsent(entry.clientId(), id -> new JsonArray()).add(entry.index());
      if (frontier.size() % checkpointEvery == 0) {
        due.add(signer.sign(frontier.size(), TreeHash.of(frontier.root()), clock.instant()));
      }
    }
    SignedCheckpoint next = signer.sign(frontier.size(), TreeHash.of(frontier.root()), clock.instant());
    return listUnderClients(byClient)
        .compose(listed -> archive(due))
        .compose(archived -> heads.compareAndSet(head.size(), next, frontier.hashes()))
        .compose(moved -> moved ? Future.succeededFuture() : advanceAtLeastTo(next.size()));
  }

  /** Rolls the head forward over stored entries until it covers at least {@code size} entries. */
  Future<Void> advanceAtLeastTo(long size) {
    return heads.read().compose(head -> head.size() >= size
        ? Future.succeededFuture()
        : rollForwardOne(head, true).compose(found -> advanceAtLeastTo(size)));
  }

  /**
   * Takes in every entry stored after the head, oldest first: what a crash between writing entries and advancing
   * the head left. Succeeds with how many there were. Failure: {@link LogIntegrityException} when such an entry
   * does not fit the tree (it was not written by the log; nothing is signed on top of it).
   */
  Future<Long> rollForwardAll() {
    return rollForwardFrom(0);
  }

  private Future<Long> rollForwardFrom(long count) {
    return heads.read().compose(head -> rollForwardOne(head, false)
        .compose(found -> found ? rollForwardFrom(count + 1) : Future.succeededFuture(count)));
  }

  private Future<Boolean> rollForwardOne(LogHead head, boolean required) {
    return store.read(mongo -> mongo.findOne(ENTRIES, new JsonObject().put("_id", head.size()), null))
        .compose(document -> {
          if (document == null) {
            return required
                ? Future.failedFuture(new LogIntegrityException("entry " + head.size() + " is missing after the head"))
                : Future.succeededFuture(false);
          }
          return advance(head, List.of(fitting(head, EntryCodec.stored(document)))).map(true);
        });
  }

  /** The stored entry at the head's size as an append, if it is exactly what an appender would have written there. */
  private static Appended fitting(LogHead head, StoredEntry stored) {
    long index = head.size();
    if (stored.fields() == null || stored.fields().index() != index) {
      throw new LogIntegrityException("the entry after the head (" + index + ") is malformed or out of place");
    }
    TreeHasher hasher = new TreeHasher();
    byte[] leaf = new EntryEncoding().leafHash(stored.fields(), hasher);
    byte[][] nodes = head.frontier(hasher).append(leaf);
    boolean fits = MessageDigest.isEqual(leaf, stored.leafHash()) && nodes.length == stored.nodes().size();
    for (int i = 0; fits && i < nodes.length; i++) {
      fits = MessageDigest.isEqual(nodes[i], stored.nodes().get(i));
    }
    if (!fits) {
      throw new LogIntegrityException("the entry after the head (" + index + ") does not fit the tree");
    }
    return new Appended(index, stored.fields().clientId(), leaf);
  }

  private Future<Void> listUnderClients(Map<String, JsonArray> byClient) {
    List<Future<?>> updates = new ArrayList<>();
    byClient.forEach((clientId, indexes) -> updates.add(listUnderClient(clientId, indexes)
        // two gateways upserting a client's first list at once: one insert loses on _id, the update then finds it
        .recover(failure -> failure instanceof DuplicateKeyException
            ? listUnderClient(clientId, indexes)
            : Future.failedFuture(failure))));
    return Future.all(updates).mapEmpty();
  }

  private Future<Void> listUnderClient(String clientId, JsonArray indexes) {
    return store.read(mongo -> mongo.updateCollectionWithOptions(CLIENT_ENTRIES,
        new JsonObject().put("_id", clientId),
        new JsonObject().put("$addToSet", new JsonObject().put("entries", new JsonObject().put("$each", indexes))),
        new UpdateOptions().setUpsert(true))).mapEmpty();
  }

  private Future<Void> archive(List<SignedCheckpoint> due) {
    Future<Void> chain = Future.succeededFuture();
    for (SignedCheckpoint checkpoint : due) {
      chain = chain.compose(done -> heads.archive(checkpoint));
    }
    return chain;
  }
}
