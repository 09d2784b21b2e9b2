package nl.reintegratie.gateway.transfer;

/**
 * The recipient has no usable encryption key (never registered, or the organisation was deactivated): nothing can
 * be sealed to it, so nothing is released. A state an operator must fix, not the caller.
 */
public final class RecipientKeyMissingException extends RuntimeException {

  public RecipientKeyMissingException() {
    super("recipient has no encryption key", null, false, false);
  }
}
