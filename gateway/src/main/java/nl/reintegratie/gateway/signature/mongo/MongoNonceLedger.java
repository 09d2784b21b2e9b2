package nl.reintegratie.gateway.signature.mongo;

import static nl.reintegratie.gateway.signature.mongo.SignatureCollections.NONCES;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import nl.reintegratie.gateway.signature.NonceLedger;
import nl.reintegratie.gateway.store.DuplicateKeyException;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.BsonJson;

/**
 * {@link NonceLedger} in {@value SignatureCollections#NONCES}: one document {@code {_id: "<keyId>:<nonce>",
 * expiresAt}} per nonce. The insert is the check: the {@code _id} index lets exactly one of two concurrent inserts
 * succeed, also when they come from different gateway instances on the same store, and a duplicate key means
 * replay. The insert is durable before the request is accepted, so a replay after a crash is still caught.
 *
 * <p>Key ids never contain {@code :} (see {@link nl.reintegratie.gateway.signature.ProviderRegistry#KEY_ID_PATTERN})
 * and the verifier only asks for registered key ids, so {@code <keyId>:<nonce>} is unambiguous: one key cannot use
 * up another key's nonces. Old entries are removed by {@link NoncePurge}, not by a TTL index, which the embedded
 * store lacks.
 */
public final class MongoNonceLedger implements NonceLedger {

  static final String EXPIRES_AT = "expiresAt";

  private final Store store;

  public MongoNonceLedger(Store store) {
    this.store = store;
  }

  /**
   * Success: {@code true} when the entry was written durably (first use), {@code false} when it existed (replay).
   * Failure: the store's failure; the request must then be refused as the store being unavailable.
   */
  @Override
  public Future<Boolean> firstUse(String keyId, String nonce, Instant expiresAt) {
    JsonObject entry = new JsonObject()
        .put("_id", keyId + ":" + nonce)
        .put(EXPIRES_AT, BsonJson.date(expiresAt));
    return store.durably(mongo -> mongo.insert(NONCES, entry))
        .map(id -> true)
        .recover(failure -> failure instanceof DuplicateKeyException
            ? Future.succeededFuture(false) : Future.failedFuture(failure));
  }
}
