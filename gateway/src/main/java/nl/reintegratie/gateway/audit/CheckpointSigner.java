package nl.reintegratie.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;

/**
 * Signs checkpoints with the gateway's Ed25519 key, the same key that signs its provider API responses.
 *
 * <p><b>Why that key.</b> The checkpoints prove what the gateway, as one party, has disclosed; providers already
 * know and pin its public key ({@code keys-dev/gateway/signing-ed25519.pub} in development), clients and supervisors
 * get it from the same place, and it rotates under one procedure. A second key would add distribution and rotation
 * without adding protection: whoever holds the response key can already speak for the gateway. The two uses cannot
 * be confused: an RFC 9421 signature base always starts with a quoted component name ({@code "@status": ...}),
 * a checkpoint with the log's origin, and each verifier rebuilds the exact bytes of its own kind.
 */
public final class CheckpointSigner {

  /** C2SP signed-note signature type byte of Ed25519. */
  static final byte ED25519_TYPE = 0x01;

  private final String origin;
  private final Ed25519SigningKey key;
  private final int keyId;

  /** {@code origin} is the log's name, also the key name of its signatures (as c2sp.org/tlog-checkpoint advises). */
  public CheckpointSigner(String origin, Ed25519SigningKey key) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.key = Objects.requireNonNull(key, "key");
    this.keyId = CheckpointVerifier.keyId(origin, key.publicKey());
  }

  public String origin() {
    return origin;
  }

  public SignedCheckpoint sign(long size, TreeHash root, Instant time) {
    Checkpoint checkpoint = new Checkpoint(origin, size, root, time);
    byte[] signature = key.sign(checkpoint.textBytes());
    return new SignedCheckpoint(checkpoint, List.of(new NoteSignature(origin, keyId, signature)));
  }

  /** The verifier for this signer's own public key. */
  public CheckpointVerifier verifier() {
    return new CheckpointVerifier(origin, List.of(key.publicKey()));
  }
}
