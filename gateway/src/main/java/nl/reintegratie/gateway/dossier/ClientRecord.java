package nl.reintegratie.gateway.dossier;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A client (a person on benefits) as stored: pseudonymous ids and dates in clear, name and contact details only
 * sealed (encrypted elsewhere).
 *
 * <p>After shredding the sealed data and its wrapped key are empty and the BSN hash is gone (so the person, if they
 * come back, is registered as a new client and cannot be linked to this record); the id, dates and regime stay for
 * statistics.
 *
 * @param clientId           random UUID string
 * @param bsnHash            keyed hash of the BSN, computed elsewhere (never the BSN); empty once shredded
 * @param sealedPersonalData name and contact details, encrypted; empty once shredded
 * @param wrappedDataKey     the key that sealed {@code sealedPersonalData}, wrapped; empty once shredded
 * @param lastRegime         regime of the client's latest trajectory, if any
 * @param createdAt          when the client was registered
 * @param retainUntil        when the retention period ends, once known (e.g. after the last trajectory ended)
 * @param shreddedAt         when the client was shredded
 */
public record ClientRecord(String clientId, Optional<String> bsnHash, byte[] sealedPersonalData, byte[] wrappedDataKey,
    Optional<Regime> lastRegime, Instant createdAt, Optional<Instant> retainUntil, Optional<Instant> shreddedAt) {

  /** Keyed hashes are hex or base64(url) strings of at least 128 bits; 32+ characters cannot be a BSN. */
  private static final Pattern BSN_HASH = Pattern.compile("[A-Za-z0-9_+/=-]{32,128}");

  public ClientRecord {
    Checks.id(clientId, "clientId");
    Objects.requireNonNull(bsnHash, "bsnHash");
    bsnHash.ifPresent(ClientRecord::checkBsnHash);
    sealedPersonalData = Objects.requireNonNull(sealedPersonalData, "sealedPersonalData").clone();
    wrappedDataKey = Objects.requireNonNull(wrappedDataKey, "wrappedDataKey").clone();
    Objects.requireNonNull(lastRegime, "lastRegime");
    createdAt = Checks.millis(createdAt, "createdAt");
    retainUntil = Objects.requireNonNull(retainUntil, "retainUntil").map(at -> Checks.millis(at, "retainUntil"));
    shreddedAt = Objects.requireNonNull(shreddedAt, "shreddedAt").map(at -> Checks.millis(at, "shreddedAt"));
    boolean shredded = shreddedAt.isPresent();
    if (shredded != bsnHash.isEmpty()) {
      throw new IllegalArgumentException("a client has a BSN hash exactly until it is shredded");
    }
    if (shredded != (sealedPersonalData.length == 0) || shredded != (wrappedDataKey.length == 0)) {
      throw new IllegalArgumentException("a client has sealed personal data and its key exactly until it is shredded");
    }
  }

  /** A new, not yet stored client with a fresh random id. */
  public static ClientRecord register(String bsnHash, byte[] sealedPersonalData, byte[] wrappedDataKey,
      Instant createdAt) {
    return new ClientRecord(UUID.randomUUID().toString(), Optional.of(bsnHash), sealedPersonalData, wrappedDataKey,
        Optional.empty(), createdAt, Optional.empty(), Optional.empty());
  }

  /** Throws {@link IllegalArgumentException} unless {@code bsnHash} looks like a keyed hash (and not a BSN). */
  public static String checkBsnHash(String bsnHash) {
    if (bsnHash == null || !BSN_HASH.matcher(bsnHash).matches()) {
      throw new IllegalArgumentException("bsnHash is not a keyed hash");
    }
    return bsnHash;
  }

  /** Whether the client was shredded. */
  public boolean isShredded() {
    return shreddedAt.isPresent();
  }

  /** This client shredded at {@code at}: sealed data, its key and the BSN hash wiped. */
  public ClientRecord shredded(Instant at) {
    return new ClientRecord(clientId, Optional.empty(), new byte[0], new byte[0], lastRegime, createdAt, retainUntil,
        Optional.of(shreddedAt.orElse(at)));
  }

  /** A copy; the record never hands out its own array. */
  @Override
  public byte[] sealedPersonalData() {
    return sealedPersonalData.clone();
  }

  /** A copy; the record never hands out its own array. */
  @Override
  public byte[] wrappedDataKey() {
    return wrappedDataKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ClientRecord)) {
      return false;
    }
    ClientRecord that = (ClientRecord) other;
    return clientId.equals(that.clientId) && bsnHash.equals(that.bsnHash)
        && Arrays.equals(sealedPersonalData, that.sealedPersonalData)
        && Arrays.equals(wrappedDataKey, that.wrappedDataKey) && lastRegime.equals(that.lastRegime)
        && createdAt.equals(that.createdAt) && retainUntil.equals(that.retainUntil)
        && shreddedAt.equals(that.shreddedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientId, bsnHash, Arrays.hashCode(sealedPersonalData), Arrays.hashCode(wrappedDataKey),
        lastRegime, createdAt, retainUntil, shreddedAt);
  }

  /** Ids, dates and sizes only: neither the BSN hash nor any byte of sealed data or key. */
  @Override
  public String toString() {
    return "ClientRecord[clientId=" + clientId + ", sealedPersonalData=" + sealedPersonalData.length
        + " bytes, wrappedDataKey=" + wrappedDataKey.length + " bytes, lastRegime=" + lastRegime + ", createdAt="
        + createdAt + ", retainUntil=" + retainUntil + ", shreddedAt=" + shreddedAt + "]";
  }
}
