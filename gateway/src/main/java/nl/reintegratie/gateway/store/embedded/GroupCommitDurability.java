package nl.reintegratie.gateway.store.embedded;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.reintegratie.gateway.store.Durability;
import nl.reintegratie.gateway.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durability for the embedded store by group commit.
 *
 * <p>H2 commits on its own only about once a second, so a killed process loses up to a second of acknowledged
 * writes. Committing once per request would make every request pay a full commit plus fsync. Instead one dedicated
 * thread (not an event loop, and it never blocks one) runs the disk commit in a loop: each commit serves every
 * caller that was waiting when it started; callers that arrive while it runs wait for the next one. Under load N
 * concurrent requests therefore share a few commits, and an idle store commits right away.
 *
 * <p>A caller's future is completed on the Vert.x context it called {@link #commit()} from, so its continuation
 * (typically writing the HTTP response) never runs on the commit thread.
 */
public final class GroupCommitDurability implements Durability {

  private static final Logger log = LoggerFactory.getLogger(GroupCommitDurability.class);

  private final Vertx vertx;
  private final Runnable diskCommit;
  private final Thread committer;

  private final Object lock = new Object();
  private List<Waiter> waiting = new ArrayList<>(); // guarded by lock
  private boolean closing; // guarded by lock

  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong callersServed = new AtomicLong();

  /**
   * Starts the commit thread.
   *
   * @param diskCommit blocking action that makes every write acknowledged before it started durable, e.g.
   *                   {@link EmbeddedMongoServer#commitToDisk()}; a thrown exception fails that commit's callers
   * @param threadName name of the commit thread, for thread dumps
   */
  public GroupCommitDurability(Vertx vertx, Runnable diskCommit, String threadName) {
    this.vertx = vertx;
    this.diskCommit = diskCommit;
    this.committer = new Thread(this::commitLoop, threadName);
    // daemon: a forgotten close() must not keep the JVM alive; the H2 file survives an unclean exit anyway
    this.committer.setDaemon(true);
    this.committer.start();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Non-blocking: registers the caller for the next commit that starts after this call.
   */
  @Override
  public Future<Void> commit() {
    Context context = vertx.getOrCreateContext();
    Promise<Void> promise = Promise.promise();
    synchronized (lock) {
      if (closing) {
        return Future.failedFuture(new StoreUnavailableException("the embedded store is closed"));
      }
      waiting.add(new Waiter(context, promise));
      lock.notifyAll();
    }
    return promise.future();
  }

  /**
   * Commits once more for everyone still waiting, then stops the commit thread; later {@link #commit()} calls fail
   * with {@link StoreUnavailableException}. Blocks until the thread has ended. Idempotent.
   */
  public void close() {
    synchronized (lock) {
      closing = true;
      lock.notifyAll();
    }
    try {
      committer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("group commit stopped after {} commits for {} callers", commits.get(), callersServed.get());
  }

  /** Number of disk commits done so far. */
  long commitCount() {
    return commits.get();
  }

  /** Number of {@link #commit()} callers completed so far. */
  long callerCount() {
    return callersServed.get();
  }

  private void commitLoop() {
    List<Waiter> batch;
    while ((batch = nextBatch()) != null) {
      commitFor(batch);
    }
  }

  /** Waits for callers; {@code null} once closing and nobody is left waiting. */
  private List<Waiter> nextBatch() {
    synchronized (lock) {
      while (waiting.isEmpty() && !closing) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          // only close() ends this thread, so that no caller is ever left without an answer
        }
      }
      if (waiting.isEmpty()) {
        return null;
      }
      List<Waiter> batch = waiting;
      waiting = new ArrayList<>();
      return batch;
    }
  }

  private void commitFor(List<Waiter> batch) {
    StoreUnavailableException failure = null;
    try {
      diskCommit.run();
    } catch (RuntimeException | Error e) {
      log.error("commit of the embedded store failed; {} waiting writes are not known to be durable", batch.size(), e);
      failure = new StoreUnavailableException("the embedded store could not commit to disk", e);
    }
    commits.incrementAndGet();
    callersServed.addAndGet(batch.size());
    for (Waiter waiter : batch) {
      waiter.complete(failure);
    }
  }

  private record Waiter(Context context, Promise<Void> promise) {

    void complete(StoreUnavailableException failure) {
      context.runOnContext(ignored -> {
        if (failure == null) {
          promise.complete();
        } else {
          promise.fail(failure);
        }
      });
    }
  }
}
