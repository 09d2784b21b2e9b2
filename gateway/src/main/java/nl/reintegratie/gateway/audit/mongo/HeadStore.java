package nl.reintegratie.gateway.audit.mongo;

import static nl.reintegratie.gateway.audit.mongo.AuditCollections.CHECKPOINTS;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.ENTRIES;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.HEAD;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.HEAD_ID;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import nl.reintegratie.gateway.audit.CheckpointSigner;
import nl.reintegratie.gateway.audit.CheckpointVerifier;
import nl.reintegratie.gateway.audit.LogHead;
import nl.reintegratie.gateway.audit.LogIntegrityException;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.TreeHash;
import nl.reintegratie.gateway.audit.TreeHasher;
import nl.reintegratie.gateway.store.DuplicateKeyException;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreUnavailableException;

/**
 * The head document and the checkpoint archive. The head only ever moves forward, by a compare-and-set on its
 * {@code size}: a single-document atomic update, so gateways racing to advance it from the same size cannot both
 * win, and no transaction is needed.
 *
 * <p><b>Torn reads on the embedded server.</b> mongo-java-server answers a query with the very document objects it
 * stores and encodes them after releasing its lock, while an update rewrites such an object in place (clear, then
 * refill); a read racing an update of the head can therefore see fields of two versions. Such a head fails
 * validation, so a head that does not validate is read again, up to {@value #READ_ATTEMPTS} times, before it counts
 * as broken. A real MongoDB never returns a torn document; there the repeat never happens.
 */
final class HeadStore {

  private static final JsonObject HEAD_FILTER = new JsonObject().put("_id", HEAD_ID);
  private static final int READ_ATTEMPTS = 5;

  private final Store store;
  private final CheckpointVerifier verifier;

  HeadStore(Store store, CheckpointVerifier verifier) {
    this.store = store;
    this.verifier = verifier;
  }

  /**
   * The current head, checked ({@link LogHead#validate}). Failure: {@link LogIntegrityException} when there is none
   * or it does not verify.
   */
  Future<LogHead> read() {
    return read(1);
  }

  private Future<LogHead> read(int attempt) {
    return store.read(mongo -> mongo.findOne(HEAD, HEAD_FILTER, null)).map(document -> {
      if (document == null) {
        throw new LogIntegrityException("the log has no head");
      }
      return LogHead.validate(HeadCodec.head(document), verifier);
    }).recover(failure -> attempt < READ_ATTEMPTS && !(failure instanceof StoreUnavailableException)
        ? read(attempt + 1)
        : Future.failedFuture(failure));
  }

  /**
   * Advances the head from {@code expectedSize} to {@code next}. Succeeds with whether this call moved it; false
   * means another gateway advanced it from that size first (the filter names {@code _id} and {@code size}: the
   * embedded server scans for it, but the collection holds one document).
   */
  Future<Boolean> compareAndSet(long expectedSize, SignedCheckpoint next, List<byte[]> frontier) {
    JsonObject expected = HEAD_FILTER.copy().put(HeadCodec.SIZE, expectedSize);
    JsonObject update = new JsonObject().put("$set", HeadCodec.headFields(next, frontier));
    return store.read(mongo -> mongo.updateCollection(HEAD, expected, update))
        .map(result -> result.getDocMatched() == 1);
  }

  /** Archives {@code checkpoint} under its size; one of that size already there (a racing gateway's) is kept. */
  Future<Void> archive(SignedCheckpoint checkpoint) {
    return store.read(mongo -> mongo.insert(CHECKPOINTS, HeadCodec.checkpointDocument(checkpoint)))
        .<Void>mapEmpty()
        .recover(failure -> failure instanceof DuplicateKeyException
            ? Future.succeededFuture()
            : Future.failedFuture(failure));
  }

  /**
   * Creates the empty log's head, signed, unless there is a head. Refuses (fail closed) when there is no head but
   * there are entries: recreating it would have the gateway sign whatever the entries now say.
   */
  Future<Void> ensureExists(CheckpointSigner signer, Clock clock) {
    return store.read(mongo -> mongo.findOne(HEAD, HEAD_FILTER, null)).compose(head -> {
      if (head != null) {
        return Future.succeededFuture();
      }
      return store.read(mongo -> mongo.findOne(ENTRIES, new JsonObject().put("_id", 0L), new JsonObject()))
          .compose(first -> {
            if (first != null) {
              return Future.failedFuture(new LogIntegrityException("the log has entries but no head"));
            }
            SignedCheckpoint empty = signer.sign(0, TreeHash.of(new TreeHasher().emptyRoot()), clock.instant());
            JsonObject document = HeadCodec.headFields(empty, List.of()).put("_id", HEAD_ID);
            return store.read(mongo -> mongo.insert(HEAD, document)).<Void>mapEmpty()
                .recover(failure -> failure instanceof DuplicateKeyException
                    ? Future.succeededFuture() // another gateway created it meanwhile
                    : Future.failedFuture(failure));
          });
    });
  }
}
