package nl.reintegratie.gateway.dossier;

/**
 * Why a new version of a document was written. A code, not free text: the reason is clear metadata, and an
 * explanation in words belongs in the (encrypted) content of the new version.
 */
public enum CorrectionReason implements Coded {
  /** Something in the earlier version was wrong. */
  FACTUAL_ERROR("factual-error"),
  /** Something was missing. */
  INCOMPLETE("incomplete"),
  /** The client asked for rectification (art. 16 AVG). */
  CLIENT_REQUEST("client-request"),
  /** Only the document's properties changed (e.g. the client now allows a handover). */
  PROPERTIES_CHANGED("properties-changed"),
  OTHER("other");

  private final String code;

  CorrectionReason(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
