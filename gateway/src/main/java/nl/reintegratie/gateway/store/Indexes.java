package nl.reintegratie.gateway.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the gateway's declared indexes at startup.
 *
 * <p><b>Query rule.</b> The embedded server (mongo-java-server) uses an index only when the query filter has
 * exactly the indexed field(s) as keys, e.g. {@code {key: "d-17:3"}} or {@code {_id: "d-17"}}; a filter like
 * {@code {_id: "d-17", version: 3}} scans the whole collection, and non-unique indexes are ignored altogether. Hot
 * queries and conditional updates must therefore be single-field lookups on {@code _id} or on a field with a unique
 * {@link IndexSpec}; put compound keys into one string field. Real MongoDB handles these queries just as well.
 */
public final class Indexes {

  private static final Logger log = LoggerFactory.getLogger(Indexes.class);

  private Indexes() {
  }

  /**
   * Creates every index in {@code specs}, one after the other.
   *
   * <p>Idempotent: an index that already exists with the same definition is left alone. Success: all indexes exist.
   * Failure: the first failure {@link StoreErrors#translate translated}, e.g. a {@link DuplicateKeyException} when
   * existing documents violate a new unique index, a {@link StoreException} when an index of that name exists with
   * other options, a {@link StoreUnavailableException} when the store is down.
   */
  public static Future<Void> ensure(Store store, List<IndexSpec> specs) {
    Future<Void> chain = Future.succeededFuture();
    for (IndexSpec spec : specs) {
      chain = chain.compose(ignored -> create(store, spec));
    }
    return chain;
  }

  private static Future<Void> create(Store store, IndexSpec spec) {
    JsonObject key = new JsonObject().put(spec.field(), 1);
    IndexOptions options = new IndexOptions().name(spec.name()).unique(spec.unique());
    return StoreErrors.translated(store.mongo().createIndexWithOptions(spec.collection(), key, options))
        .onSuccess(ignored -> log.info("index {}.{} (unique: {}) is in place", spec.collection(), spec.name(),
            spec.unique()));
  }
}
