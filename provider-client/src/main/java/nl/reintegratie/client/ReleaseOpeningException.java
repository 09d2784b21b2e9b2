package nl.reintegratie.client;

/**
 * A release answered by the gateway (with a valid gateway signature) did not open: it was sealed to another
 * organisation's key, for another release id, or its bytes changed between sealing and sending, or the gateway sent
 * something that is not a sealed release. Which of these is deliberately not told (the envelope cannot say); none
 * of its bytes are usable.
 */
public final class ReleaseOpeningException extends RuntimeException {

  public ReleaseOpeningException(String message) {
    super(message);
  }
}
