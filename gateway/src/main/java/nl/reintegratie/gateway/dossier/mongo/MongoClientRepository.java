package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.store.BsonJson.binary;
import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.dossier.mongo.DossierCollections.CLIENTS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.dossier.AlreadyExistsException;
import nl.reintegratie.gateway.dossier.ClientRecord;
import nl.reintegratie.gateway.dossier.ClientRepository;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.BsonJson;

/**
 * {@link ClientRepository} in {@value DossierCollections#CLIENTS}, one document per client keyed by its id. Every
 * operation is a single-field lookup or update on {@code _id}, or on the unique {@code bsnHash}.
 */
public final class MongoClientRepository implements ClientRepository {

  private final Store store;

  public MongoClientRepository(Store store) {
    this.store = store;
  }

  @Override
  public Future<Void> create(ClientRecord client) {
    if (client.isShredded()) {
      return Future.failedFuture(new IllegalArgumentException("a new client cannot be shredded"));
    }
    Future<String> insert = store.durably(mongo -> mongo.insert(CLIENTS, ClientCodec.toDocument(client)));
    return StoreFailures.duplicateAs(insert, index -> DossierIndexes.CLIENT_BSN_HASH.name().equals(index)
        ? AlreadyExistsException.Kind.CLIENT_BSN_HASH
        : AlreadyExistsException.Kind.CLIENT).mapEmpty();
  }

  @Override
  public Future<Optional<ClientRecord>> findById(String clientId) {
    return findOne(new JsonObject().put("_id", clientId));
  }

  @Override
  public Future<Optional<ClientRecord>> findByBsnHash(String bsnHash) {
    try {
      ClientRecord.checkBsnHash(bsnHash); // also keeps the shredded placeholders out of reach
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return findOne(new JsonObject().put(ClientCodec.BSN_HASH, bsnHash));
  }

  @Override
  public Future<Boolean> markShredded(String clientId, Instant at) {
    JsonObject update = new JsonObject()
        .put("$set", new JsonObject()
            .put(ClientCodec.BSN_HASH, ClientCodec.shreddedPlaceholder(clientId))
            .put(ClientCodec.SEALED_PERSONAL_DATA, binary(new byte[0]))
            .put(ClientCodec.WRAPPED_DATA_KEY, binary(new byte[0])))
        // $min: shredding again keeps the first time
        .put("$min", new JsonObject().put(ClientCodec.SHREDDED_AT, date(at)));
    return updateById(clientId, update);
  }

  @Override
  public Future<Boolean> setRetainUntil(String clientId, Instant retainUntil) {
    return updateById(clientId, new JsonObject().put("$set", new JsonObject().put(ClientCodec.RETAIN_UNTIL,
        date(retainUntil))));
  }

  @Override
  public Future<Boolean> setLastRegime(String clientId, Regime regime) {
    return updateById(clientId,
        new JsonObject().put("$set", new JsonObject().put(ClientCodec.LAST_REGIME, regime.code())));
  }

  @Override
  public Future<List<ClientRecord>> page(Optional<String> afterClientId, int limit) {
    return Paging.page(store, CLIENTS, afterClientId, limit)
        .map(documents -> documents.stream().map(ClientCodec::fromDocument).collect(Collectors.toList()));
  }

  private Future<Optional<ClientRecord>> findOne(JsonObject query) {
    return store.read(mongo -> mongo.findOne(CLIENTS, query, null))
        .map(document -> Optional.ofNullable(document).map(ClientCodec::fromDocument));
  }

  private Future<Boolean> updateById(String clientId, JsonObject update) {
    return store.durably(mongo -> mongo.updateCollection(CLIENTS, new JsonObject().put("_id", clientId), update))
        .map(result -> result.getDocMatched() > 0);
  }
}
