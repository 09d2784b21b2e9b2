package nl.reintegratie.gateway.transfer;

import java.util.Objects;

/** The caller's own release exists but cannot be fetched now: not yet, no longer, or revoked. */
public final class ReleaseUnavailableException extends RuntimeException {

  private final Grant.Availability availability;

  public ReleaseUnavailableException(Grant.Availability availability) {
    super("release " + availability.code(), null, false, false);
    this.availability = Objects.requireNonNull(availability);
  }

  public Grant.Availability availability() {
    return availability;
  }
}
