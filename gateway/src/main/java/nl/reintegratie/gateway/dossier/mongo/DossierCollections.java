package nl.reintegratie.gateway.dossier.mongo;

/** The collections of the dossier capability. Every hot lookup in them is a single-field one on {@code _id}. */
public final class DossierCollections {

  /** {@code {_id: clientId, bsnHash, ...}}; {@code bsnHash} has a unique index. */
  public static final String CLIENTS = "dossier_clients";
  /** {@code {_id: clientId, kekVersion, wrappedKey, createdAt}}. */
  public static final String CLIENT_KEYS = "dossier_client_keys";
  /** {@code {_id: trajectoryId, revision: "<trajectoryId>:<version>", ...}}; {@code revision} is unique. */
  public static final String TRAJECTORIES = "dossier_trajectories";
  /** {@code {_id: clientId, trajectoryIds: [...]}}: which trajectories a client has. */
  public static final String CLIENT_TRAJECTORIES = "dossier_client_trajectories";
  /** Document headers, {@code {_id: "<documentId>:<version>", ..., contentId}}. */
  public static final String DOCUMENT_VERSIONS = "dossier_document_versions";
  /** Encrypted contents, {@code {_id: contentId, versionKey, wrappedDataKey, ciphertext}}. */
  public static final String DOCUMENT_CONTENTS = "dossier_document_contents";
  /** Per dossier: {@code {_id: trajectoryId, documents: {<documentId>: {version, header}}}}, see DocumentIndex. */
  public static final String DOCUMENTS_BY_TRAJECTORY = "dossier_documents_by_trajectory";
  /** The same per client. */
  public static final String DOCUMENTS_BY_CLIENT = "dossier_documents_by_client";

  private DossierCollections() {
  }
}
