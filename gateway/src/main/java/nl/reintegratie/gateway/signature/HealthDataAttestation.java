package nl.reintegratie.gateway.signature;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A provider's signed statement that it handles health information confidentially (the "health data" transfer
 * rule: health data travels only to a recipient with this attestation, and only with an extra justification). The
 * registry keeps what a supervisor recorded about the statement, not the statement itself: its dates, the
 * reference under which the signed paper or PDF is filed, and who recorded it when.
 *
 * <p>Only codes and ids, never free text, so the record can be logged and shown as it is.
 *
 * @param attestedOn  the day the provider signed the statement
 * @param validUntil  the last day the statement applies (inclusive); after {@code attestedOn}, at most
 *                    {@link #MAX_VALIDITY} later
 * @param reference   the filing reference of the signed statement, {@link #REFERENCE_PATTERN} (e.g.
 *                    {@code KR-VGV-2026-001}); never all digits, so a BSN cannot end up in it
 * @param recordedBy  who recorded it: the supervisor's subject id, or {@link #FROM_PROVIDER_FOLDER}
 * @param recordedAt  when it was recorded (whole milliseconds, as stored)
 */
public record HealthDataAttestation(LocalDate attestedOn, LocalDate validUntil, String reference, String recordedBy,
    Instant recordedAt) {

  /** The longest period one statement may cover; a provider signs a new one at least this often. */
  public static final Period MAX_VALIDITY = Period.ofYears(3);
  /** A short filing code: letters, digits, '.', '_' and '-', at most 64, not all digits. */
  public static final String REFERENCE_PATTERN = "(?![0-9]+$)[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
  /** {@code recordedBy} of an attestation that came from a provider folder ({@code app.ProviderFolders}). */
  public static final String FROM_PROVIDER_FOLDER = "provider-folder";

  private static final Pattern REFERENCE = Pattern.compile(REFERENCE_PATTERN);
  // a subject id is an opaque token (Keycloak: a UUID); printable ASCII without spaces keeps it one log field
  private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E]{1,255}");

  /**
   * Failure: {@link IllegalArgumentException} naming the field that does not meet its format or period
   * ({@code reference}, {@code recordedBy}, {@code validUntil}).
   */
  public HealthDataAttestation {
    Objects.requireNonNull(attestedOn, "attestedOn");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(recordedAt, "recordedAt");
    require(reference != null && REFERENCE.matcher(reference).matches(), "reference");
    require(recordedBy != null && SUBJECT.matcher(recordedBy).matches(), "recordedBy");
    require(validUntil.isAfter(attestedOn) && !validUntil.isAfter(attestedOn.plus(MAX_VALIDITY)), "validUntil");
  }

  /** Whether the statement applies on {@code day}: signed on or before it, valid until it or later. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(attestedOn) && !day.isAfter(validUntil);
  }

  private static void require(boolean valid, String field) {
    if (!valid) {
      throw new IllegalArgumentException("invalid " + field);
    }
  }
}
