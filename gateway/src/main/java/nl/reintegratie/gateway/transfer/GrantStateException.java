package nl.reintegratie.gateway.transfer;

import java.util.Objects;
import nl.reintegratie.gateway.dossier.ConflictException;

/**
 * A change the grant's current state does not allow. Nothing was written; the HTTP layer answers 409
 * {@code grant-state-conflict}. Retrying does not help.
 */
public final class GrantStateException extends ConflictException {

  /** Which state refused the change; the HTTP layer explains each in the caller's language. */
  public enum Reason {
    /** The grant was revoked: nothing about it changes any more. */
    REVOKED,
    /** The client objected to this grant already (one objection per grant, answered by the commissioner). */
    OBJECTION_EXISTS,
    /** There is no objection waiting for a decision. */
    NO_OPEN_OBJECTION,
    /** The release period is over: there is nothing left to object to or revoke. */
    EXPIRED
  }

  private final Reason reason;

  public GrantStateException(Reason reason) {
    super("grant state does not allow this: " + reason);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }
}
