package nl.reintegratie.gateway.signature;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.crypto.PublicKeyChecks;
import nl.reintegratie.protocol.crypto.Ed25519;

/**
 * Port: the organisations that may call the provider API, their Ed25519 signing keys, their X25519 encryption
 * key and their health data attestation. A key id resolves to exactly one organisation, one key and one algorithm, for good: a key id is never
 * reused, not even after revocation, so old signatures and log lines stay attributable.
 *
 * <p>Every write is durable when its future succeeds. Failures: {@link ProviderRegistryException} as documented
 * per method, otherwise the store's failure (unavailable, failed).
 */
public interface ProviderRegistry {

  /**
   * Registers {@code organisation}. Failure: {@link ProviderRegistryException.Kind#ORGANISATION_EXISTS} when its
   * id or OIN is taken.
   */
  Future<Void> register(ProviderOrganisation organisation);

  /**
   * Sets whether the organisation may call the API. Success: {@code true} when it exists (and now has
   * {@code active}), {@code false} when it does not.
   */
  Future<Boolean> setActive(String organisationId, boolean active);

  /**
   * Adds a signing key to the organisation it names. The key must be an Ed25519 key ({@code ed25519}, 32 raw bytes
   * or SPKI, a point of the prime-order subgroup: see {@link PublicKeyChecks#isValidEd25519}), not revoked, with a
   * key id of {@link #KEY_ID_PATTERN} and {@code validFrom} before {@code validUntil}. Failure:
   * {@link ProviderRegistryException.Kind#INVALID_KEY}, {@link ProviderRegistryException.Kind#UNKNOWN_ORGANISATION},
   * {@link ProviderRegistryException.Kind#KEY_ID_TAKEN}.
   */
  Future<Void> addSigningKey(RegisteredKey key);

  /**
   * Revokes the key for good, noting when ({@link RegisteredKey#revokedAt}). Idempotent: revoking a revoked key
   * changes nothing, its first revocation time stays. Success: {@code true} when the key exists (revoked now or
   * before), {@code false} when it does not.
   */
  Future<Boolean> revokeKey(String keyId);

  /**
   * Sets (or replaces) the organisation's encryption key. Failure:
   * {@link ProviderRegistryException.Kind#UNKNOWN_ORGANISATION}.
   */
  Future<Void> setEncryptionKey(String organisationId, X25519PublicKey key);

  /**
   * Records the organisation's health data attestation, replacing the one it had, in one atomic update of the
   * organisation. Failure: {@link ProviderRegistryException.Kind#UNKNOWN_ORGANISATION}.
   */
  Future<Void> setHealthDataAttestation(String organisationId, HealthDataAttestation attestation);

  /**
   * Withdraws the organisation's health data attestation, in one atomic update of the organisation; from then on
   * {@link ProviderOrganisation#attestsHealthDataOn} is false for every day. Idempotent. Success: {@code true} when
   * the organisation exists (and now has none, withdrawn now or before), {@code false} when it does not.
   */
  Future<Boolean> withdrawHealthDataAttestation(String organisationId);

  /** The organisation, or empty when none has this id. */
  Future<Optional<ProviderOrganisation>> findOrganisation(String organisationId);

  /** The signing key (with the organisation it belongs to), or empty when none has this id. */
  Future<Optional<RegisteredKey>> findKey(String keyId);

  /**
   * Every signing key of the organisation, revoked and expired ones included, in no particular order; empty when it
   * has none or does not exist. A scan of the keys: for the supervisors' registry pages, never for a provider's
   * signed request (those ask the {@link KeyDirectory}).
   */
  Future<List<RegisteredKey>> keysOf(String organisationId);

  /**
   * Every organisation and every signing key, revoked and expired ones included: what a {@link KeyDirectory}
   * snapshot is built from. A scan, meant for startup, periodic refreshes and the supervisors' registry list, never
   * for a provider's signed request.
   */
  Future<Contents> all();

  /** Everything the registry holds. */
  record Contents(List<ProviderOrganisation> organisations, List<RegisteredKey> keys) {
    public Contents {
      organisations = List.copyOf(organisations);
      keys = List.copyOf(keys);
    }
  }

  /**
   * What a key id may look like: no {@code :} (the nonce ledger joins key id and nonce with it), no spaces, at most
   * 100 characters.
   */
  String KEY_ID_PATTERN = "[A-Za-z0-9._-]{1,100}";

  /**
   * Returns normally when {@code key} may be added as a signing key (see {@link #addSigningKey}); otherwise throws
   * {@link ProviderRegistryException} with {@link ProviderRegistryException.Kind#INVALID_KEY}. For implementations.
   */
  static void requireValidSigningKey(RegisteredKey key) {
    boolean valid = key.keyId().matches(KEY_ID_PATTERN)
        && key.algorithm().equals(VerificationPolicy.ALGORITHM)
        && PublicKeyChecks.isValidEd25519(Ed25519.rawPublicKey(key.publicKey()))
        && !key.revoked()
        && key.validFrom().isBefore(key.validUntil());
    if (!valid) {
      throw new ProviderRegistryException(ProviderRegistryException.Kind.INVALID_KEY);
    }
  }
}
