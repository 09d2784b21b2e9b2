package nl.reintegratie.gateway.audit;

/**
 * A record an entry is about, by type and id: never its content. Stored and hashed as {@code "<type>:<id>"}.
 */
public record SubjectRef(SubjectType type, String id) {

  public SubjectRef {
    java.util.Objects.requireNonNull(type, "type");
    AuditIds.id(id, "subject id");
  }

  public static SubjectRef grant(String grantId) {
    return new SubjectRef(SubjectType.GRANT, grantId);
  }

  public static SubjectRef trajectory(String trajectoryId) {
    return new SubjectRef(SubjectType.TRAJECTORY, trajectoryId);
  }

  /** One version of a document: id {@code <documentId>:<version>}. */
  public static SubjectRef document(String documentId, int version) {
    if (version < 1) {
      throw new IllegalArgumentException("version must be positive");
    }
    return new SubjectRef(SubjectType.DOCUMENT, documentId + ":" + version);
  }

  public static SubjectRef objection(String objectionId) {
    return new SubjectRef(SubjectType.OBJECTION, objectionId);
  }

  public static SubjectRef clientItem(String itemId) {
    return new SubjectRef(SubjectType.CLIENT_ITEM, itemId);
  }

  /** The stored and hashed form, {@code "<type>:<id>"}. */
  public String code() {
    return type.code() + ":" + id;
  }

  /** The reverse of {@link #code()}. Failure: {@link IllegalArgumentException}. */
  public static SubjectRef fromCode(String code) {
    int colon = code.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("not a subject code");
    }
    return new SubjectRef(SubjectType.fromCode(code.substring(0, colon)), code.substring(colon + 1));
  }
}
