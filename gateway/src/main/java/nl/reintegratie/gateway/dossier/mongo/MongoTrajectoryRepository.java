package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.dossier.mongo.DossierCollections.CLIENT_TRAJECTORIES;
import static nl.reintegratie.gateway.dossier.mongo.DossierCollections.COMMISSIONER_TRAJECTORIES;
import static nl.reintegratie.gateway.dossier.mongo.DossierCollections.PROVIDER_TRAJECTORIES;
import static nl.reintegratie.gateway.dossier.mongo.DossierCollections.TRAJECTORIES;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.dossier.AlreadyExistsException;
import nl.reintegratie.gateway.dossier.StaleVersionException;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryRepository;
import nl.reintegratie.gateway.store.Store;

/**
 * {@link TrajectoryRepository} in {@value DossierCollections#TRAJECTORIES}.
 *
 * <p><b>Optimistic concurrency on one document.</b> Each trajectory carries {@code revision =
 * "<trajectoryId>:<version>"} under a unique index. An update is one find-and-modify whose filter is that single
 * field: it matches only while the stored version is still the one the change was based on, and sets the next
 * revision atomically. A filter {@code {_id, version}} would do the same on MongoDB, but the embedded server scans
 * the whole collection for any filter that is not exactly one indexed field.
 *
 * <p><b>Trajectories per client</b> come from {@value DossierCollections#CLIENT_TRAJECTORIES},
 * {@code {_id: clientId, trajectoryIds: [...]}}, to which {@link #create} adds the id <em>before</em> inserting the
 * trajectory. A crash in between leaves an id without a trajectory, which readers skip; a trajectory is never
 * stored without being listed.
 *
 * <p><b>Trajectories per provider</b> work the same way, in {@value DossierCollections#PROVIDER_TRAJECTORIES},
 * {@code {_id: providerOrganisation, trajectoryIds: [...]}}: one document per provider, found by {@code _id}, the
 * only kind of lookup the embedded server does without a scan (it ignores non-unique secondary indexes, so an index
 * on {@code providerOrganisation} would not help). {@code $addToSet} on one document is atomic and idempotent, so a
 * retried create lists the id once. The id is added before the trajectory is inserted, so a crash in between never
 * leaves a provider's trajectory missing from its list; the reader skips ids without a trajectory and, because a
 * failed create on a taken id leaves its id under the wrong provider, drops every trajectory whose provider is not
 * the one asked for. One document per provider holds about 40 bytes per trajectory: 10,000 trajectories are about
 * 400 KB, well under MongoDB's 16 MB document limit; beyond that the list needs buckets (one document per provider
 * and year).
 *
 * <p><b>Trajectories per commissioner</b> likewise, in {@value DossierCollections#COMMISSIONER_TRAJECTORIES}, keyed
 * by the commissioner organisation, with the same order of writes, the same filter on read and the same size limit.
 * Trajectories created before this list existed are not in it.
 */
public final class MongoTrajectoryRepository implements TrajectoryRepository {

  private final Store store;

  public MongoTrajectoryRepository(Store store) {
    this.store = store;
  }

  @Override
  public Future<Void> create(Trajectory trajectory) {
    if (trajectory.version() != 1) {
      return Future.failedFuture(new IllegalArgumentException("a new trajectory has version 1"));
    }
    Future<String> written = store.durably(mongo -> listUnderClient(mongo, trajectory)
        .compose(listed -> listUnder(mongo, PROVIDER_TRAJECTORIES, trajectory.providerOrganisation(), trajectory))
        .compose(listed -> listUnder(mongo, COMMISSIONER_TRAJECTORIES, trajectory.commissionerOrganisation(),
            trajectory))
        .compose(listed -> mongo.insert(TRAJECTORIES, TrajectoryCodec.toDocument(trajectory))));
    return StoreFailures.duplicateAs(written, AlreadyExistsException.Kind.TRAJECTORY).mapEmpty();
  }

  private static Future<?> listUnderClient(MongoClient mongo, Trajectory trajectory) {
    JsonObject update = new JsonObject().put("$addToSet",
        new JsonObject().put("trajectoryIds", trajectory.trajectoryId()));
    return mongo.updateCollectionWithOptions(CLIENT_TRAJECTORIES,
        new JsonObject().put("_id", trajectory.clientId()), update, new UpdateOptions().setUpsert(true));
  }

  /** Adds the trajectory's id to the list document {@code listId} of {@code listCollection} (atomic, idempotent). */
  private static Future<?> listUnder(MongoClient mongo, String listCollection, String listId, Trajectory trajectory) {
    JsonObject update = new JsonObject().put("$addToSet",
        new JsonObject().put("trajectoryIds", trajectory.trajectoryId()));
    return mongo.updateCollectionWithOptions(listCollection, new JsonObject().put("_id", listId), update,
        new UpdateOptions().setUpsert(true));
  }

  @Override
  public Future<Optional<Trajectory>> findById(String trajectoryId) {
    return store.read(mongo -> mongo.findOne(TRAJECTORIES, new JsonObject().put("_id", trajectoryId), null))
        .map(document -> Optional.ofNullable(document).map(TrajectoryCodec::fromDocument));
  }

  @Override
  public Future<List<Trajectory>> listByClient(String clientId) {
    return listed(CLIENT_TRAJECTORIES, clientId)
        .map(trajectories -> trajectories.stream()
            // an id whose create failed on a taken trajectory id could point at another client's trajectory
            .filter(trajectory -> trajectory.clientId().equals(clientId))
            .sorted(Comparator.comparingInt(Trajectory::sequenceNumber).thenComparing(Trajectory::createdAt))
            .collect(Collectors.toList()));
  }

  @Override
  public Future<List<Trajectory>> listByProvider(String providerOrganisation) {
    return listed(PROVIDER_TRAJECTORIES, providerOrganisation)
        .map(trajectories -> trajectories.stream()
            // the list is bookkeeping; the trajectory itself decides whose it is
            .filter(trajectory -> trajectory.providerOrganisation().equals(providerOrganisation))
            .sorted(Comparator.comparing(Trajectory::createdAt).thenComparing(Trajectory::trajectoryId))
            .collect(Collectors.toList()));
  }

  @Override
  public Future<List<Trajectory>> listByCommissioner(String commissionerOrganisation) {
    return listed(COMMISSIONER_TRAJECTORIES, commissionerOrganisation)
        .map(trajectories -> trajectories.stream()
            // the list is bookkeeping; the trajectory itself decides whose it is
            .filter(trajectory -> trajectory.commissionerOrganisation().equals(commissionerOrganisation))
            .sorted(Comparator.comparing(Trajectory::createdAt).thenComparing(Trajectory::trajectoryId))
            .collect(Collectors.toList()));
  }

  /** The trajectories whose ids the list document {@code listId} of {@code listCollection} holds, unfiltered. */
  private Future<List<Trajectory>> listed(String listCollection, String listId) {
    return store.read(mongo -> mongo.findOne(listCollection, new JsonObject().put("_id", listId), null)
        .compose(listed -> listed == null
            ? Future.succeededFuture(List.<JsonObject>of())
            : mongo.find(TRAJECTORIES, new JsonObject().put("_id",
                new JsonObject().put("$in", listed.getJsonArray("trajectoryIds", new JsonArray()))))))
        .map(documents -> documents.stream().map(TrajectoryCodec::fromDocument).toList());
  }

  @Override
  public Future<Trajectory> update(Trajectory changed) {
    long next = changed.version() + 1;
    JsonObject set = TrajectoryCodec.changeableFields(changed)
        .put(TrajectoryCodec.REVISION, TrajectoryCodec.revision(changed.trajectoryId(), next))
        .put(TrajectoryCodec.VERSION, next);
    JsonObject update = new JsonObject().put("$set", set);
    JsonObject unset = new JsonObject();
    TrajectoryCodec.OPTIONAL_CHANGEABLE_FIELDS.stream().filter(field -> !set.containsKey(field))
        .forEach(field -> unset.put(field, ""));
    if (!unset.isEmpty()) {
      update.put("$unset", unset);
    }
    JsonObject expected = new JsonObject()
        .put(TrajectoryCodec.REVISION, TrajectoryCodec.revision(changed.trajectoryId(), changed.version()));
    return store.durably(mongo -> mongo.findOneAndUpdateWithOptions(TRAJECTORIES, expected, update,
            new FindOptions(), new UpdateOptions().setReturningNewDocument(true)))
        .compose(stored -> stored != null
            ? Future.succeededFuture(TrajectoryCodec.fromDocument(stored))
            : whyNotUpdated(changed.trajectoryId()));
  }

  /** Only after a failed compare-and-set: tells a stale version from a missing trajectory. */
  private Future<Trajectory> whyNotUpdated(String trajectoryId) {
    return findById(trajectoryId).compose(current -> Future.failedFuture(current.isPresent()
        ? new StaleVersionException("trajectory")
        : new NoSuchElementException("no such trajectory")));
  }

  @Override
  public Future<List<Trajectory>> page(Optional<String> afterTrajectoryId, int limit) {
    return Paging.page(store, TRAJECTORIES, afterTrajectoryId, limit)
        .map(documents -> documents.stream().map(TrajectoryCodec::fromDocument).collect(Collectors.toList()));
  }
}
