package nl.reintegratie.gateway.audit;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The tamper-evident disclosure log (RFC 9162 style): every grant, revocation, objection, objection decision,
 * release fetch and read of a client's data by anyone but the client is appended here <em>before</em> it takes
 * effect, and the log proves afterwards that no entry was changed, removed, added or moved.
 *
 * <p>Failures: the store's own (unavailable: 503, failed: 500) pass through unchanged; {@link LogIntegrityException}
 * when the stored log does not verify where an operation needs it to; {@link IllegalArgumentException} for
 * arguments outside the log.
 */
public interface DisclosureLog {

  /**
   * Appends {@code entry}. Succeeds only once the entry is durable and covered by a signed head, with its index.
   * Fails when it cannot be written: then the action must fail too (nothing is disclosed without its entry).
   *
   * <p>Write-ahead: an append that failed late (the store went down after the entry was written) may still leave
   * the entry, which the log then keeps. Retry the action with the same {@link DisclosureEntry#eventId()}: an
   * event already logged is returned as it is (a retry is logged once); the same event id with a different action
   * fails with {@link EventIdConflictException}.
   */
  Future<LoggedEntry> append(DisclosureEntry entry);

  /** The entry logged for {@code eventId}, if any: to check an action has its entry (invariant 3). */
  Future<Optional<LoggedEntry>> findByEvent(String eventId);

  /** The latest signed checkpoint (the head). */
  Future<SignedCheckpoint> latestCheckpoint();

  /** The client's own entries with inclusion proofs against the latest checkpoint, oldest first. */
  Future<ClientDisclosures> entriesOf(String clientId);

  /**
   * Proof that the tree of {@code secondSize} leaves extends the one of {@code firstSize}. Failure:
   * {@link IllegalArgumentException} unless {@code 0 <= firstSize <= secondSize <= } the head's size.
   */
  Future<ConsistencyProof> consistencyProof(long firstSize, long secondSize);

  /**
   * Reads the whole log once and checks every entry, subtree hash, the head and every archived checkpoint
   * ({@link LogVerifier}). Never fails for what it finds: a problem is the result. Fails only when the store
   * cannot be read. Takes about a minute per million entries on the embedded store (the reading, not the hashing,
   * which runs on a worker thread): run it as a job whose result an API reports, not within one request's timeout.
   */
  Future<VerificationResult> verify();
}
