package nl.reintegratie.gateway.transfer.mongo;

/** The collections of the transfer capability; every lookup in them is by {@code _id}. */
public final class TransferCollections {

  /** {@code {_id: grantId, clientId, ..., documents: [{documentId, version}], revokedAt?}}. */
  public static final String GRANTS = "transfer_grants";
  /** {@code {_id: recipientOrganisation, grantIds: [...]}}: which grants were made to a provider. */
  public static final String RECIPIENT_GRANTS = "transfer_recipient_grants";

  private TransferCollections() {
  }
}
