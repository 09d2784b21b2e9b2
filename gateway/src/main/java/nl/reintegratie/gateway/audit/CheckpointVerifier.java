package nl.reintegratie.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import nl.reintegratie.protocol.crypto.Ed25519;

/**
 * Checks checkpoints against the log's origin and its trusted public keys (the current gateway key, plus earlier
 * ones after a key rotation), by the rules of c2sp.org/signed-note: signatures of unknown keys are ignored, a
 * signature of a known key must verify, and at least one must.
 */
public final class CheckpointVerifier {

  private final String origin;
  private final List<TrustedKey> keys;

  private record TrustedKey(int keyId, byte[] publicKey) {
  }

  /** @param publicKeys raw 32-byte (or SPKI DER) Ed25519 public keys */
  public CheckpointVerifier(String origin, List<byte[]> publicKeys) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.keys = publicKeys.stream().map(key -> {
      byte[] raw = Ed25519.rawPublicKey(key);
      if (raw == null) {
        throw new IllegalArgumentException("not an Ed25519 public key");
      }
      return new TrustedKey(keyId(origin, raw), raw);
    }).toList();
  }

  public String origin() {
    return origin;
  }

  /** Whether {@code checkpoint} is this log's and signed by one of its keys. */
  public boolean verify(SignedCheckpoint checkpoint) {
    if (!checkpoint.checkpoint().origin().equals(origin)) {
      return false;
    }
    byte[] text = checkpoint.checkpoint().textBytes();
    boolean verified = false;
    for (NoteSignature signature : checkpoint.signatures()) {
      if (!signature.keyName().equals(origin)) {
        continue;
      }
      for (TrustedKey key : keys) {
        if (key.keyId() == signature.keyId()) {
          if (!Ed25519.verify(key.publicKey(), text, signature.signature())) {
            return false;
          }
          verified = true;
        }
      }
    }
    return verified;
  }

  /** {@code SHA-256(key name || 0x0A || 0x01 || public key)[:4]} as a big-endian int (c2sp.org/signed-note). */
  static int keyId(String keyName, byte[] publicKey) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(keyName.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0x0A);
      sha256.update(CheckpointSigner.ED25519_TYPE);
      sha256.update(Ed25519.rawPublicKey(publicKey));
      byte[] hash = sha256.digest();
      return ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
