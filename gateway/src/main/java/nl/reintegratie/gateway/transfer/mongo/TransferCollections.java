package nl.reintegratie.gateway.transfer.mongo;

/** The collections of the transfer capability; every lookup in them is by {@code _id}. */
public final class TransferCollections {

  /** {@code {_id: grantId, clientId, ..., documents: [{documentId, version}], revokedAt?, objection?}}. */
  public static final String GRANTS = "transfer_grants";
  /** {@code {_id: recipientOrganisation, grantIds: [...]}}: which grants were made to a provider. */
  public static final String RECIPIENT_GRANTS = "transfer_recipient_grants";
  /** {@code {_id: clientId, grantIds: [...]}}: which grants are about a client. */
  public static final String CLIENT_GRANTS = "transfer_client_grants";
  /** {@code {_id: commissionerOrganisation, grantIds: [...]}}: which grants a commissioner made. */
  public static final String COMMISSIONER_GRANTS = "transfer_commissioner_grants";
  /** {@code {_id: "<grantId>:<kind>", grantId, kind, since}}: notices announced, not yet known in the inbox. */
  public static final String PENDING_NOTICES = "transfer_pending_notices";

  private TransferCollections() {
  }
}
