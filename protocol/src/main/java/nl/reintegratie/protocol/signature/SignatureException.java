package nl.reintegratie.protocol.signature;

import java.util.Objects;

/**
 * A signed message was refused for {@link #reason()}. The message is the reason's name and nothing else: it never
 * echoes header values, key material or the body, so it is safe to log. No stack trace is filled in: the cause is
 * always the input, and forged input should not buy stack walks.
 */
public final class SignatureException extends RuntimeException {

  private final RejectionReason reason;

  public SignatureException(RejectionReason reason) {
    super(Objects.requireNonNull(reason).name(), null, false, false);
    this.reason = reason;
  }

  public RejectionReason reason() {
    return reason;
  }
}
