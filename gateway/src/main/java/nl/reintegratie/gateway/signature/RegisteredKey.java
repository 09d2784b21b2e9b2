package nl.reintegratie.gateway.signature;

import java.time.Instant;
import java.util.Objects;

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
 */
public record RegisteredKey(String keyId, String organisationId, String algorithm, byte[] publicKey,
    Instant validFrom, Instant validUntil, boolean revoked) {

  public RegisteredKey {
    Objects.requireNonNull(keyId);
    Objects.requireNonNull(organisationId);
    Objects.requireNonNull(algorithm);
    publicKey = publicKey.clone();
    Objects.requireNonNull(validFrom);
    Objects.requireNonNull(validUntil);
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
        && validUntil.equals(that.validUntil) && revoked == that.revoked;
  }

  @Override
  public int hashCode() {
    return keyId.hashCode();
  }

  @Override
  public String toString() {
    return "RegisteredKey[keyId=" + keyId + ", organisationId=" + organisationId + ", algorithm=" + algorithm
        + ", validFrom=" + validFrom + ", validUntil=" + validUntil + ", revoked=" + revoked + "]";
  }
}
