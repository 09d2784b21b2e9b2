package nl.reintegratie.gateway.audit;

/** What kind of record a {@link SubjectRef} points at. The code is stored and hashed; never rename a code. */
public enum SubjectType {
  /** A grant; it is also the provider's release id. */
  GRANT("grant"),
  TRAJECTORY("trajectory"),
  /** A document version, id {@code <documentId>:<version>} (see {@link SubjectRef#document}). */
  DOCUMENT("document"),
  OBJECTION("objection"),
  /** One of the client's own portfolio items (logbook entry, CV, own account). */
  CLIENT_ITEM("client-item");

  private final String code;

  SubjectType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Failure: {@link IllegalArgumentException} for an unknown code. */
  public static SubjectType fromCode(String code) {
    for (SubjectType type : values()) {
      if (type.code.equals(code)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown subject type");
  }
}
