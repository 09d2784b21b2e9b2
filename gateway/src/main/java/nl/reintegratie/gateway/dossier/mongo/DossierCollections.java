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
  /**
   * {@code {_id: providerOrganisation, trajectoryIds: [...]}}: which trajectories were commissioned to a provider.
   * The provider of a trajectory never changes, so an entry stays true.
   */
  public static final String PROVIDER_TRAJECTORIES = "dossier_provider_trajectories";
  /**
   * {@code {_id: commissionerOrganisation, trajectoryIds: [...]}}: which trajectories an organisation commissioned.
   * The commissioner of a trajectory never changes either.
   */
  public static final String COMMISSIONER_TRAJECTORIES = "dossier_commissioner_trajectories";
  /**
   * The provider's signature over a submitted document, {@code {_id: "<documentId>:<version>", keyId,
   * signatureInput, signature, contentDigest, created}}, see {@code MongoSubmissionEvidence}.
   */
  public static final String SUBMISSION_EVIDENCE = "dossier_submission_evidence";
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
