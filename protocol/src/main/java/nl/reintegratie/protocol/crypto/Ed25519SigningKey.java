package nl.reintegratie.protocol.crypto;

import java.io.IOException;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * An Ed25519 private key that signs (RFC 8032, pure). Ed25519 is deterministic: the same key and message always
 * give the same signature, which is what lets tests compare against published vectors.
 *
 * <p>{@link #toString()} names the public key only; the private key never leaves this object.
 */
public final class Ed25519SigningKey {

  private final Ed25519PrivateKeyParameters key;

  private Ed25519SigningKey(Ed25519PrivateKeyParameters key) {
    this.key = key;
  }

  /**
   * The key in a DER PKCS#8 {@code PrivateKeyInfo} / {@code OneAsymmetricKey} (RFC 8410), the body of a
   * {@code -----BEGIN PRIVATE KEY-----} PEM block. Failure: {@link IllegalArgumentException} without details when
   * the bytes are not an Ed25519 private key.
   */
  public static Ed25519SigningKey fromPkcs8(byte[] der) {
    AsymmetricKeyParameter parsed;
    try {
      parsed = PrivateKeyFactory.createKey(der);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key");
    }
    if (!(parsed instanceof Ed25519PrivateKeyParameters ed25519)) {
      throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key");
    }
    return new Ed25519SigningKey(ed25519);
  }

  /** The 64-byte signature of {@code message}. */
  public byte[] sign(byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** The raw 32-byte public key. */
  public byte[] publicKey() {
    return key.generatePublicKey().getEncoded();
  }

  @Override
  public String toString() {
    return "Ed25519SigningKey[public=" + java.util.HexFormat.of().formatHex(publicKey()) + "]";
  }
}
