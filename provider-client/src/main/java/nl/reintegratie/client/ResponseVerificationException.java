package nl.reintegratie.client;

import java.util.Locale;
import java.util.Objects;

/**
 * A response was refused because it cannot be shown to come from the gateway unchanged: treat its body as unknown
 * bytes from the network and never as the gateway's answer. A submission whose 201 is refused may well have been
 * stored: repeat it with the same Idempotency-Key to learn its outcome.
 */
public final class ResponseVerificationException extends RuntimeException {

  private final VerificationFailure failure;
  private final int status;

  public ResponseVerificationException(VerificationFailure failure, int status, String detail) {
    super("response " + status + " refused, " + Objects.requireNonNull(failure).name().toLowerCase(Locale.ROOT).replace('_', '-')
        + ": " + detail);
    this.failure = failure;
    this.status = status;
  }

  public VerificationFailure failure() {
    return failure;
  }

  /** The HTTP status the response claimed. */
  public int status() {
    return status;
  }
}
