package nl.reintegratie.gateway.notify.mongo;

import static nl.reintegratie.gateway.notify.mongo.NotifyCollections.CLIENT_INBOXES;
import static nl.reintegratie.gateway.notify.mongo.NotifyCollections.INBOX_ENTRIES;
import static nl.reintegratie.gateway.store.BsonJson.binary;
import static nl.reintegratie.gateway.store.BsonJson.bytes;
import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.store.BsonJson.instant;
import static nl.reintegratie.gateway.store.BsonJson.optionalInstant;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.notify.Inbox;
import nl.reintegratie.gateway.notify.InboxEntry;
import nl.reintegratie.gateway.store.DuplicateKeyException;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.transfer.NoticeKind;

/**
 * {@link Inbox} in {@value NotifyCollections#INBOX_ENTRIES}, listed per client in
 * {@value NotifyCollections#CLIENT_INBOXES}. A put adds the id to the client's list with an idempotent
 * {@code $addToSet} first and then inserts the entry under its own id, so the unique {@code _id} makes a second put
 * of the same notice (a retry, a second gateway) change nothing, and a crash in between leaves an id without an
 * entry, which readers skip and the retry fills.
 */
public final class MongoInbox implements Inbox {

  private static final String READ_AT = "readAt";

  private final Store store;

  public MongoInbox(Store store) {
    this.store = store;
  }

  @Override
  public Future<PutResult> put(InboxEntry entry) {
    return store.durably(mongo -> mongo.updateCollectionWithOptions(CLIENT_INBOXES,
                new JsonObject().put("_id", entry.clientId()),
                new JsonObject().put("$addToSet", new JsonObject().put("entryIds", entry.id())),
                new UpdateOptions().setUpsert(true))
            .compose(listed -> mongo.insert(INBOX_ENTRIES, toDocument(entry))))
        .map(inserted -> new PutResult(entry, true))
        .recover(failure -> failure instanceof DuplicateKeyException
            ? byId(entry.id()).map(existing -> new PutResult(existing.orElseThrow(
                () -> new IllegalStateException("an inbox entry id taken, but no entry under it")), false))
            : Future.failedFuture(failure));
  }

  @Override
  public Future<List<InboxEntry>> listOf(String clientId) {
    return store.read(mongo -> mongo.findOne(CLIENT_INBOXES, new JsonObject().put("_id", clientId), null)
            .compose(listed -> listed == null
                ? Future.succeededFuture(List.<JsonObject>of())
                : mongo.find(INBOX_ENTRIES, new JsonObject().put("_id",
                    new JsonObject().put("$in", listed.getJsonArray("entryIds", new JsonArray()))))))
        .map(documents -> documents.stream().map(MongoInbox::fromDocument)
            // the list is bookkeeping; the entry itself says whose it is
            .filter(entry -> entry.clientId().equals(clientId))
            .sorted(Comparator.comparing(InboxEntry::createdAt).thenComparing(InboxEntry::id).reversed())
            .toList());
  }

  @Override
  public Future<Optional<InboxEntry>> find(String clientId, String id) {
    return byId(id).map(found -> found.filter(entry -> entry.clientId().equals(clientId)));
  }

  private Future<Optional<InboxEntry>> byId(String id) {
    return store.read(mongo -> mongo.findOne(INBOX_ENTRIES, new JsonObject().put("_id", id), null))
        .map(document -> Optional.ofNullable(document).map(MongoInbox::fromDocument));
  }

  @Override
  public Future<Optional<InboxEntry>> markRead(String clientId, String id, Instant at) {
    JsonObject unreadOfClient = new JsonObject().put("_id", id).put("clientId", clientId)
        .put(READ_AT, new JsonObject().put("$exists", false));
    return store.durably(mongo -> mongo.updateCollection(INBOX_ENTRIES, unreadOfClient,
            new JsonObject().put("$set", new JsonObject().put(READ_AT, date(at)))))
        .compose(changed -> find(clientId, id));
  }

  static JsonObject toDocument(InboxEntry entry) {
    JsonObject document = new JsonObject()
        .put("_id", entry.id())
        .put("clientId", entry.clientId())
        .put("grantId", entry.grantId())
        .put("kind", entry.kind().code())
        .put("createdAt", date(entry.createdAt()))
        .put("textWrappedKey", binary(entry.text().wrappedDataKey()))
        .put("textCiphertext", binary(entry.text().ciphertext()));
    entry.readAt().ifPresent(at -> document.put(READ_AT, date(at)));
    return document;
  }

  static InboxEntry fromDocument(JsonObject document) {
    return new InboxEntry(document.getString("_id"), document.getString("clientId"), document.getString("grantId"),
        Coded.fromCode(NoticeKind.class, document.getString("kind")), instant(document, "createdAt"),
        new SealedText(bytes(document, "textWrappedKey"), bytes(document, "textCiphertext")),
        optionalInstant(document, READ_AT));
  }
}
