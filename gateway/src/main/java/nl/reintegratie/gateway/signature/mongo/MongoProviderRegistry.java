package nl.reintegratie.gateway.signature.mongo;

import static nl.reintegratie.gateway.signature.mongo.SignatureCollections.ORGANISATIONS;
import static nl.reintegratie.gateway.signature.mongo.SignatureCollections.SIGNING_KEYS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.signature.HealthDataAttestation;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.ProviderRegistry;
import nl.reintegratie.gateway.signature.ProviderRegistryException;
import nl.reintegratie.gateway.signature.ProviderRegistryException.Kind;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.gateway.signature.X25519PublicKey;
import nl.reintegratie.gateway.store.DuplicateKeyException;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.BsonJson;

/**
 * {@link ProviderRegistry} in {@value SignatureCollections#ORGANISATIONS} and
 * {@value SignatureCollections#SIGNING_KEYS}. A signing key is its own document with the key id as {@code _id}, so
 * the store itself guarantees that a key id names one key of one organisation; keys are never deleted, so a key id
 * is never reused. Use it through a {@link nl.reintegratie.gateway.signature.ProviderDirectory}, which keeps the
 * verifier's snapshot current.
 */
public final class MongoProviderRegistry implements ProviderRegistry {

  private final Store store;
  private final Clock clock;

  /** A registry that notes revocation times by the system clock. */
  public MongoProviderRegistry(Store store) {
    this(store, Clock.systemUTC());
  }

  public MongoProviderRegistry(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Future<Void> register(ProviderOrganisation organisation) {
    Future<String> insert = store.durably(mongo -> mongo.insert(ORGANISATIONS, ProviderCodec.toDocument(organisation)));
    return duplicateAs(insert, Kind.ORGANISATION_EXISTS).mapEmpty();
  }

  @Override
  public Future<Boolean> setActive(String organisationId, boolean active) {
    return set(ORGANISATIONS, organisationId, new JsonObject().put(ProviderCodec.ACTIVE, active));
  }

  @Override
  public Future<Void> addSigningKey(RegisteredKey key) {
    try {
      ProviderRegistry.requireValidSigningKey(key);
    } catch (ProviderRegistryException e) {
      return Future.failedFuture(e);
    }
    // organisations are never deleted, so checking first and inserting next cannot attach a key to a removed one
    return findOrganisation(key.organisationId()).compose(organisation -> {
      if (organisation.isEmpty()) {
        return Future.failedFuture(new ProviderRegistryException(Kind.UNKNOWN_ORGANISATION));
      }
      Future<String> insert = store.durably(mongo -> mongo.insert(SIGNING_KEYS, ProviderCodec.toDocument(key)));
      return duplicateAs(insert, Kind.KEY_ID_TAKEN).mapEmpty();
    });
  }

  // one atomic update on _id: $min keeps the earliest revocation time, so repeating a revocation (or two racing
  // ones) never moves it, and a key revoked before times were kept gets one now
  @Override
  public Future<Boolean> revokeKey(String keyId) {
    JsonObject update = new JsonObject()
        .put("$set", new JsonObject().put(ProviderCodec.REVOKED, true))
        .put("$min", new JsonObject().put(ProviderCodec.REVOKED_AT, BsonJson.date(clock.instant())));
    return store.durably(mongo -> mongo.updateCollectionWithOptions(SIGNING_KEYS, byId(keyId), update,
            new UpdateOptions().setUpsert(false)))
        .map(result -> result.getDocMatched() > 0);
  }

  @Override
  public Future<Void> setEncryptionKey(String organisationId, X25519PublicKey key) {
    return set(ORGANISATIONS, organisationId, new JsonObject().put(ProviderCodec.ENCRYPTION_KEY,
            BsonJson.binary(key.raw())))
        .compose(found -> found ? Future.<Void>succeededFuture()
            : Future.failedFuture(new ProviderRegistryException(Kind.UNKNOWN_ORGANISATION)));
  }

  // the whole attestation is one field of the organisation's document, so a $set replaces it in one atomic update:
  // a reader sees the old attestation or the new one, never a mix of both
  @Override
  public Future<Void> setHealthDataAttestation(String organisationId, HealthDataAttestation attestation) {
    return set(ORGANISATIONS, organisationId, new JsonObject().put(ProviderCodec.HEALTH_DATA_ATTESTATION,
            ProviderCodec.toDocument(attestation)))
        .compose(found -> found ? Future.<Void>succeededFuture()
            : Future.failedFuture(new ProviderRegistryException(Kind.UNKNOWN_ORGANISATION)));
  }

  @Override
  public Future<Boolean> withdrawHealthDataAttestation(String organisationId) {
    JsonObject update = new JsonObject()
        .put("$unset", new JsonObject().put(ProviderCodec.HEALTH_DATA_ATTESTATION, ""));
    return store.durably(mongo -> mongo.updateCollectionWithOptions(ORGANISATIONS, byId(organisationId), update,
            new UpdateOptions().setUpsert(false)))
        .map(result -> result.getDocMatched() > 0);
  }

  @Override
  public Future<Optional<ProviderOrganisation>> findOrganisation(String organisationId) {
    return store.read(mongo -> mongo.findOne(ORGANISATIONS, byId(organisationId), null))
        .map(document -> Optional.ofNullable(document).map(ProviderCodec::organisation));
  }

  @Override
  public Future<Optional<RegisteredKey>> findKey(String keyId) {
    return store.read(mongo -> mongo.findOne(SIGNING_KEYS, byId(keyId), null))
        .map(document -> Optional.ofNullable(document).map(ProviderCodec::key));
  }

  @Override
  public Future<List<RegisteredKey>> keysOf(String organisationId) {
    return store.read(mongo -> mongo.find(SIGNING_KEYS, new JsonObject().put(ProviderCodec.ORGANISATION_ID,
            organisationId)))
        .map(documents -> documents.stream().map(ProviderCodec::key).toList());
  }

  @Override
  public Future<Contents> all() {
    Future<List<ProviderOrganisation>> organisations = store.read(mongo -> mongo.find(ORGANISATIONS, new JsonObject()))
        .map(documents -> documents.stream().map(ProviderCodec::organisation).toList());
    Future<List<RegisteredKey>> keys = store.read(mongo -> mongo.find(SIGNING_KEYS, new JsonObject()))
        .map(documents -> documents.stream().map(ProviderCodec::key).toList());
    return Future.all(organisations, keys).map(both -> new Contents(organisations.result(), keys.result()));
  }

  // $set on _id alone, never an upsert: a change to something unregistered must not register it
  private Future<Boolean> set(String collection, String id, JsonObject fields) {
    return store.durably(mongo -> mongo.updateCollectionWithOptions(collection, byId(id),
            new JsonObject().put("$set", fields), new UpdateOptions().setUpsert(false)))
        .map(result -> result.getDocMatched() > 0);
  }

  private static JsonObject byId(String id) {
    return new JsonObject().put(ProviderCodec.ID, id);
  }

  private static <T> Future<T> duplicateAs(Future<T> write, Kind kind) {
    return write.recover(failure -> Future.failedFuture(failure instanceof DuplicateKeyException
        ? new ProviderRegistryException(kind) : failure));
  }
}
