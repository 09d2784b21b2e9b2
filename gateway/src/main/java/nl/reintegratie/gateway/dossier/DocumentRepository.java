package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Stores immutable document versions: the clear {@link DocumentHeader} and the encrypted content, byte for byte.
 * Versions of a document are 1, 2, ... without gaps; none is ever changed. Writes succeed only once durable;
 * other failures are the store's (503/500).
 *
 * <p><b>Crash behaviour.</b> Storing a version takes several single-document writes (there are no transactions),
 * ordered so that a crash between any two of them leaves nothing visible half-done: the version either is not
 * there at all, or is found by every read below, including the listings, which then may briefly rely on a slower
 * lookup until the next write of that document repairs their index.
 */
public interface DocumentRepository {

  /**
   * Stores a new version. Version 1 starts a document; version n > 1 requires version n - 1 to exist with the
   * same dossier, client and type.
   *
   * <p>Success: stored and durable. Failure: {@link AlreadyExistsException} of kind
   * {@link AlreadyExistsException.Kind#DOCUMENT_VERSION} when this version exists already: someone else stored a
   * correction first; read the latest and decide again. {@link IllegalArgumentException} when the previous version
   * is missing or belongs elsewhere. When the store fails (503) the version may or may not have been stored; check
   * with {@link #findVersion} before retrying.
   */
  Future<Void> insertVersion(StoredDocument document);

  /** Success: that version with its content, or empty. */
  Future<Optional<StoredDocument>> findVersion(String documentId, int version);

  /** Success: the highest version with its content, or empty when the document does not exist. */
  Future<Optional<StoredDocument>> findLatest(String documentId);

  /** Success: the headers of all versions, oldest first (empty when the document does not exist). */
  Future<List<DocumentHeader>> listVersions(String documentId);

  /**
   * Success: the header of the latest version of every document in the dossier, in document id order. Contents
   * are not loaded; fetch them with {@link #findVersion}.
   */
  Future<List<DocumentHeader>> listByTrajectory(String trajectoryId);

  /** Success: like {@link #listByTrajectory}, over all dossiers of the client. */
  Future<List<DocumentHeader>> listByClient(String clientId);
}
