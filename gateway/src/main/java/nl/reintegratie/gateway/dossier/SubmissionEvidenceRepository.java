package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Keeps the {@link SubmissionEvidence} of a document version. Writes succeed only once durable; other failures are
 * the store's (503/500).
 */
public interface SubmissionEvidenceRepository {

  /**
   * Keeps the evidence of a version unless it has some already: the first evidence stays, a later one (a retried
   * request, signed anew over the same body) is dropped without failure. Success: the version has evidence.
   */
  Future<Void> keep(String documentId, int version, SubmissionEvidence evidence);

  /** Success: the evidence of that version, or empty. */
  Future<Optional<SubmissionEvidence>> find(String documentId, int version);
}
