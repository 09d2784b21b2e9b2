package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.store.BsonJson.binary;
import static nl.reintegratie.gateway.store.BsonJson.bytes;
import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.store.BsonJson.instant;
import static nl.reintegratie.gateway.store.BsonJson.optionalInstant;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.ClientKeyRecord;
import nl.reintegratie.gateway.dossier.ClientRecord;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.store.BsonJson;

/** {@link ClientRecord} and {@link ClientKeyRecord} as MongoDB documents. */
final class ClientCodec {

  static final String BSN_HASH = "bsnHash";
  static final String SEALED_PERSONAL_DATA = "sealedPersonalData";
  static final String WRAPPED_DATA_KEY = "wrappedDataKey";
  static final String LAST_REGIME = "lastRegime";
  static final String CREATED_AT = "createdAt";
  static final String RETAIN_UNTIL = "retainUntil";
  static final String SHREDDED_AT = "shreddedAt";

  static final String KEK_VERSION = "kekVersion";
  static final String WRAPPED_KEY = "wrappedKey";

  /**
   * A shredded client keeps a placeholder in {@code bsnHash} instead of losing the field: the unique index treats
   * a missing field as one shared {@code null} value, so two shredded clients would collide. The ':' can never
   * occur in a real hash ({@link ClientRecord#checkBsnHash}).
   */
  private static final String SHREDDED_PREFIX = "shredded:";

  private ClientCodec() {
  }

  static String shreddedPlaceholder(String clientId) {
    return SHREDDED_PREFIX + clientId;
  }

  static JsonObject toDocument(ClientRecord client) {
    JsonObject document = new JsonObject()
        .put("_id", client.clientId())
        .put(BSN_HASH, client.bsnHash().orElse(shreddedPlaceholder(client.clientId())))
        .put(SEALED_PERSONAL_DATA, binary(client.sealedPersonalData()))
        .put(WRAPPED_DATA_KEY, binary(client.wrappedDataKey()))
        .put(CREATED_AT, date(client.createdAt()));
    client.lastRegime().ifPresent(regime -> document.put(LAST_REGIME, regime.code()));
    client.retainUntil().ifPresent(at -> document.put(RETAIN_UNTIL, date(at)));
    client.shreddedAt().ifPresent(at -> document.put(SHREDDED_AT, date(at)));
    return document;
  }

  static ClientRecord fromDocument(JsonObject document) {
    String bsnHash = document.getString(BSN_HASH);
    return new ClientRecord(
        document.getString("_id"),
        bsnHash.startsWith(SHREDDED_PREFIX) ? Optional.empty() : Optional.of(bsnHash),
        bytes(document, SEALED_PERSONAL_DATA),
        bytes(document, WRAPPED_DATA_KEY),
        Optional.ofNullable(document.getString(LAST_REGIME)).map(code -> Coded.fromCode(Regime.class, code)),
        instant(document, CREATED_AT),
        optionalInstant(document, RETAIN_UNTIL),
        optionalInstant(document, SHREDDED_AT));
  }

  static JsonObject toDocument(ClientKeyRecord key) {
    return new JsonObject()
        .put("_id", key.clientId())
        .put(KEK_VERSION, key.kekVersion())
        .put(WRAPPED_KEY, binary(key.wrappedKey()))
        .put(CREATED_AT, date(key.createdAt()));
  }

  static ClientKeyRecord keyFromDocument(JsonObject document) {
    return new ClientKeyRecord(document.getString("_id"), document.getInteger(KEK_VERSION),
        bytes(document, WRAPPED_KEY), instant(document, CREATED_AT));
  }
}
