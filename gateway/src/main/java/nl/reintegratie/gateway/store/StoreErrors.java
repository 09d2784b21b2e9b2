package nl.reintegratie.gateway.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import io.vertx.core.Future;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates MongoDB driver failures into the store's own exceptions, so callers (and the HTTP layer) only need
 * to know {@link DuplicateKeyException} (409), {@link StoreUnavailableException} (503) and {@link StoreException}
 * (500).
 *
 * <p>Server error messages may quote document values (a duplicate key message quotes the key), so translated
 * exceptions carry the error code and index name only and drop the server's message.
 */
public final class StoreErrors {

  // "E11000 duplicate key error collection: db.coll index: key_1 dup key: { ... }" on MongoDB and
  // mongo-java-server alike; only the index name is kept.
  private static final Pattern INDEX_NAME = Pattern.compile("index: (\\S+)");

  private StoreErrors() {
  }

  /**
   * Maps {@code failure} to a {@link StoreException}: duplicate key errors to {@link DuplicateKeyException},
   * connectivity problems, timeouts and a closed client to {@link StoreUnavailableException}, other driver errors
   * to {@link StoreException}. A {@link StoreException} and non-driver exceptions are returned unchanged.
   */
  public static Throwable translate(Throwable failure) {
    if (failure instanceof StoreException) {
      return failure;
    }
    if (isDuplicateKey(failure)) {
      return new DuplicateKeyException(indexName(failure.getMessage()));
    }
    if (isUnavailable(failure)) {
      return new StoreUnavailableException("store unavailable: " + failure.getClass().getSimpleName(), failure);
    }
    if (failure instanceof MongoServerException) {
      MongoServerException serverError = (MongoServerException) failure;
      // no cause: the server's message may echo document contents
      String codeName = serverError.getErrorCodeName() == null ? "" : " (" + serverError.getErrorCodeName() + ")";
      return new StoreException("store operation failed with code " + serverError.getCode() + codeName);
    }
    if (failure instanceof com.mongodb.MongoException) {
      return new StoreException("store operation failed: " + failure.getClass().getSimpleName(), failure);
    }
    return failure;
  }

  /** A failed future with {@code failure} {@link #translate translated}; fits {@code Future.recover}. */
  public static <T> Future<T> failed(Throwable failure) {
    return Future.failedFuture(translate(failure));
  }

  /** {@code operation} with its failure {@link #translate translated}. */
  public static <T> Future<T> translated(Future<T> operation) {
    return operation.recover(StoreErrors::failed);
  }

  private static boolean isDuplicateKey(Throwable failure) {
    if (failure instanceof MongoWriteException) {
      return ((MongoWriteException) failure).getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
    if (failure instanceof MongoBulkWriteException) {
      return ((MongoBulkWriteException) failure).getWriteErrors().stream()
          .anyMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY);
    }
    if (failure instanceof MongoServerException) {
      // e.g. findOneAndUpdate with upsert, reported as a command error
      return ErrorCategory.fromErrorCode(((MongoServerException) failure).getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
    return false;
  }

  private static boolean isUnavailable(Throwable failure) {
    return failure instanceof MongoTimeoutException
        || failure instanceof MongoOperationTimeoutException
        || failure instanceof MongoExecutionTimeoutException
        || failure instanceof MongoSocketException
        || failure instanceof MongoServerUnavailableException
        || failure instanceof MongoConnectionPoolClearedException
        || failure instanceof MongoNotPrimaryException
        || failure instanceof MongoNodeIsRecoveringException
        || failure instanceof MongoWriteConcernException
        || failure instanceof MongoInterruptedException
        || failure instanceof TimeoutException
        || isClosedClient(failure);
  }

  // what the driver throws once its client is closed
  private static boolean isClosedClient(Throwable failure) {
    return failure instanceof IllegalStateException
        && String.valueOf(failure.getMessage()).contains("state should be: open");
  }

  private static String indexName(String message) {
    Matcher matcher = INDEX_NAME.matcher(String.valueOf(message));
    return matcher.find() ? matcher.group(1) : "unknown";
  }
}
