package nl.reintegratie.gateway.signature;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * Port: the record of nonces already seen, against replay. Asynchronous because the real ledger is a database
 * with a unique index; it must never block an event loop.
 */
public interface NonceLedger {

  /**
   * Records {@code nonce} for {@code keyId} and completes with {@code true} when this is its first use, {@code false}
   * when it was recorded before. Atomic: of two concurrent calls with the same pair exactly one sees {@code true}.
   * The entry may be forgotten after {@code expiresAt}, when the signature's {@code created} is outside the window
   * anyway. A failed future means the ledger could not answer; the verifier then refuses nothing and accepts
   * nothing, it passes the failure on.
   */
  Future<Boolean> firstUse(String keyId, String nonce, Instant expiresAt);
}
