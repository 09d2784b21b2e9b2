package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.reintegratie.gateway.crypto.KeyRing;
import nl.reintegratie.gateway.crypto.WrappedKey;

/**
 * Moves every client key to the key ring's active key-encryption key. Only the 32-byte client
 * keys are re-wrapped; documents and their data keys are untouched, so rotation costs one small
 * write per client however large the dossiers are. Safe to interrupt and run again: keys that
 * already use the active version are skipped, and a key shredded meanwhile is not brought back
 * (the repository replaces only what still exists).
 */
public final class KeyRotation {

  static final int PAGE_SIZE = 200;

  /** How far a rotation got: keys looked at, keys re-wrapped, keys gone meanwhile (shredded). */
  public record Progress(long seen, long rewrapped, long vanished) {
    Progress plus(long seenMore, long rewrappedMore, long vanishedMore) {
      return new Progress(seen + seenMore, rewrapped + rewrappedMore, vanished + vanishedMore);
    }
  }

  private final Vertx vertx;
  private final KeyRing keys;
  private final ClientKeyRepository clientKeys;

  public KeyRotation(Vertx vertx, KeyRing keys, ClientKeyRepository clientKeys) {
    this.vertx = vertx;
    this.keys = keys;
    this.clientKeys = clientKeys;
  }

  /**
   * Re-wraps all client keys under the active version, reporting after every page.
   *
   * @return the totals; fails on the first key that does not unwrap (it stays as it was, and
   *     so do all keys after it), e.g. because its KEK version is no longer in the ring
   */
  public Future<Progress> rewrapAll(Consumer<Progress> onProgress) {
    return nextPage(Optional.empty(), new Progress(0, 0, 0), onProgress);
  }

  private Future<Progress> nextPage(Optional<String> after, Progress sofar, Consumer<Progress> onProgress) {
    return clientKeys.page(after, PAGE_SIZE).compose(page -> {
      if (page.isEmpty()) {
        return Future.succeededFuture(sofar);
      }
      return rewrapPage(page, sofar).compose(progress -> {
        onProgress.accept(progress);
        return nextPage(Optional.of(page.get(page.size() - 1).clientId()), progress, onProgress);
      });
    });
  }

  private Future<Progress> rewrapPage(List<ClientKeyRecord> page, Progress sofar) {
    Future<Progress> chain = Future.succeededFuture(sofar.plus(0, 0, 0));
    for (ClientKeyRecord record : page) {
      chain = chain.compose(progress -> {
        if (record.kekVersion() == keys.activeVersion()) {
          return Future.succeededFuture(progress.plus(1, 0, 0));
        }
        return vertx.executeBlocking(() -> keys.rewrap(new WrappedKey(record.kekVersion(), record.wrappedKey()),
                DossierKeys.clientKey(record.clientId())), false)
            .compose(rewrapped -> clientKeys.replace(new ClientKeyRecord(record.clientId(),
                rewrapped.kekVersion(), rewrapped.wrapped(), record.createdAt())))
            .map(replaced -> replaced ? progress.plus(1, 1, 0) : progress.plus(1, 0, 1));
      });
    }
    return chain;
  }

  /** How many client keys still use {@code kekVersion}: a version may be retired at zero. */
  public Future<Long> countUsing(int kekVersion) {
    return count(Optional.empty(), kekVersion, 0L);
  }

  private Future<Long> count(Optional<String> after, int kekVersion, long sofar) {
    return clientKeys.page(after, PAGE_SIZE).compose(page -> page.isEmpty()
        ? Future.succeededFuture(sofar)
        : count(Optional.of(page.get(page.size() - 1).clientId()), kekVersion,
            sofar + page.stream().filter(r -> r.kekVersion() == kekVersion).count()));
  }
}
