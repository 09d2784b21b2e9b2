package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Stores trajectories (clear metadata). Writes succeed only once durable; other failures are the store's
 * (503/500).
 */
public interface TrajectoryRepository {

  /**
   * Stores a new trajectory, which must have version 1. Failure: {@link AlreadyExistsException} of kind
   * {@link AlreadyExistsException.Kind#TRAJECTORY} when the id is taken; {@link IllegalArgumentException} for
   * another version.
   */
  Future<Void> create(Trajectory trajectory);

  /** Success: the trajectory or empty. */
  Future<Optional<Trajectory>> findById(String trajectoryId);

  /** Success: every trajectory of the client, ordered by sequence number (empty list when none). */
  Future<List<Trajectory>> listByClient(String clientId);

  /**
   * Success: every trajectory commissioned to the provider organisation, oldest first (empty list when none). Only
   * trajectories whose {@code providerOrganisation} is exactly this organisation are ever returned: this is what
   * the provider API shows a provider, so the listing must not leak another provider's trajectory even when its own
   * bookkeeping is off.
   */
  Future<List<Trajectory>> listByProvider(String providerOrganisation);

  /**
   * Success: every trajectory the commissioner organisation commissioned, oldest first (empty list when none). As
   * for {@link #listByProvider}, only trajectories whose {@code commissionerOrganisation} is exactly this organisation
   * are returned: the commissioner API shows this list to that organisation's officers.
   */
  Future<List<Trajectory>> listByCommissioner(String commissionerOrganisation);

  /**
   * Stores {@code changed}, which was derived from the stored trajectory with version {@code changed.version()},
   * as version + 1 (optimistic concurrency: a compare-and-set on one document). Id, client, commissioner,
   * provider, regime, type, sequence number and creation time never change; those of {@code changed} are ignored.
   *
   * <p>Success: the trajectory as now stored. Failure: {@link StaleVersionException} when someone else updated it
   * first (read again and retry); {@link java.util.NoSuchElementException} when it does not exist.
   */
  Future<Trajectory> update(Trajectory changed);

  /**
   * For batch jobs, off the request path: up to {@code limit} trajectories with an id after
   * {@code afterTrajectoryId} (from the first when empty), in id order; a short page is the end.
   */
  Future<List<Trajectory>> page(Optional<String> afterTrajectoryId, int limit);
}
