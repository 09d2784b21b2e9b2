package nl.reintegratie.gateway.signature;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A re-integration provider that may call the provider API.
 *
 * @param id             stable identifier, lower-case letters, digits and hyphens (e.g. {@code werkpad})
 * @param name           the registered name, for people and logs
 * @param kvkNumber      Kamer van Koophandel number, exactly 8 digits
 * @param oin            Organisatie-identificatienummer, exactly 20 digits
 * @param active         whether the organisation may call the API; the keys of an inactive one do not verify
 * @param encryptionKey  its X25519 public key for sealed releases, once set
 * @param healthDataAttestation  its statement of confidential handling of health information, while one is
 *                       recorded (a withdrawn one is gone); whether it applies on a day is
 *                       {@link #attestsHealthDataOn}
 */
public record ProviderOrganisation(String id, String name, String kvkNumber, String oin, boolean active,
    Optional<X25519PublicKey> encryptionKey, Optional<HealthDataAttestation> healthDataAttestation) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern KVK = Pattern.compile("\\d{8}");
  private static final Pattern OIN = Pattern.compile("\\d{20}");

  /** Failure: {@link IllegalArgumentException} naming the field that does not meet its format. */
  public ProviderOrganisation {
    require(id != null && ID.matcher(id).matches(), "id");
    require(name != null && !name.isBlank() && name.length() <= 200, "name");
    require(kvkNumber != null && KVK.matcher(kvkNumber).matches(), "kvkNumber");
    require(oin != null && OIN.matcher(oin).matches(), "oin");
    Objects.requireNonNull(encryptionKey, "encryptionKey");
    Objects.requireNonNull(healthDataAttestation, "healthDataAttestation");
  }

  /** An organisation without a health data attestation (a new one, for instance). */
  public ProviderOrganisation(String id, String name, String kvkNumber, String oin, boolean active,
                              Optional<X25519PublicKey> encryptionKey) {
    this(id, name, kvkNumber, oin, active, encryptionKey, Optional.empty());
  }

  /** A new, active organisation without an encryption key. */
  public static ProviderOrganisation of(String id, String name, String kvkNumber, String oin) {
    return new ProviderOrganisation(id, name, kvkNumber, oin, true, Optional.empty());
  }

  /**
   * Whether the organisation has attested confidential handling of health information for {@code day}: a
   * statement is recorded that was signed on or before that day and is valid until that day or later. Says nothing
   * about {@link #active}: whether the organisation may receive anything at all is another rule.
   */
  public boolean attestsHealthDataOn(LocalDate day) {
    Objects.requireNonNull(day, "day");
    return healthDataAttestation.filter(attestation -> attestation.covers(day)).isPresent();
  }

  private static void require(boolean valid, String field) {
    if (!valid) {
      throw new IllegalArgumentException("invalid " + field);
    }
  }
}
