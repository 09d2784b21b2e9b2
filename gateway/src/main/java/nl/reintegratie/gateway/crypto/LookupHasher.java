package nl.reintegratie.gateway.crypto;

import nl.reintegratie.protocol.crypto.Canonical;
import nl.reintegratie.protocol.crypto.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;

/**
 * A keyed hash for looking records up by a value the database must not hold, such as a BSN: the gateway stores
 * {@code hash("bsn", bsn)} and queries by it. The key lives in the key ring file, outside the database, so a copy
 * of the database alone cannot be searched for a BSN by hashing all billion candidates.
 *
 * <p>{@code hash(domain, value)} = base64url without padding of HMAC-SHA256(lookupKey, canonical(domain, value)),
 * canonical as in {@link Canonical} with usage byte {@code 0x03}: 43 characters. Deterministic (same key and input,
 * same output, so it can be indexed); the domain separates uses, so a BSN hash can never be matched against, say,
 * an e-mail hash. The value is hashed exactly as given: callers normalise it first (e.g. strip spaces).
 *
 * <p>The lookup key is not versioned: replacing it changes every hash, so the stored hashes would all have to be
 * recomputed from the plaintext values. Thread-safe; {@link #toString()} shows no key.
 */
public final class LookupHasher {

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecretBytes key;

  /** A hasher with a copy of {@code key} (32 bytes); the caller zeroes its array. */
  LookupHasher(byte[] key) {
    this.key = new SecretBytes(key, 32);
  }

  /**
   * The lookup hash of {@code value} in {@code domain} (e.g. {@code hash("bsn", "999993653")}).
   *
   * <p>Failure: {@link IllegalArgumentException} for a blank domain or a string with unpaired surrogates (the
   * message never quotes the value), {@link IllegalStateException} after the key ring was closed.
   */
  public String hash(String domain, String value) {
    Canonical.requireWellFormed(domain, "domain");
    Canonical.requireWellFormed(value, "value");
    if (domain.isBlank()) {
      throw new IllegalArgumentException("domain must not be blank");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key.keySpec(ALGORITHM));
      return BASE64URL.encodeToString(mac.doFinal(Canonical.encode(Canonical.LOOKUP, List.of(domain, value))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  void destroy() {
    key.destroy();
  }

  @Override
  public String toString() {
    return "LookupHasher[HMAC-SHA256]";
  }
}
