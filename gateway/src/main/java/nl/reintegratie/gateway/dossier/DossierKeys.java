package nl.reintegratie.gateway.dossier;

import nl.reintegratie.protocol.crypto.AssociatedData;

/**
 * What each ciphertext and wrapped key of a dossier is bound to. Changing any of these
 * strings makes existing data unreadable: they are part of the storage format.
 */
final class DossierKeys {

  private DossierKeys() {}

  /** A client's key, wrapped by a key-encryption key, belongs to that client only. */
  static AssociatedData clientKey(String clientId) {
    return AssociatedData.of("client-key/v1", clientId);
  }

  /** The client's name and contact details. */
  static AssociatedData personalData(String clientId) {
    return AssociatedData.of("personal-data/v1", clientId);
  }

  /** The data key of the client's personal data, wrapped by the client's key. */
  static AssociatedData personalDataKey(String clientId) {
    return AssociatedData.of("personal-data-key/v1", clientId);
  }

  /**
   * A document version's content: moved to another record, dossier, type or version, it no
   * longer decrypts.
   */
  static AssociatedData document(DocumentHeader header) {
    return AssociatedData.of("document/v1", header.documentId(), header.trajectoryId(), header.clientId(),
        header.type().code(), Integer.toString(header.version()));
  }

  /** A document version's data key, wrapped by the client's key. */
  static AssociatedData documentKey(DocumentHeader header) {
    return AssociatedData.of("document-key/v1", header.documentId(), header.clientId(),
        Integer.toString(header.version()));
  }

  /**
   * A text sealed inside a trajectory record ({@link SealedText}), e.g. a commissioner's explanation: bound to the
   * trajectory, the client and its place in the record, so it does not open when copied to another decision.
   */
  static AssociatedData text(String trajectoryId, String clientId, String place) {
    return AssociatedData.of("trajectory-text/v1", trajectoryId, clientId, place);
  }
}
