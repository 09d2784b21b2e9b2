package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a client sees of their own dossier in the portal: their trajectories, with the commissioner's explanations
 * of the decisions about them opened (they are about the client), and the documents marked visible to the client
 * ({@link DocumentProperties#clientVisible}). The client id comes from the login, never from the request.
 *
 * <p><b>Not yours is not there.</b> Another client's trajectory, a document of another trajectory, and a document the
 * client may not see all fail with the same {@link NotFoundException} as one that does not exist.
 *
 * <p>A client reading their own records is not a disclosure: nothing is appended to the disclosure log here.
 */
public final class ClientDossiers {

  private final DossierService dossiers;

  public ClientDossiers(DossierService dossiers) {
    this.dossiers = Objects.requireNonNull(dossiers);
  }

  /** Success: the client's trajectories, first chance first, each with its explanations opened. */
  public Future<List<CommissionerDossiers.Explained>> trajectories(String clientId) {
    return dossiers.trajectoriesOfClient(clientId)
        .compose(trajectories -> {
          List<Future<CommissionerDossiers.Explained>> opened = trajectories.stream()
              // the per-client list is bookkeeping; the trajectory itself says whose it is
              .filter(trajectory -> trajectory.clientId().equals(clientId))
              .sorted(Comparator.comparingInt(Trajectory::sequenceNumber)
                  .thenComparing(Trajectory::createdAt).thenComparing(Trajectory::trajectoryId))
              .map(trajectory -> TrajectoryExplanations.open(dossiers, trajectory))
              .toList();
          return Future.all(opened).map(all -> opened.stream().map(Future::result).toList());
        });
  }

  /** Success: the trajectory with its explanations opened. Failure: {@link NotFoundException} unless it is theirs. */
  public Future<CommissionerDossiers.Explained> trajectory(String clientId, String trajectoryId) {
    return own(clientId, trajectoryId).compose(trajectory -> TrajectoryExplanations.open(dossiers, trajectory));
  }

  /**
   * Success: the header of the latest version of every document of the trajectory the client may see, oldest first.
   * Failure: {@link NotFoundException} unless the trajectory is theirs.
   */
  public Future<List<DocumentHeader>> documents(String clientId, String trajectoryId) {
    return own(clientId, trajectoryId)
        .compose(trajectory -> dossiers.listDocuments(trajectoryId))
        .map(headers -> headers.stream().filter(header -> visibleTo(clientId, trajectoryId, header))
            .sorted(Comparator.comparing(DocumentHeader::createdAt).thenComparing(DocumentHeader::documentId))
            .toList());
  }

  /**
   * Success: the latest version of the document, decrypted. Failure: {@link NotFoundException} unless the trajectory
   * is theirs, the document belongs to it and its latest version is visible to the client (checked on the clear
   * header before anything is decrypted); the dossier's failures ({@link ShreddedException}, an integrity failure).
   */
  public Future<DossierService.OpenedDocument> document(String clientId, String trajectoryId, String documentId) {
    return documents(clientId, trajectoryId)
        .compose(visible -> visible.stream().filter(header -> header.documentId().equals(documentId)).findFirst()
            // the version that was checked, even when a correction arrives in between
            .map(header -> dossiers.readDocument(documentId, OptionalInt.of(header.version())))
            .orElseGet(() -> Future.failedFuture(new NotFoundException("document"))))
        .map(opened -> {
          if (!visibleTo(clientId, trajectoryId, opened.header())) {
            throw new NotFoundException("document");
          }
          return opened;
        });
  }

  private Future<Trajectory> own(String clientId, String trajectoryId) {
    return dossiers.findTrajectory(trajectoryId).compose(found -> found
        .filter(trajectory -> trajectory.clientId().equals(clientId))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException("trajectory"))));
  }

  private static boolean visibleTo(String clientId, String trajectoryId, DocumentHeader header) {
    return header.clientId().equals(clientId) && header.trajectoryId().equals(trajectoryId)
        && header.properties().clientVisible();
  }
}
