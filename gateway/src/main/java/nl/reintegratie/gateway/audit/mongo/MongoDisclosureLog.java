package nl.reintegratie.gateway.audit.mongo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import nl.reintegratie.gateway.audit.CheckpointSigner;
import nl.reintegratie.gateway.audit.CheckpointVerifier;
import nl.reintegratie.gateway.audit.ClientDisclosures;
import nl.reintegratie.gateway.audit.ConsistencyProof;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.LogHead;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.VerificationResult;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;

/**
 * The {@link DisclosureLog} on the store: appends ({@link LogAppender}, {@link LogAdvancer}), reads and proofs
 * ({@link LogReader}), verification ({@link MongoLogVerification}). Layout in {@link AuditCollections}.
 *
 * <p><b>What is kept for proofs, and its cost.</b> Each entry document holds its leaf hash and the hashes of the
 * perfect subtrees it completes (on average one, at most log2 n), the head the right edge of the tree (at most 64
 * hashes). An append therefore reads one small document and writes a few, whatever the log's size, and any proof
 * reads about log2 n documents by {@code _id}; the price is about 64 bytes of hashes per entry (some 70 MB for a
 * million entries, with the documents' overhead). Recomputing subtrees from leaves instead would make a proof read
 * up to half the log.
 *
 * <p>Several instances, on one gateway or on several sharing the store, may append at once: see
 * {@link LogAppender} for why they still produce one gap-free sequence, and {@link LogAdvancer} for what a crash
 * leaves and how it is taken in.
 */
public final class MongoDisclosureLog implements DisclosureLog {

  /** Every this many entries a signed checkpoint is archived, for the verifier and for consistency proofs. */
  public static final long DEFAULT_CHECKPOINT_EVERY = 1_000;

  private final Store store;
  private final HeadStore heads;
  private final LogAdvancer advancer;
  private final LogAppender appender;
  private final LogReader reader;
  private final MongoLogVerification verification;

  private MongoDisclosureLog(Vertx vertx, Store store, CheckpointSigner signer, CheckpointVerifier keys, Clock clock,
      long checkpointEvery, ScanMode scanMode) {
    this.store = store;
    this.heads = new HeadStore(store, keys);
    this.advancer = new LogAdvancer(store, heads, signer, clock, checkpointEvery);
    this.reader = new LogReader(store, heads);
    this.appender = new LogAppender(store, heads, advancer, reader::findByEvent);
    this.verification = new MongoLogVerification(vertx, store, keys, scanMode);
  }

  /**
   * Opens the log: creates its index, the empty log's signed head when there is none, and takes in the entries a
   * crash left after the head. Checkpoints are signed by {@code signer}, and those of {@code keys} (its own key and
   * any earlier ones) are trusted; {@link #verify()} reads the entries as {@code scanMode} says. Failure: the
   * store's, or a
   * {@link nl.reintegratie.gateway.audit.LogIntegrityException} when the head is missing while entries exist, does not
   * verify, or an entry after it does not fit.
   */
  public static Future<MongoDisclosureLog> open(Vertx vertx, Store store, CheckpointSigner signer,
      CheckpointVerifier keys, Clock clock, long checkpointEvery, ScanMode scanMode) {
    if (checkpointEvery < 1) {
      return Future.failedFuture(new IllegalArgumentException("checkpointEvery must be at least 1"));
    }
    MongoDisclosureLog log = new MongoDisclosureLog(vertx, store, signer, keys, clock, checkpointEvery, scanMode);
    return Indexes.ensure(store, AuditCollections.INDEXES)
        .compose(indexed -> log.heads.ensureExists(signer, clock))
        .compose(created -> log.rollForward())
        .map(log);
  }

  /** {@link #open} trusting only the signer's own key, archiving every {@value #DEFAULT_CHECKPOINT_EVERY} entries. */
  public static Future<MongoDisclosureLog> open(Vertx vertx, Store store, CheckpointSigner signer, Clock clock,
      ScanMode scanMode) {
    return open(vertx, store, signer, signer.verifier(), clock, DEFAULT_CHECKPOINT_EVERY, scanMode);
  }

  /**
   * Takes in every entry stored after the head (what a crash between writing an entry and advancing the head left),
   * durably. Runs at {@link #open}; appends do it by themselves when they meet such an entry. Succeeds with how
   * many there were.
   */
  public Future<Long> rollForward() {
    return store.durably(advancer.rollForwardAll());
  }

  @Override
  public Future<LoggedEntry> append(DisclosureEntry entry) {
    return appender.append(entry);
  }

  @Override
  public Future<Optional<LoggedEntry>> findByEvent(String eventId) {
    return reader.findByEvent(eventId);
  }

  @Override
  public Future<SignedCheckpoint> latestCheckpoint() {
    return heads.read().map(LogHead::checkpoint);
  }

  @Override
  public Future<ClientDisclosures> entriesOf(String clientId) {
    return reader.entriesOf(clientId);
  }

  @Override
  public Future<ConsistencyProof> consistencyProof(long firstSize, long secondSize) {
    return reader.consistencyProof(firstSize, secondSize);
  }

  @Override
  public Future<VerificationResult> verify() {
    return verification.run();
  }
}
