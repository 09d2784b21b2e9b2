package nl.reintegratie.gateway.signature.mongo;

import static nl.reintegratie.gateway.store.BsonJson.binary;
import static nl.reintegratie.gateway.store.BsonJson.bytes;
import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.store.BsonJson.instant;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.gateway.signature.X25519PublicKey;
import nl.reintegratie.gateway.store.BsonJson;

/**
 * Organisations and signing keys as documents. Keys are stored as BSON binary, instants as BSON dates (whole
 * milliseconds).
 */
final class ProviderCodec {

  static final String ID = "_id";
  static final String NAME = "name";
  static final String KVK = "kvk";
  static final String OIN = "oin";
  static final String ACTIVE = "active";
  static final String ENCRYPTION_KEY = "encryptionKey";
  static final String ORGANISATION_ID = "organisationId";
  static final String ALGORITHM = "algorithm";
  static final String PUBLIC_KEY = "publicKey";
  static final String VALID_FROM = "validFrom";
  static final String VALID_UNTIL = "validUntil";
  static final String REVOKED = "revoked";
  /** When the key was first revoked; absent on keys revoked before the time was kept. */
  static final String REVOKED_AT = "revokedAt";

  private ProviderCodec() {
  }

  static JsonObject toDocument(ProviderOrganisation organisation) {
    JsonObject document = new JsonObject()
        .put(ID, organisation.id())
        .put(NAME, organisation.name())
        .put(KVK, organisation.kvkNumber())
        .put(OIN, organisation.oin())
        .put(ACTIVE, organisation.active());
    organisation.encryptionKey().ifPresent(key -> document.put(ENCRYPTION_KEY, binary(key.raw())));
    return document;
  }

  static ProviderOrganisation organisation(JsonObject document) {
    Optional<X25519PublicKey> encryptionKey = document.containsKey(ENCRYPTION_KEY)
        ? Optional.of(X25519PublicKey.of(bytes(document, ENCRYPTION_KEY)))
        : Optional.empty();
    return new ProviderOrganisation(document.getString(ID), document.getString(NAME), document.getString(KVK),
        document.getString(OIN), document.getBoolean(ACTIVE), encryptionKey);
  }

  static JsonObject toDocument(RegisteredKey key) {
    JsonObject document = new JsonObject()
        .put(ID, key.keyId())
        .put(ORGANISATION_ID, key.organisationId())
        .put(ALGORITHM, key.algorithm())
        .put(PUBLIC_KEY, binary(key.publicKey()))
        .put(VALID_FROM, date(key.validFrom()))
        .put(VALID_UNTIL, date(key.validUntil()))
        .put(REVOKED, key.revoked());
    key.revokedAt().ifPresent(at -> document.put(REVOKED_AT, date(at)));
    return document;
  }

  static RegisteredKey key(JsonObject document) {
    return new RegisteredKey(document.getString(ID), document.getString(ORGANISATION_ID),
        document.getString(ALGORITHM), bytes(document, PUBLIC_KEY), instant(document, VALID_FROM),
        instant(document, VALID_UNTIL), document.getBoolean(REVOKED), BsonJson.optionalInstant(document, REVOKED_AT));
  }
}
