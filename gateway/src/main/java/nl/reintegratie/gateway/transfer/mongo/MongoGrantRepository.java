package nl.reintegratie.gateway.transfer.mongo;

import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.store.BsonJson.instant;
import static nl.reintegratie.gateway.transfer.mongo.TransferCollections.CLIENT_GRANTS;
import static nl.reintegratie.gateway.transfer.mongo.TransferCollections.COMMISSIONER_GRANTS;
import static nl.reintegratie.gateway.transfer.mongo.TransferCollections.GRANTS;
import static nl.reintegratie.gateway.transfer.mongo.TransferCollections.PENDING_NOTICES;
import static nl.reintegratie.gateway.transfer.mongo.TransferCollections.RECIPIENT_GRANTS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.reintegratie.gateway.dossier.AlreadyExistsException;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.store.DuplicateKeyException;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.GrantRepository;
import nl.reintegratie.gateway.transfer.GrantStateException;
import nl.reintegratie.gateway.transfer.NoticeKind;
import nl.reintegratie.gateway.transfer.Objection;
import nl.reintegratie.gateway.transfer.PendingNotice;

/**
 * {@link GrantRepository} in {@value TransferCollections#GRANTS}, with lists per recipient, client and commissioner
 * ({@code {_id: key, grantIds: [...]}}), written the way the dossier lists its trajectories per provider: the id is
 * added with an atomic, idempotent {@code $addToSet} <em>before</em> the grant is inserted, so a crash in between
 * leaves at most an id without a grant (skipped by readers), never a grant that cannot be listed. The embedded
 * server only looks up by {@code _id} without a scan, hence the list documents instead of indexes.
 *
 * <p>Every state change is a compare-and-set on the grant document (the filter states what must still be true), so
 * two officers, or an officer and the client, cannot both win.
 */
public final class MongoGrantRepository implements GrantRepository {

  private final Store store;

  public MongoGrantRepository(Store store) {
    this.store = store;
  }

  @Override
  public Future<Void> create(Grant grant) {
    return store.durably(mongo -> announce(mongo, grant.grantId(), NoticeKind.GRANTED, grant.grantedAt())
            .compose(done -> list(mongo, RECIPIENT_GRANTS, grant.recipientOrganisation(), grant.grantId()))
            .compose(done -> list(mongo, CLIENT_GRANTS, grant.clientId(), grant.grantId()))
            .compose(done -> list(mongo, COMMISSIONER_GRANTS, grant.commissionerOrganisation(), grant.grantId()))
            .compose(done -> mongo.insert(GRANTS, GrantCodec.toDocument(grant))))
        .recover(failure -> failure instanceof DuplicateKeyException
            ? Future.failedFuture(new AlreadyExistsException(AlreadyExistsException.Kind.GRANT))
            : Future.failedFuture(failure))
        .mapEmpty();
  }

  private static Future<?> list(MongoClient mongo, String collection, String key, String grantId) {
    return mongo.updateCollectionWithOptions(collection, new JsonObject().put("_id", key),
        new JsonObject().put("$addToSet", new JsonObject().put("grantIds", grantId)),
        new UpdateOptions().setUpsert(true));
  }

  /** Upserts the pending notice; an announcement repeated keeps its first moment. */
  private static Future<?> announce(MongoClient mongo, String grantId, NoticeKind kind, Instant since) {
    return mongo.updateCollectionWithOptions(PENDING_NOTICES, new JsonObject().put("_id", kind.noticeId(grantId)),
        new JsonObject().put("$setOnInsert", new JsonObject()
            .put("grantId", grantId).put("kind", kind.code()).put("since", date(since))),
        new UpdateOptions().setUpsert(true));
  }

  @Override
  public Future<Optional<Grant>> findById(String grantId) {
    return store.read(mongo -> mongo.findOne(GRANTS, new JsonObject().put("_id", grantId), null))
        .map(document -> Optional.ofNullable(document).map(GrantCodec::fromDocument));
  }

  @Override
  public Future<List<Grant>> listByRecipient(String organisation) {
    return listed(RECIPIENT_GRANTS, organisation, Grant::recipientOrganisation);
  }

  @Override
  public Future<List<Grant>> listByClient(String clientId) {
    return listed(CLIENT_GRANTS, clientId, Grant::clientId);
  }

  @Override
  public Future<List<Grant>> listByCommissioner(String organisation) {
    return listed(COMMISSIONER_GRANTS, organisation, Grant::commissionerOrganisation);
  }

  private Future<List<Grant>> listed(String listCollection, String key, Function<Grant, String> owner) {
    return store.read(mongo -> mongo.findOne(listCollection, new JsonObject().put("_id", key), null)
            .compose(listed -> listed == null
                ? Future.succeededFuture(List.<JsonObject>of())
                : mongo.find(GRANTS, new JsonObject().put("_id",
                    new JsonObject().put("$in", listed.getJsonArray("grantIds", new JsonArray()))))))
        .map(documents -> documents.stream().map(GrantCodec::fromDocument)
            // the list is bookkeeping; the grant itself decides whose it is
            .filter(grant -> owner.apply(grant).equals(key))
            .sorted(Comparator.comparing(Grant::grantedAt).thenComparing(Grant::grantId))
            .toList());
  }

  @Override
  public Future<Optional<Grant>> markNoticeStored(String grantId, Instant at) {
    JsonObject stillUnset = new JsonObject().put("_id", grantId)
        .put(GrantCodec.NOTICE_STORED_AT, new JsonObject().put("$exists", false));
    return store.durably(mongo -> mongo.updateCollection(GRANTS, stillUnset,
            new JsonObject().put("$set", new JsonObject().put(GrantCodec.NOTICE_STORED_AT, date(at)))))
        .compose(changed -> findById(grantId));
  }

  @Override
  public Future<Grant> revoke(String grantId, Instant at) {
    JsonObject notRevoked = new JsonObject().put("_id", grantId).put(GrantCodec.REVOKED_AT, absent());
    return store.durably(mongo -> announce(mongo, grantId, NoticeKind.REVOKED, at)
            .compose(done -> mongo.updateCollection(GRANTS, notRevoked,
                new JsonObject().put("$set", new JsonObject().put(GrantCodec.REVOKED_AT, date(at))))))
        .compose(result -> changedOrWhyNot(grantId, result.getDocMatched() == 1,
            GrantStateException.Reason.REVOKED));
  }

  @Override
  public Future<Grant> raiseObjection(String grantId, Objection objection) {
    JsonObject noObjectionYet = new JsonObject().put("_id", grantId).put(GrantCodec.REVOKED_AT, absent())
        .put(GrantCodec.OBJECTION, absent());
    return store.durably(mongo -> mongo.updateCollection(GRANTS, noObjectionYet,
            new JsonObject().put("$set", new JsonObject().put(GrantCodec.OBJECTION, GrantCodec.objection(objection)))))
        .compose(result -> changedOrWhyNot(grantId, result.getDocMatched() == 1,
            GrantStateException.Reason.OBJECTION_EXISTS));
  }

  @Override
  public Future<Grant> decideObjection(String grantId, Objection.Decision decision) {
    JsonObject openObjection = new JsonObject().put("_id", grantId).put(GrantCodec.REVOKED_AT, absent())
        .put(GrantCodec.OBJECTION, new JsonObject().put("$exists", true))
        .put(GrantCodec.OBJECTION + "." + GrantCodec.DECISION, absent());
    JsonObject set = new JsonObject().put(GrantCodec.OBJECTION + "." + GrantCodec.DECISION,
        GrantCodec.decision(decision));
    if (decision.upheld()) {
      // the client is right: the grant ends in the same write, so no release can slip in between
      set.put(GrantCodec.REVOKED_AT, date(decision.decidedAt()));
    }
    return store.durably(mongo -> announce(mongo, grantId, NoticeKind.OBJECTION_DECIDED, decision.decidedAt())
            .compose(done -> mongo.updateCollection(GRANTS, openObjection, new JsonObject().put("$set", set))))
        .compose(result -> changedOrWhyNot(grantId, result.getDocMatched() == 1,
            GrantStateException.Reason.NO_OPEN_OBJECTION));
  }

  /** The grant after a compare-and-set; when it did not match, why: revoked, or {@code otherwise}. */
  private Future<Grant> changedOrWhyNot(String grantId, boolean changed, GrantStateException.Reason otherwise) {
    return findById(grantId).map(found -> {
      Grant grant = found.orElseThrow(() -> new NotFoundException("grant"));
      if (changed) {
        return grant;
      }
      throw new GrantStateException(grant.revokedAt().isPresent() ? GrantStateException.Reason.REVOKED : otherwise);
    });
  }

  private static JsonObject absent() {
    return new JsonObject().put("$exists", false);
  }

  @Override
  public Future<List<PendingNotice>> pendingNotices() {
    // a handful of documents at any moment: they are removed as soon as the inbox has the notice
    return store.read(mongo -> mongo.find(PENDING_NOTICES, new JsonObject()))
        .map(documents -> documents.stream()
            .map(document -> new PendingNotice(document.getString("grantId"),
                Coded.fromCode(NoticeKind.class, document.getString("kind")), instant(document, "since")))
            .sorted(Comparator.comparing(PendingNotice::since).thenComparing(PendingNotice::noticeId))
            .toList());
  }

  @Override
  public Future<Void> noticeHandled(PendingNotice notice) {
    return store.durably(mongo -> mongo.removeDocument(PENDING_NOTICES,
        new JsonObject().put("_id", notice.noticeId()))).mapEmpty();
  }
}
