package nl.reintegratie.protocol.crypto;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Loads X25519 keys (RFC 7748, OID 1.3.101.110, RFC 8410) as {@code openssl genpkey -algorithm X25519} writes them,
 * e.g. {@code keys-dev/providers/<id>/encryption-x25519.key} and {@code .pub}:
 * <ul>
 *   <li>private key: PKCS#8 {@code PrivateKeyInfo} DER, or PEM with label {@code PRIVATE KEY} (48 bytes of DER for
 *       an X25519 key; a PKCS#8 v2 key with the public key attached is accepted too);</li>
 *   <li>public key: {@code SubjectPublicKeyInfo} DER (44 bytes), PEM with label {@code PUBLIC KEY}, or the raw
 *       32-byte u-coordinate. Exactly 32 bytes are always read as raw, anything else as DER: a DER X25519 key is
 *       never 32 bytes long, so the two cannot be confused.</li>
 * </ul>
 * Encrypted PKCS#8, other labels, other algorithms and trailing bytes are refused.
 *
 * <p>Failure: {@link IllegalArgumentException}. These are configuration errors (a wrong file), not attacks, so the
 * message says what was expected; it never contains key bytes or any part of the input.
 */
public final class X25519Keys {

  private static final String PRIVATE_LABEL = "PRIVATE KEY";
  private static final String PUBLIC_LABEL = "PUBLIC KEY";

  private X25519Keys() {
  }

  /** The private key in a PEM {@code PRIVATE KEY} (unencrypted PKCS#8) text. The caller closes the key. */
  public static X25519PrivateKey privateKeyFromPem(String pem) {
    byte[] der = pemBody(pem, PRIVATE_LABEL);
    try {
      return privateKeyFromPkcs8(der);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /** The private key in PKCS#8 {@code PrivateKeyInfo} DER; the caller zeroes {@code der} and closes the key. */
  public static X25519PrivateKey privateKeyFromPkcs8(byte[] der) {
    Objects.requireNonNull(der, "der");
    AsymmetricKeyParameter parsed;
    try {
      parsed = PrivateKeyFactory.createKey(der);
    } catch (IOException | RuntimeException e) {
      // the cause is dropped on purpose: a parser's message could quote bytes of the private key
      throw new IllegalArgumentException("not a PKCS#8 X25519 private key");
    }
    if (!(parsed instanceof X25519PrivateKeyParameters)) {
      throw new IllegalArgumentException("PKCS#8 key is not an X25519 private key");
    }
    byte[] raw = ((X25519PrivateKeyParameters) parsed).getEncoded();
    try {
      return new X25519PrivateKey(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** The raw 32-byte public key in a PEM {@code PUBLIC KEY} ({@code SubjectPublicKeyInfo}) text. */
  public static byte[] publicKeyFromPem(String pem) {
    return rawPublicKey(pemBody(pem, PUBLIC_LABEL));
  }

  /**
   * The raw 32-byte public key in {@code rawOrSpki}: returned as a copy if it is 32 bytes, else parsed as an X25519
   * {@code SubjectPublicKeyInfo} DER.
   */
  public static byte[] rawPublicKey(byte[] rawOrSpki) {
    Objects.requireNonNull(rawOrSpki, "public key");
    if (rawOrSpki.length == X25519PrivateKey.KEY_BYTES) {
      return rawOrSpki.clone();
    }
    AsymmetricKeyParameter parsed;
    try {
      parsed = PublicKeyFactory.createKey(rawOrSpki);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a raw (32-byte) or SubjectPublicKeyInfo X25519 public key", e);
    }
    if (!(parsed instanceof X25519PublicKeyParameters)) {
      throw new IllegalArgumentException("SubjectPublicKeyInfo is not an X25519 public key");
    }
    return ((X25519PublicKeyParameters) parsed).getEncoded();
  }

  // The base64 between "-----BEGIN <label>-----" and "-----END <label>-----", decoded. One block only; text around
  // it (comments such as openssl's "Bag Attributes") is ignored, as PEM readers do.
  private static byte[] pemBody(String pem, String label) {
    Objects.requireNonNull(pem, "pem");
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int start = pem.indexOf(begin);
    int stop = start < 0 ? -1 : pem.indexOf(end, start + begin.length());
    if (start < 0 || stop < 0 || pem.indexOf(begin, start + begin.length()) >= 0) {
      throw new IllegalArgumentException("expected exactly one PEM block \"" + begin + "\"");
    }
    try {
      return Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), stop).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM block \"" + label + "\" is not valid base64");
    }
  }
}
