package nl.reintegratie.gateway.dossier.mongo;

import java.util.List;
import nl.reintegratie.gateway.store.IndexSpec;

/**
 * The indexes the dossier capability needs besides {@code _id}; pass {@link #ALL} to
 * {@code store.Indexes.ensure} at startup. Both are unique single-field indexes, the only kind the embedded
 * server uses.
 */
public final class DossierIndexes {

  /** One client per BSN hash; also makes {@code findByBsnHash} an index lookup. */
  public static final IndexSpec CLIENT_BSN_HASH = IndexSpec.unique(DossierCollections.CLIENTS, ClientCodec.BSN_HASH);

  /** The compare-and-set key of trajectory updates, {@code "<trajectoryId>:<version>"}. */
  public static final IndexSpec TRAJECTORY_REVISION =
      IndexSpec.unique(DossierCollections.TRAJECTORIES, TrajectoryCodec.REVISION);

  public static final List<IndexSpec> ALL = List.of(CLIENT_BSN_HASH, TRAJECTORY_REVISION);

  private DossierIndexes() {
  }
}
