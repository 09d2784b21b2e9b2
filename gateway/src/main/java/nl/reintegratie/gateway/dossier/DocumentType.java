package nl.reintegratie.gateway.dossier;

/**
 * The kinds of document in a dossier, who writes them, and what they may contain: structured JSON, an uploaded
 * file (PDF, PNG, JPEG; see {@link AttachmentContent}), or either.
 */
public enum DocumentType implements Coded {
  PLAN_OF_APPROACH("plan-of-approach", AuthorRole.PROVIDER, Form.STRUCTURED),
  PROGRESS_REPORT("progress-report", AuthorRole.PROVIDER, Form.STRUCTURED),
  REPORT_BACK("report-back", AuthorRole.PROVIDER, Form.STRUCTURED),
  END_REPORT("end-report", AuthorRole.PROVIDER, Form.STRUCTURED),
  CONTACT_MOMENT("contact-moment", AuthorRole.PROVIDER, Form.STRUCTURED),
  ATTACHMENT("attachment", AuthorRole.PROVIDER, Form.FILE),
  LOGBOOK_ENTRY("logbook-entry", AuthorRole.CLIENT, Form.STRUCTURED),
  PORTFOLIO_DOCUMENT("portfolio-document", AuthorRole.CLIENT, Form.EITHER),
  OWN_ACCOUNT("own-account", AuthorRole.CLIENT, Form.STRUCTURED);

  /** Content type of structured documents. */
  public static final String JSON = "application/json";

  private enum Form { STRUCTURED, FILE, EITHER }

  private final String code;
  private final AuthorRole writtenBy;
  private final Form form;

  DocumentType(String code, AuthorRole writtenBy, Form form) {
    this.code = code;
    this.writtenBy = writtenBy;
    this.form = form;
  }

  @Override
  public String code() {
    return code;
  }

  /** Who writes documents of this type. */
  public AuthorRole writtenBy() {
    return writtenBy;
  }

  /** Whether a document of this type may have {@code contentType}. */
  public boolean allowsContentType(String contentType) {
    boolean json = JSON.equals(contentType);
    boolean file = AttachmentType.fromMediaType(contentType).isPresent();
    switch (form) {
      case STRUCTURED:
        return json;
      case FILE:
        return file;
      default:
        return json || file;
    }
  }
}
