package nl.reintegratie.gateway.signature.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two kinds of public key the provider registry holds, as text in the supervisors' API. In: a PEM
 * {@code PUBLIC KEY} block (DER SubjectPublicKeyInfo, RFC 8410, as {@code openssl pkey -pubout} writes it), or
 * base64 of that DER or of the 32 raw bytes. Out: base64 of the 32 raw bytes, and a fingerprint a person can
 * compare with the provider's file.
 *
 * <p>An RFC 8410 SubjectPublicKeyInfo of a 32-byte key is always the same 12 bytes followed by the key, differing
 * only in the algorithm's OID, so comparing that prefix is a complete parse (as in {@code protocol}'s
 * {@code Ed25519} and {@code signature.X25519PublicKey}). Whether the 32 bytes are a usable curve point is not
 * decided here but by {@link nl.reintegratie.gateway.crypto.PublicKeyChecks}.
 */
enum PublicKeyText {
  /** Ed25519 signing keys, OID 1.3.101.112. */
  ED25519((byte) 0x70),
  /** X25519 encryption keys, OID 1.3.101.110. */
  X25519((byte) 0x6e);

  static final int KEY_BYTES = 32;
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN PUBLIC KEY-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END PUBLIC KEY-----\\s*");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

  private final byte[] spkiPrefix;

  PublicKeyText(byte oidLastByte) {
    // SEQUENCE(42) { SEQUENCE(5) { OID 1.3.101.x } BIT STRING(33, no unused bits) }
    this.spkiPrefix = new byte[] {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, oidLastByte, 0x03, 0x21, 0x00};
  }

  /**
   * The raw 32-byte key in {@code text}; empty when the text is no PEM block or base64 of this algorithm's key
   * (another algorithm's SPKI, a private key, a certificate, the wrong length).
   */
  Optional<byte[]> raw(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String base64 = text.strip();
    Matcher pem = PEM.matcher(base64);
    if (pem.matches()) {
      base64 = pem.group(1).replaceAll("\\s", "");
    }
    if (!BASE64.matcher(base64).matches()) {
      return Optional.empty();
    }
    try {
      return rawOfEncoded(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The raw 32 bytes of a key given raw or as DER SubjectPublicKeyInfo (as the registry stores them). */
  Optional<byte[]> rawOfEncoded(byte[] encoded) {
    if (encoded.length == KEY_BYTES) {
      return Optional.of(encoded.clone());
    }
    if (encoded.length == spkiPrefix.length + KEY_BYTES
        && Arrays.equals(encoded, 0, spkiPrefix.length, spkiPrefix, 0, spkiPrefix.length)) {
      return Optional.of(Arrays.copyOfRange(encoded, spkiPrefix.length, encoded.length));
    }
    return Optional.empty();
  }

  /** Base64 (standard alphabet, padded) of the raw key. */
  static String base64(byte[] raw) {
    return Base64.getEncoder().encodeToString(raw);
  }

  /**
   * Lower-case hex SHA-256 of the key's DER SubjectPublicKeyInfo: what
   * {@code openssl pkey -pubin -in key.pub -outform DER | sha256sum} prints for the provider's {@code .pub} file.
   */
  String fingerprint(byte[] raw) {
    byte[] spki = Arrays.copyOf(spkiPrefix, spkiPrefix.length + raw.length);
    System.arraycopy(raw, 0, spki, spkiPrefix.length, raw.length);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
