package nl.reintegratie.gateway.dossier.mongo;

import io.vertx.core.Future;
import java.util.function.Function;
import nl.reintegratie.gateway.dossier.AlreadyExistsException;
import nl.reintegratie.gateway.store.DuplicateKeyException;

/**
 * The one place where the dossier adapters translate the store's failures into the domain's: a
 * {@link DuplicateKeyException} becomes an {@link AlreadyExistsException}. Every other failure (store unavailable,
 * store failed) passes through unchanged; the domain's ports document them only as "the store's failure".
 */
final class StoreFailures {

  private StoreFailures() {
  }

  /** {@code write}, with a duplicate key failure reported as {@code kind} already existing. */
  static <T> Future<T> duplicateAs(Future<T> write, AlreadyExistsException.Kind kind) {
    return duplicateAs(write, index -> kind);
  }

  /** {@code write}, with a duplicate key failure reported by the kind that the violated index stands for. */
  static <T> Future<T> duplicateAs(Future<T> write, Function<String, AlreadyExistsException.Kind> kindOfIndex) {
    return write.recover(failure -> failure instanceof DuplicateKeyException
        ? Future.failedFuture(new AlreadyExistsException(kindOfIndex.apply(((DuplicateKeyException) failure).index())))
        : Future.failedFuture(failure));
  }
}
