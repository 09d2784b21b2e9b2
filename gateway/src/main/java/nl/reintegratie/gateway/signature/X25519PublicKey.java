package nl.reintegratie.gateway.signature;

import java.util.Arrays;
import java.util.Base64;

/**
 * An organisation's X25519 (RFC 7748) public key, to which the gateway seals dossier releases. Always kept in its
 * raw 32-byte form; {@link #of} also accepts the DER SubjectPublicKeyInfo of RFC 8410 (the body of a
 * {@code -----BEGIN PUBLIC KEY-----} block, as {@code keys-dev/providers/<id>/encryption-x25519.pub}).
 */
public final class X25519PublicKey {

  /** Bytes of a raw X25519 public key. */
  public static final int BYTES = 32;

  // SEQUENCE { SEQUENCE { OID 1.3.101.110 } BIT STRING }: fixed encoding, so a prefix comparison is a complete parse
  private static final byte[] SPKI_PREFIX = {
      0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00};

  private final byte[] raw;

  private X25519PublicKey(byte[] raw) {
    this.raw = raw;
  }

  /**
   * The key from its raw 32 bytes or its SPKI encoding. Failure: {@link IllegalArgumentException} when the bytes
   * are neither (an Ed25519 SPKI, for instance, is refused: its OID differs).
   */
  public static X25519PublicKey of(byte[] encoded) {
    if (encoded != null && encoded.length == BYTES) {
      return new X25519PublicKey(encoded.clone());
    }
    if (encoded != null && encoded.length == SPKI_PREFIX.length + BYTES
        && Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      return new X25519PublicKey(Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length));
    }
    throw new IllegalArgumentException("not an X25519 public key (raw 32 bytes or SPKI)");
  }

  /** The raw 32 bytes. */
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof X25519PublicKey that && Arrays.equals(raw, that.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "X25519PublicKey[" + Base64.getEncoder().encodeToString(raw) + "]";
  }
}
