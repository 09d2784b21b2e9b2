package nl.reintegratie.gateway.signature.mongo;

import java.util.List;
import nl.reintegratie.gateway.store.IndexSpec;

/**
 * The collections of the signature capability and the indexes they need besides {@code _id}; pass {@link #INDEXES}
 * to {@code store.Indexes.ensure} at startup. Every hot lookup is a single-field one on {@code _id}.
 */
public final class SignatureCollections {

  /**
   * {@code {_id: organisationId, name, kvk, oin, active, encryptionKey?, healthDataAttestation?: {attestedOn,
   * validUntil, reference, recordedBy, recordedAt}}}; {@code oin} is unique.
   */
  public static final String ORGANISATIONS = "provider_organisations";
  /** {@code {_id: keyId, organisationId, algorithm, publicKey, validFrom, validUntil, revoked}}. */
  public static final String SIGNING_KEYS = "provider_signing_keys";
  /** {@code {_id: "<keyId>:<nonce>", expiresAt}}: one document per nonce seen, see {@link MongoNonceLedger}. */
  public static final String NONCES = "signature_nonces";

  /** One organisation per OIN. */
  public static final IndexSpec ORGANISATION_OIN = IndexSpec.unique(ORGANISATIONS, ProviderCodec.OIN);

  public static final List<IndexSpec> INDEXES = List.of(ORGANISATION_OIN);

  private SignatureCollections() {
  }
}
