package nl.reintegratie.protocol.crypto;

/**
 * Something sealed or wrapped could not be opened: wrong key, wrong associated data, a changed or truncated byte,
 * an unknown format version, or (subclass {@link UnknownKeyVersionException}) a key version the ring no longer has.
 *
 * <p>Deliberately opaque: the message is the same whatever went wrong, so neither logs nor error responses tell an
 * attacker which check failed, and it never contains key material, plaintext or associated data. The stack trace
 * is not filled in: the failure always has the same cause (input that does not authenticate), and tampered input
 * should not be able to make the gateway spend time on stack walks.
 */
public class IntegrityException extends RuntimeException {

  private static final String MESSAGE = "ciphertext could not be authenticated";

  public IntegrityException() {
    this(MESSAGE);
  }

  public IntegrityException(String message) {
    super(message, null, false, false);
  }
}
