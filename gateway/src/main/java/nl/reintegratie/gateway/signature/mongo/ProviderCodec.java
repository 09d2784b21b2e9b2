package nl.reintegratie.gateway.signature.mongo;

import static nl.reintegratie.gateway.store.BsonJson.binary;
import static nl.reintegratie.gateway.store.BsonJson.bytes;
import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.store.BsonJson.instant;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Optional;
import nl.reintegratie.gateway.signature.HealthDataAttestation;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.gateway.signature.X25519PublicKey;
import nl.reintegratie.gateway.store.BsonJson;

/**
 * Organisations and signing keys as documents. Keys are stored as BSON binary, instants as BSON dates (whole
 * milliseconds), calendar days as ISO strings ({@link BsonJson#day}).
 */
final class ProviderCodec {

  static final String ID = "_id";
  static final String NAME = "name";
  static final String KVK = "kvk";
  static final String OIN = "oin";
  static final String ACTIVE = "active";
  static final String ENCRYPTION_KEY = "encryptionKey";
  /** {@code {attestedOn, validUntil, reference, recordedBy, recordedAt}}; absent while none is recorded. */
  static final String HEALTH_DATA_ATTESTATION = "healthDataAttestation";
  static final String ATTESTED_ON = "attestedOn";
  static final String REFERENCE = "reference";
  static final String RECORDED_BY = "recordedBy";
  static final String RECORDED_AT = "recordedAt";
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
    organisation.healthDataAttestation()
        .ifPresent(attestation -> document.put(HEALTH_DATA_ATTESTATION, toDocument(attestation)));
    return document;
  }

  static ProviderOrganisation organisation(JsonObject document) {
    Optional<X25519PublicKey> encryptionKey = document.containsKey(ENCRYPTION_KEY)
        ? Optional.of(X25519PublicKey.of(bytes(document, ENCRYPTION_KEY)))
        : Optional.empty();
    Optional<HealthDataAttestation> attestation = Optional.ofNullable(document.getJsonObject(HEALTH_DATA_ATTESTATION))
        .map(ProviderCodec::attestation);
    return new ProviderOrganisation(document.getString(ID), document.getString(NAME), document.getString(KVK),
        document.getString(OIN), document.getBoolean(ACTIVE), encryptionKey, attestation);
  }

  static JsonObject toDocument(HealthDataAttestation attestation) {
    return new JsonObject()
        .put(ATTESTED_ON, BsonJson.day(attestation.attestedOn()))
        .put(VALID_UNTIL, BsonJson.day(attestation.validUntil()))
        .put(REFERENCE, attestation.reference())
        .put(RECORDED_BY, attestation.recordedBy())
        .put(RECORDED_AT, date(attestation.recordedAt()));
  }

  static HealthDataAttestation attestation(JsonObject document) {
    return new HealthDataAttestation(LocalDate.parse(document.getString(ATTESTED_ON)),
        LocalDate.parse(document.getString(VALID_UNTIL)), document.getString(REFERENCE),
        document.getString(RECORDED_BY), instant(document, RECORDED_AT));
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
