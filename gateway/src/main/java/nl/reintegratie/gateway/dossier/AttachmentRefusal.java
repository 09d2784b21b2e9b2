package nl.reintegratie.gateway.dossier;

/** Why an uploaded file was refused; the code can go into a problem+json answer as is. */
public enum AttachmentRefusal implements Coded {
  /** No bytes at all. */
  EMPTY("empty"),
  /** Larger than {@link AttachmentContent#MAX_BYTES}. */
  TOO_LARGE("too-large"),
  /** The content is not a PDF, PNG or JPEG, whatever its name or declared type says. */
  UNSUPPORTED_TYPE("unsupported-type"),
  /** The declared content type is not the type the content really has. */
  TYPE_MISMATCH("type-mismatch"),
  /** A PDF that can run code, start programs or carry files (JavaScript, launch actions, embedded files). */
  ACTIVE_CONTENT("active-content"),
  /** A PDF whose object streams cannot be inspected (unknown filter, encrypted, or expanding too far). */
  UNINSPECTABLE("uninspectable");

  private final String code;

  AttachmentRefusal(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
