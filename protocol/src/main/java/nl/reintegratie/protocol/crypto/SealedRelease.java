package nl.reintegratie.protocol.crypto;

/**
 * A release body sealed to one provider's X25519 key by {@link ReleaseSealer#seal}: the envelope bytes (format in
 * {@link ReleaseSealer} and {@code package-info}). Not secret (it is a ciphertext), but {@link #toString()} still
 * shows only its length. Immutable.
 */
public final class SealedRelease {

  private final byte[] envelope;

  /** Takes ownership of {@code envelope}: only {@link ReleaseSealer} makes one, from an array nobody else holds. */
  SealedRelease(byte[] envelope) {
    this.envelope = envelope;
  }

  /** A copy of the envelope bytes, to store or send; {@link ReleaseSealer#open} takes them back. */
  public byte[] toByteArray() {
    return envelope.clone();
  }

  /** Length of the envelope: the body's length plus {@link ReleaseSealer#OVERHEAD}. */
  public int length() {
    return envelope.length;
  }

  @Override
  public String toString() {
    return "SealedRelease[v1, " + envelope.length + " bytes]";
  }
}
