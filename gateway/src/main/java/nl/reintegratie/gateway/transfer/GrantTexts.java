package nl.reintegratie.gateway.transfer;

import nl.reintegratie.protocol.crypto.AssociatedData;

/**
 * Where the free texts about a grant are sealed: each under the client's key ({@code DossierService#sealForClient}),
 * bound by its associated data to what it is and to its grant, so a text copied to another grant or another place
 * does not open, and shredding the client makes them all unreadable. These are part of the storage format: whoever
 * seals or opens one of these texts (the commissioner's side here, the client's side for the objection) uses these
 * and nothing else.
 */
public final class GrantTexts {

  private GrantTexts() {
  }

  /** The officer's reasons written with the grant: UTF-8 JSON, see {@link GrantReasons}. */
  public static AssociatedData grantReasons(String grantId) {
    return AssociatedData.of("grant-reasons", grantId);
  }

  /** The client's own explanation of their objection: UTF-8 text. */
  public static AssociatedData objectionReason(String grantId) {
    return AssociatedData.of("objection-reason", grantId);
  }

  /** The commissioner's reasons for the decision on the objection: UTF-8 text. */
  public static AssociatedData objectionDecision(String grantId) {
    return AssociatedData.of("objection-decision-reasons", grantId);
  }
}
