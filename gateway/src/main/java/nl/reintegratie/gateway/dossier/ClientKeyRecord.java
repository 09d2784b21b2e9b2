package nl.reintegratie.gateway.dossier;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A client's own key, wrapped by a versioned key-encryption key (KEK). Every document of the client is encrypted
 * under keys that only this key unlocks, so deleting this record shreds all of them at once (crypto-shredding).
 *
 * @param clientId   the client
 * @param kekVersion version of the KEK that wrapped {@code wrappedKey}; key rotation re-wraps under a newer one
 * @param wrappedKey the client key, wrapped
 * @param createdAt  when the client key was created (re-wrapping keeps it)
 */
public record ClientKeyRecord(String clientId, int kekVersion, byte[] wrappedKey, Instant createdAt) {

  public ClientKeyRecord {
    Checks.id(clientId, "clientId");
    Checks.positive(kekVersion, "kekVersion");
    wrappedKey = Objects.requireNonNull(wrappedKey, "wrappedKey").clone();
    if (wrappedKey.length == 0) {
      throw new IllegalArgumentException("wrappedKey must not be empty");
    }
    createdAt = Checks.millis(createdAt, "createdAt");
  }

  /** The same client key, re-wrapped under KEK version {@code newKekVersion}. */
  public ClientKeyRecord rewrapped(int newKekVersion, byte[] newWrappedKey) {
    return new ClientKeyRecord(clientId, newKekVersion, newWrappedKey, createdAt);
  }

  /** A copy; the record never hands out its own array. */
  @Override
  public byte[] wrappedKey() {
    return wrappedKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ClientKeyRecord)) {
      return false;
    }
    ClientKeyRecord that = (ClientKeyRecord) other;
    return clientId.equals(that.clientId) && kekVersion == that.kekVersion
        && Arrays.equals(wrappedKey, that.wrappedKey) && createdAt.equals(that.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientId, kekVersion, Arrays.hashCode(wrappedKey), createdAt);
  }

  /** Without the key's bytes. */
  @Override
  public String toString() {
    return "ClientKeyRecord[clientId=" + clientId + ", kekVersion=" + kekVersion + ", wrappedKey="
        + wrappedKey.length + " bytes, createdAt=" + createdAt + "]";
  }
}
