package nl.reintegratie.gateway.audit;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a C2SP signed note (c2sp.org/signed-note): {@code — <key name> base64(key id || signature)}
 * with a 4-byte big-endian key id.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

  public NoteSignature {
    Objects.requireNonNull(keyName, "keyName");
    signature = signature.clone();
  }

  /** The line without its newline. */
  public String line() {
    byte[] value = new byte[4 + signature.length];
    value[0] = (byte) (keyId >>> 24);
    value[1] = (byte) (keyId >>> 16);
    value[2] = (byte) (keyId >>> 8);
    value[3] = (byte) keyId;
    System.arraycopy(signature, 0, value, 4, signature.length);
    return "\u2014 " + keyName + " " + Base64.getEncoder().encodeToString(value);
  }

  /** The reverse of {@link #line()}. Failure: {@link IllegalArgumentException}. */
  public static NoteSignature parse(String line) {
    if (!line.startsWith("\u2014 ")) {
      throw new IllegalArgumentException("a signature line starts with an em dash and a space");
    }
    String[] parts = line.substring(2).split(" ", -1);
    if (parts.length != 2 || parts[0].isEmpty()) {
      throw new IllegalArgumentException("a signature line has a key name and a signature");
    }
    byte[] value;
    try {
      value = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the signature is not base64");
    }
    if (value.length < 5) {
      throw new IllegalArgumentException("the signature has a key id and signature bytes");
    }
    int keyId = ((value[0] & 0xff) << 24) | ((value[1] & 0xff) << 16) | ((value[2] & 0xff) << 8) | (value[3] & 0xff);
    return new NoteSignature(parts[0], keyId, Arrays.copyOfRange(value, 4, value.length));
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyId == that.keyId
        && MessageDigest.isEqual(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return line();
  }
}
