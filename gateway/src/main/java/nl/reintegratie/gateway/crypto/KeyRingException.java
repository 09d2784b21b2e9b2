package nl.reintegratie.gateway.crypto;

/**
 * A key ring file cannot be read, is invalid, or a rotation step on it was refused (retiring the active version,
 * retiring a version that is not there). The message names the file and what is wrong, never a key.
 */
public final class KeyRingException extends RuntimeException {

  KeyRingException(String message) {
    super(message);
  }

  KeyRingException(String message, Throwable cause) {
    super(message, cause);
  }
}
