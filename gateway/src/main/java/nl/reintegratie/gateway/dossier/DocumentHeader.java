package nl.reintegratie.gateway.dossier;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The clear metadata of one immutable version of a document; the content itself is only in
 * {@link StoredDocument}, encrypted. Documents are never changed: a correction is a new version that names the
 * version it supersedes, and every version stays.
 *
 * @param documentId       random id, the same for every version
 * @param version          1, 2, ... without gaps
 * @param trajectoryId     the dossier the document belongs to
 * @param clientId         the client it is about
 * @param contentType      {@code application/json} for structured documents, the file's type (as detected by
 *                         {@link AttachmentContent}) for files; what is allowed depends on the {@link DocumentType}
 * @param plaintextSize    size of the content before encryption, in bytes
 * @param author           organisation id or Keycloak subject id of who wrote this version; never a name
 * @param supersedes       the earlier version this one corrects; present exactly when {@code version > 1}
 * @param correctionReason why; present exactly when {@code supersedes} is
 */
public record DocumentHeader(String documentId, int version, String trajectoryId, String clientId, DocumentType type,
    DocumentProperties properties, String contentType, long plaintextSize, Instant createdAt, String author,
    OptionalInt supersedes, Optional<CorrectionReason> correctionReason) {

  public DocumentHeader {
    Checks.id(documentId, "documentId");
    Checks.positive(version, "version");
    Checks.id(trajectoryId, "trajectoryId");
    Checks.id(clientId, "clientId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(properties, "properties");
    if (!type.allowsContentType(contentType)) {
      throw new IllegalArgumentException("content type not allowed for " + type.code());
    }
    if (plaintextSize < 0) {
      throw new IllegalArgumentException("plaintextSize must not be negative");
    }
    createdAt = Checks.millis(createdAt, "createdAt");
    Checks.author(author);
    Objects.requireNonNull(supersedes, "supersedes");
    Objects.requireNonNull(correctionReason, "correctionReason");
    if (supersedes.isPresent() != (version > 1)
        || supersedes.isPresent() && (supersedes.getAsInt() < 1 || supersedes.getAsInt() >= version)) {
      throw new IllegalArgumentException("a later version supersedes an earlier one; version 1 supersedes none");
    }
    if (correctionReason.isPresent() != supersedes.isPresent()) {
      throw new IllegalArgumentException("a correction, and only a correction, has a reason");
    }
    if (type.writtenBy() == AuthorRole.CLIENT && !properties.clientVisible()) {
      throw new IllegalArgumentException("the client's own items are always visible to the client");
    }
  }

  /** Version 1 of a new document with a fresh random id. */
  public static DocumentHeader first(String trajectoryId, String clientId, DocumentType type,
      DocumentProperties properties, String contentType, long plaintextSize, Instant createdAt, String author) {
    return first(UUID.randomUUID().toString(), trajectoryId, clientId, type, properties, contentType, plaintextSize,
        createdAt, author);
  }

  /** Version 1 of a new document with the given id (see {@link DossierService#addDocument(String, String, DocumentType, DossierService.NewContent)}). */
  public static DocumentHeader first(String documentId, String trajectoryId, String clientId, DocumentType type,
      DocumentProperties properties, String contentType, long plaintextSize, Instant createdAt, String author) {
    return new DocumentHeader(documentId, 1, trajectoryId, clientId, type, properties, contentType,
        plaintextSize, createdAt, author, OptionalInt.empty(), Optional.empty());
  }

  /** The next version of this document, correcting this one. */
  public DocumentHeader correction(CorrectionReason reason, DocumentProperties newProperties, String newContentType,
      long newPlaintextSize, Instant at, String by) {
    return new DocumentHeader(documentId, version + 1, trajectoryId, clientId, type, newProperties, newContentType,
        newPlaintextSize, at, by, OptionalInt.of(version), Optional.of(reason));
  }
}
