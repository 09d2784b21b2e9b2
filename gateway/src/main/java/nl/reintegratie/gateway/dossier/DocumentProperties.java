package nl.reintegratie.gateway.dossier;

import java.util.Objects;

/**
 * Three independent properties of every document. They are deliberately separate: users of Open Zaak found that
 * one combined "confidentiality level" could not say "the client may see this, but it stays with this provider",
 * or "health information, yet the client's own".
 *
 * @param confidentiality which compartment the content belongs to
 * @param clientVisible   whether the client sees the document in the portal
 * @param transferability whether it goes to the next provider at a handover
 */
public record DocumentProperties(Confidentiality confidentiality, boolean clientVisible,
    Transferability transferability) {

  public DocumentProperties {
    Objects.requireNonNull(confidentiality, "confidentiality");
    Objects.requireNonNull(transferability, "transferability");
    if (confidentiality == Confidentiality.HEALTH && transferability == Transferability.ALWAYS) {
      // health information only ever moves with a reason that can be checked afterwards
      throw new IllegalArgumentException("health documents cannot be transferable always");
    }
  }

  /**
   * The properties a new document of {@code type} gets unless someone decides otherwise: provider reports are
   * standard, visible and always transferred; contact moments and attachments need a justification; the client's
   * own items are visible to them and stay with them until they choose to share.
   */
  public static DocumentProperties defaultsFor(DocumentType type) {
    switch (type) {
      case CONTACT_MOMENT:
      case ATTACHMENT:
        return new DocumentProperties(Confidentiality.STANDARD, true, Transferability.WITH_JUSTIFICATION);
      case LOGBOOK_ENTRY:
      case PORTFOLIO_DOCUMENT:
      case OWN_ACCOUNT:
        return new DocumentProperties(Confidentiality.STANDARD, true, Transferability.NEVER);
      default:
        return new DocumentProperties(Confidentiality.STANDARD, true, Transferability.ALWAYS);
    }
  }

  /** An attachment with health information, e.g. a doctor's letter the client handed in. */
  public static DocumentProperties healthAttachment() {
    return new DocumentProperties(Confidentiality.HEALTH, true, Transferability.WITH_JUSTIFICATION);
  }

  /** These properties with another transferability, e.g. as chosen by the client for their own items. */
  public DocumentProperties withTransferability(Transferability chosen) {
    return new DocumentProperties(confidentiality, clientVisible, chosen);
  }
}
