package nl.reintegratie.gateway.audit.mongo;

import static nl.reintegratie.gateway.audit.mongo.AuditCollections.ENTRIES;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.reintegratie.gateway.audit.LogIntegrityException;
import nl.reintegratie.gateway.audit.PerfectSubtree;
import nl.reintegratie.gateway.store.Store;

/**
 * Looks up perfect subtree hashes where the log stored them: with the entry of the subtree's last leaf (level 0:
 * its {@code leaf}, level h: {@code nodes[h - 1]}). One {@code $in} on {@code _id} per 200 entries, the only
 * multi-document lookup the embedded server answers from its index.
 */
final class SubtreeHashes {

  // the embedded server matches each document against the whole $in list, so a long list costs quadratically
  private static final int IDS_PER_QUERY = 200;
  private static final JsonObject HASHES_ONLY = new JsonObject().put(EntryCodec.LEAF, 1).put(EntryCodec.NODES, 1);

  private final Store store;

  SubtreeHashes(Store store) {
    this.store = store;
  }

  /** The hash of each subtree. Failure: {@link LogIntegrityException} when an entry or one of its hashes is missing. */
  Future<Map<PerfectSubtree, byte[]>> of(Set<PerfectSubtree> subtrees) {
    Set<Long> ids = new TreeSet<>();
    subtrees.forEach(subtree -> ids.add(subtree.lastLeaf()));
    return documents(new ArrayList<>(ids)).map(documents -> {
      Map<PerfectSubtree, byte[]> hashes = new HashMap<>();
      for (PerfectSubtree subtree : subtrees) {
        hashes.put(subtree, hashIn(documents.get(subtree.lastLeaf()), subtree));
      }
      return hashes;
    });
  }

  private Future<Map<Long, JsonObject>> documents(List<Long> ids) {
    List<Future<List<JsonObject>>> pages = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      JsonArray page = new JsonArray(new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))));
      pages.add(store.read(mongo -> mongo.findWithOptions(ENTRIES,
          new JsonObject().put("_id", new JsonObject().put("$in", page)), new FindOptions().setFields(HASHES_ONLY))));
    }
    return Future.all(pages).map(all -> {
      Map<Long, JsonObject> byId = new HashMap<>();
      for (int i = 0; i < pages.size(); i++) {
        Collection<JsonObject> documents = all.resultAt(i);
        documents.forEach(document -> byId.put(EntryCodec.index(document), document));
      }
      return byId;
    });
  }

  private static byte[] hashIn(JsonObject document, PerfectSubtree subtree) {
    try {
      if (subtree.level() == 0) {
        return document.getJsonObject(EntryCodec.LEAF).getBinary("$binary");
      }
      return document.getJsonArray(EntryCodec.NODES).getJsonObject(subtree.level() - 1).getBinary("$binary");
    } catch (RuntimeException e) {
      throw new LogIntegrityException("no hash of the subtree of " + subtree.leaves() + " leaves ending at "
          + subtree.lastLeaf());
    }
  }
}
