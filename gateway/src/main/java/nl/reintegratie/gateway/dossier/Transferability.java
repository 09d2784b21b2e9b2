package nl.reintegratie.gateway.dossier;

/** Whether a document goes to the next provider when a dossier is handed over. */
public enum Transferability implements Coded {
  /** Always part of the handover (e.g. the end report). */
  ALWAYS("always"),
  /** Only when the handover names a reason for this document. */
  WITH_JUSTIFICATION("with-justification"),
  /** Never handed over (e.g. the client's own logbook, unless the client chooses otherwise). */
  NEVER("never");

  private final String code;

  Transferability(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
