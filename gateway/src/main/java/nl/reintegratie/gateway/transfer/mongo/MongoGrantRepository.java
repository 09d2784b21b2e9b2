package nl.reintegratie.gateway.transfer.mongo;

import static nl.reintegratie.gateway.transfer.mongo.TransferCollections.GRANTS;
import static nl.reintegratie.gateway.transfer.mongo.TransferCollections.RECIPIENT_GRANTS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.GrantRepository;

/**
 * {@link GrantRepository} in {@value TransferCollections#GRANTS}, with the per-recipient list in
 * {@value TransferCollections#RECIPIENT_GRANTS} ({@code {_id: organisation, grantIds: [...]}}), written the way the
 * dossier lists its trajectories per provider: the id is added with an atomic, idempotent {@code $addToSet}
 * <em>before</em> the grant is inserted, so a crash in between leaves at most an id without a grant (skipped by
 * readers), never a grant its recipient cannot list. The embedded server only looks up by {@code _id} without a
 * scan, hence the list document instead of an index on {@code recipientOrganisation}.
 */
public final class MongoGrantRepository implements GrantRepository {

  private final Store store;

  public MongoGrantRepository(Store store) {
    this.store = store;
  }

  @Override
  public Future<Void> create(Grant grant) {
    JsonObject listed = new JsonObject().put("$addToSet", new JsonObject().put("grantIds", grant.grantId()));
    return store.durably(mongo -> mongo.updateCollectionWithOptions(RECIPIENT_GRANTS,
            new JsonObject().put("_id", grant.recipientOrganisation()), listed, new UpdateOptions().setUpsert(true))
        .compose(done -> mongo.insert(GRANTS, GrantCodec.toDocument(grant))))
        .mapEmpty();
  }

  @Override
  public Future<Optional<Grant>> findById(String grantId) {
    return store.read(mongo -> mongo.findOne(GRANTS, new JsonObject().put("_id", grantId), null))
        .map(document -> Optional.ofNullable(document).map(GrantCodec::fromDocument));
  }

  @Override
  public Future<List<Grant>> listByRecipient(String organisation) {
    return store.read(mongo -> mongo.findOne(RECIPIENT_GRANTS, new JsonObject().put("_id", organisation), null)
            .compose(listed -> listed == null
                ? Future.succeededFuture(List.<JsonObject>of())
                : mongo.find(GRANTS, new JsonObject().put("_id",
                    new JsonObject().put("$in", listed.getJsonArray("grantIds", new JsonArray()))))))
        .map(documents -> documents.stream().map(GrantCodec::fromDocument)
            // the list is bookkeeping; the grant itself decides whose it is
            .filter(grant -> grant.recipientOrganisation().equals(organisation))
            .sorted(Comparator.comparing(Grant::grantedAt).thenComparing(Grant::grantId))
            .toList());
  }
}
