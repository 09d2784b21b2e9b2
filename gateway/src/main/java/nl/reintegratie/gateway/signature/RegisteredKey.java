package nl.reintegratie.gateway.signature;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key registered for one organisation: the key id binds exactly one organisation, one key and one
 * algorithm, so nothing in a request can choose another algorithm for it.
 *
 * @param keyId           the {@code keyid} signatures name
 * @param organisationId  the organisation the key speaks for
 * @param algorithm       the RFC 9421 algorithm name; only {@code ed25519} is accepted by the verifier
 * @param publicKey       the Ed25519 public key, raw (32 bytes) or DER SubjectPublicKeyInfo
 * @param validFrom       first instant the key may be used (inclusive)
 * @param validUntil      instant from which the key may no longer be used (exclusive)
 * @param revoked         whether the key was revoked; a revoked key never verifies, whatever its period
 * @param revokedAt       when it was revoked, if known: empty for a key that is not revoked, and for one that
 *                        counts as revoked only because its organisation is inactive (see {@link ProviderDirectory})
 *                        or that was revoked before the registry kept the time
 */
public record RegisteredKey(String keyId, String organisationId, String algorithm, byte[] publicKey,
    Instant validFrom, Instant validUntil, boolean revoked, Optional<Instant> revokedAt) {

  /** Failure: {@link IllegalArgumentException} for a revocation time on a key that is not revoked. */
  public RegisteredKey {
    Objects.requireNonNull(keyId);
    Objects.requireNonNull(organisationId);
    Objects.requireNonNull(algorithm);
    publicKey = publicKey.clone();
    Objects.requireNonNull(validFrom);
    Objects.requireNonNull(validUntil);
    Objects.requireNonNull(revokedAt);
    if (revokedAt.isPresent() && !revoked) {
      throw new IllegalArgumentException("a key with a revocation time is revoked");
    }
  }

  /** A key without a known revocation time: a new one ({@code revoked} false), or one revoked at an unknown time. */
  public RegisteredKey(String keyId, String organisationId, String algorithm, byte[] publicKey, Instant validFrom,
                       Instant validUntil, boolean revoked) {
    this(keyId, organisationId, algorithm, publicKey, validFrom, validUntil, revoked, Optional.empty());
  }

  /** This key, revoked; the revocation time stays what it was (none for a key that was not revoked). */
  public RegisteredKey asRevoked() {
    return new RegisteredKey(keyId, organisationId, algorithm, publicKey, validFrom, validUntil, true, revokedAt);
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Whether {@code now} lies in [validFrom, validUntil). */
  public boolean validAt(Instant now) {
    return !now.isBefore(validFrom) && now.isBefore(validUntil);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RegisteredKey that && keyId.equals(that.keyId)
        && organisationId.equals(that.organisationId) && algorithm.equals(that.algorithm)
        && java.util.Arrays.equals(publicKey, that.publicKey) && validFrom.equals(that.validFrom)
        && validUntil.equals(that.validUntil) && revoked == that.revoked && revokedAt.equals(that.revokedAt);
  }

  @Override
  public int hashCode() {
    return keyId.hashCode();
  }

  @Override
  public String toString() {
    return "RegisteredKey[keyId=" + keyId + ", organisationId=" + organisationId + ", algorithm=" + algorithm
        + ", validFrom=" + validFrom + ", validUntil=" + validUntil + ", revoked=" + revoked
        + revokedAt.map(at -> ", revokedAt=" + at).orElse("") + "]";
  }
}
