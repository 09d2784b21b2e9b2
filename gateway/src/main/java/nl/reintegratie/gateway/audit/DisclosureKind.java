package nl.reintegratie.gateway.audit;

/** What happened to a client's data. The code is what the log stores and hashes; never rename a code. */
public enum DisclosureKind {
  /** A commissioner granted a release of selected documents to the next provider. */
  GRANT("grant"),
  /** A commissioner revoked a grant. */
  REVOCATION("revocation"),
  /** The client objected to a grant (art. 21 GDPR): the release pauses. */
  OBJECTION("objection"),
  /** The commissioner decided on an objection. */
  OBJECTION_DECISION("objection-decision"),
  /** A provider fetched a release. */
  RELEASE_FETCH("release-fetch"),
  /** Someone other than the client read the client's data (a commissioner, a supervisor, an operator). */
  CLIENT_DATA_READ("client-data-read");

  private final String code;

  DisclosureKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Failure: {@link IllegalArgumentException} for an unknown code. */
  public static DisclosureKind fromCode(String code) {
    for (DisclosureKind kind : values()) {
      if (kind.code.equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown disclosure kind");
  }
}
