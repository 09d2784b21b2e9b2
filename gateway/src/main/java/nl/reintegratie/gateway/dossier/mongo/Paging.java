package nl.reintegratie.gateway.dossier.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.store.Store;

/**
 * Keyset paging over {@code _id} for batch jobs: {@code {_id: {$gt: last}}} sorted by {@code _id}. On the embedded
 * server this scans the collection once per page, which is fine off the request path; on MongoDB it walks the
 * {@code _id} index.
 */
final class Paging {

  /** Larger pages would hold too many documents (and their byte arrays) in memory at once. */
  static final int MAX_LIMIT = 1_000;

  private Paging() {
  }

  static Future<List<JsonObject>> page(Store store, String collection, Optional<String> afterId, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      return Future.failedFuture(new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT));
    }
    JsonObject query = afterId
        .map(after -> new JsonObject().put("_id", new JsonObject().put("$gt", after)))
        .orElseGet(JsonObject::new);
    FindOptions options = new FindOptions().setSort(new JsonObject().put("_id", 1)).setLimit(limit);
    return store.read(mongo -> mongo.findWithOptions(collection, query, options));
  }
}
