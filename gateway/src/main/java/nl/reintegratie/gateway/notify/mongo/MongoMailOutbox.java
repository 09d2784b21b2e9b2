package nl.reintegratie.gateway.notify.mongo;

import static nl.reintegratie.gateway.notify.mongo.NotifyCollections.MAIL_OUTBOX;
import static nl.reintegratie.gateway.notify.mongo.NotifyCollections.MAIL_PENDING;
import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.store.BsonJson.instant;
import static nl.reintegratie.gateway.store.BsonJson.optionalInstant;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.notify.MailOrder;
import nl.reintegratie.gateway.notify.MailOutbox;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.transfer.NoticeKind;

/**
 * {@link MailOutbox} in {@value NotifyCollections#MAIL_OUTBOX}, one document per notice that stays after sending (so
 * queuing it again changes nothing), with the ids still to send in one list document of
 * {@value NotifyCollections#MAIL_PENDING}: reading what is due is two lookups by {@code _id}, not a scan of every
 * mail ever sent. The id is added to the list before the order is written and removed after it was sent or given
 * up; an id whose order is not pending any more is removed by the next reader.
 */
public final class MongoMailOutbox implements MailOutbox {

  private static final String PENDING_ID = "pending";
  private static final String ATTEMPTS = "attempts";
  private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  private static final String SENT_AT = "sentAt";
  private static final String ABANDONED_AT = "abandonedAt";

  private final Store store;

  public MongoMailOutbox(Store store) {
    this.store = store;
  }

  @Override
  public Future<Void> queue(MailOrder order) {
    JsonObject fields = toDocument(order);
    fields.remove("_id");
    return store.durably(mongo -> pending(mongo, "$addToSet", order.noticeId())
            .compose(listed -> mongo.updateCollectionWithOptions(MAIL_OUTBOX,
                new JsonObject().put("_id", order.noticeId()), new JsonObject().put("$setOnInsert", fields),
                new UpdateOptions().setUpsert(true))))
        .mapEmpty();
  }

  private static Future<?> pending(MongoClient mongo, String operator, String noticeId) {
    return mongo.updateCollectionWithOptions(MAIL_PENDING, new JsonObject().put("_id", PENDING_ID),
        new JsonObject().put(operator, new JsonObject().put("noticeIds", noticeId)),
        new UpdateOptions().setUpsert(true));
  }

  @Override
  public Future<Optional<MailOrder>> find(String noticeId) {
    return store.read(mongo -> mongo.findOne(MAIL_OUTBOX, new JsonObject().put("_id", noticeId), null))
        .map(document -> Optional.ofNullable(document).map(MongoMailOutbox::fromDocument));
  }

  @Override
  public Future<List<MailOrder>> due(Instant now) {
    return store.read(mongo -> mongo.findOne(MAIL_PENDING, new JsonObject().put("_id", PENDING_ID), null)
            .compose(listed -> listed == null
                ? Future.succeededFuture(List.<JsonObject>of())
                : mongo.find(MAIL_OUTBOX, new JsonObject().put("_id",
                    new JsonObject().put("$in", listed.getJsonArray("noticeIds", new JsonArray()))))))
        .compose(documents -> {
          List<MailOrder> orders = documents.stream().map(MongoMailOutbox::fromDocument).toList();
          List<String> done = orders.stream().filter(order -> !order.isPending()).map(MailOrder::noticeId).toList();
          return unlist(done).map(v -> orders.stream()
              .filter(MailOrder::isPending)
              .filter(order -> !order.nextAttemptAt().isAfter(now))
              .sorted(Comparator.comparing(MailOrder::queuedAt).thenComparing(MailOrder::noticeId))
              .toList());
        });
  }

  /** Tidies the pending list: orders sent or given up by a writer that died before removing their id. */
  private Future<Void> unlist(List<String> noticeIds) {
    if (noticeIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return store.durably(mongo -> mongo.updateCollection(MAIL_PENDING, new JsonObject().put("_id", PENDING_ID),
        new JsonObject().put("$pull", new JsonObject().put("noticeIds",
            new JsonObject().put("$in", new JsonArray(noticeIds)))))).mapEmpty();
  }

  @Override
  public Future<Optional<MailOrder>> claim(MailOrder seen, Instant leaseUntil) {
    JsonObject unchanged = stillPending(seen.noticeId()).put(ATTEMPTS, seen.attempts());
    return store.durably(mongo -> mongo.updateCollection(MAIL_OUTBOX, unchanged, new JsonObject().put("$set",
            new JsonObject().put(ATTEMPTS, seen.attempts() + 1).put(NEXT_ATTEMPT_AT, date(leaseUntil)))))
        .compose(result -> result.getDocMatched() == 1 ? find(seen.noticeId())
            : Future.succeededFuture(Optional.empty()));
  }

  @Override
  public Future<Void> sent(String noticeId, Instant at) {
    JsonObject notSentYet = new JsonObject().put("_id", noticeId).put(SENT_AT, absent());
    return store.durably(mongo -> mongo.updateCollection(MAIL_OUTBOX, notSentYet,
                new JsonObject().put("$set", new JsonObject().put(SENT_AT, date(at))))
            .compose(recorded -> pending(mongo, "$pull", noticeId)))
        .mapEmpty();
  }

  @Override
  public Future<Void> retryAt(String noticeId, int attempts, Instant next) {
    return store.durably(mongo -> mongo.updateCollection(MAIL_OUTBOX, stillPending(noticeId).put(ATTEMPTS, attempts),
        new JsonObject().put("$set", new JsonObject().put(NEXT_ATTEMPT_AT, date(next))))).mapEmpty();
  }

  @Override
  public Future<Void> abandon(String noticeId, Instant at, String reason) {
    return store.durably(mongo -> mongo.updateCollection(MAIL_OUTBOX, stillPending(noticeId),
                new JsonObject().put("$set", new JsonObject().put(ABANDONED_AT, date(at)).put("abandonReason", reason)))
            .compose(recorded -> pending(mongo, "$pull", noticeId)))
        .mapEmpty();
  }

  private static JsonObject stillPending(String noticeId) {
    return new JsonObject().put("_id", noticeId).put(SENT_AT, absent()).put(ABANDONED_AT, absent());
  }

  private static JsonObject absent() {
    return new JsonObject().put("$exists", false);
  }

  static JsonObject toDocument(MailOrder order) {
    JsonObject document = new JsonObject()
        .put("_id", order.noticeId())
        .put("clientId", order.clientId())
        .put("kind", order.kind().code())
        .put("queuedAt", date(order.queuedAt()))
        .put(ATTEMPTS, order.attempts())
        .put(NEXT_ATTEMPT_AT, date(order.nextAttemptAt()));
    order.sentAt().ifPresent(at -> document.put(SENT_AT, date(at)));
    order.abandonedAt().ifPresent(at -> document.put(ABANDONED_AT, date(at)));
    order.abandonReason().ifPresent(reason -> document.put("abandonReason", reason));
    return document;
  }

  static MailOrder fromDocument(JsonObject document) {
    return new MailOrder(document.getString("_id"), document.getString("clientId"),
        Coded.fromCode(NoticeKind.class, document.getString("kind")), instant(document, "queuedAt"),
        document.getInteger(ATTEMPTS), instant(document, NEXT_ATTEMPT_AT), optionalInstant(document, SENT_AT),
        optionalInstant(document, ABANDONED_AT), Optional.ofNullable(document.getString("abandonReason")));
  }
}
