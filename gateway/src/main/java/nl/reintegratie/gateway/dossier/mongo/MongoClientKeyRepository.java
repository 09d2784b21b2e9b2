package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.dossier.mongo.DossierCollections.CLIENT_KEYS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.dossier.AlreadyExistsException;
import nl.reintegratie.gateway.dossier.ClientKeyRecord;
import nl.reintegratie.gateway.dossier.ClientKeyRepository;
import nl.reintegratie.gateway.store.Store;

/** {@link ClientKeyRepository} in {@value DossierCollections#CLIENT_KEYS}, one document per client id. */
public final class MongoClientKeyRepository implements ClientKeyRepository {

  private final Store store;

  public MongoClientKeyRepository(Store store) {
    this.store = store;
  }

  @Override
  public Future<Void> create(ClientKeyRecord key) {
    Future<String> insert = store.durably(mongo -> mongo.insert(CLIENT_KEYS, ClientCodec.toDocument(key)));
    return StoreFailures.duplicateAs(insert, AlreadyExistsException.Kind.CLIENT_KEY).mapEmpty();
  }

  @Override
  public Future<Optional<ClientKeyRecord>> find(String clientId) {
    return store.read(mongo -> mongo.findOne(CLIENT_KEYS, byId(clientId), null))
        .map(document -> Optional.ofNullable(document).map(ClientCodec::keyFromDocument));
  }

  @Override
  public Future<Boolean> replace(ClientKeyRecord key) {
    // replaceOne on _id alone and explicitly without upsert: a key deleted by shredding stays deleted, even when
    // the rotation job read it just before
    return store.durably(mongo -> mongo.replaceDocumentsWithOptions(CLIENT_KEYS, byId(key.clientId()),
            ClientCodec.toDocument(key), new UpdateOptions().setUpsert(false)))
        .map(result -> result.getDocMatched() > 0);
  }

  @Override
  public Future<Boolean> delete(String clientId) {
    return store.durably(mongo -> mongo.removeDocument(CLIENT_KEYS, byId(clientId)))
        .map(result -> result.getRemovedCount() > 0);
  }

  @Override
  public Future<List<ClientKeyRecord>> page(Optional<String> afterClientId, int limit) {
    return Paging.page(store, CLIENT_KEYS, afterClientId, limit)
        .map(documents -> documents.stream().map(ClientCodec::keyFromDocument).collect(Collectors.toList()));
  }

  private static JsonObject byId(String clientId) {
    return new JsonObject().put("_id", clientId);
  }
}
