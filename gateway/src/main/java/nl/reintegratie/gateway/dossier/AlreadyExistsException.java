package nl.reintegratie.gateway.dossier;

import java.util.Objects;

/** A record with the same identity already exists; nothing was written. */
public final class AlreadyExistsException extends ConflictException {

  /** Which identity was taken. */
  public enum Kind {
    /** A client with this client id. */
    CLIENT,
    /** A client with this BSN hash: the person is already registered. */
    CLIENT_BSN_HASH,
    /** A key for this client. */
    CLIENT_KEY,
    /** A trajectory with this id. */
    TRAJECTORY,
    /** This version of this document: someone else stored a version (e.g. a concurrent correction) first. */
    DOCUMENT_VERSION,
    /** A grant with this id. */
    GRANT
  }

  private final Kind kind;

  public AlreadyExistsException(Kind kind) {
    super(Objects.requireNonNull(kind, "kind").name().toLowerCase(java.util.Locale.ROOT) + " already exists");
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
