package nl.reintegratie.gateway.store.embedded;

import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.reintegratie.gateway.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The group commit protocol against a fake disk commit whose progress the test controls. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GroupCommitDurabilityTest {

  @Test
  void callersArrivingDuringACommit_allShareTheNextCommit(Vertx vertx) throws Exception {
    GatedDiskCommit disk = new GatedDiskCommit();
    GroupCommitDurability durability = new GroupCommitDurability(vertx, disk, "test-group-commit");
    try {
      Future<Void> first = durability.commit();
      disk.awaitStarted(1); // the first commit is now running, held at the gate
      List<Future<Void>> arrivedDuringFirst = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        arrivedDuringFirst.add(durability.commit());
      }

      disk.releaseOne();
      await(first);
      assertThat(arrivedDuringFirst).noneMatch(Future::isComplete);

      disk.awaitStarted(2);
      disk.releaseOne();
      await(Future.all(arrivedDuringFirst));
      assertThat(durability.commitCount()).isEqualTo(2);
      assertThat(durability.callerCount()).isEqualTo(21);
    } finally {
      disk.releaseAll();
      durability.close();
    }
  }

  @Test
  void commit_whenDiskCommitFails_failsWithStoreUnavailable(Vertx vertx) {
    GroupCommitDurability durability = new GroupCommitDurability(vertx, () -> {
      throw new IllegalStateException("disk full");
    }, "test-group-commit");
    try {
      assertThatThrownBy(() -> await(durability.commit()))
          .hasCauseInstanceOf(StoreUnavailableException.class);
    } finally {
      durability.close();
    }
  }

  @Test
  void commit_afterClose_failsWithStoreUnavailable(Vertx vertx) {
    GroupCommitDurability durability = new GroupCommitDurability(vertx, () -> { }, "test-group-commit");
    durability.close();

    assertThatThrownBy(() -> await(durability.commit())).hasCauseInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void close_whileCallersWait_commitsForThemFirst(Vertx vertx) throws Exception {
    GatedDiskCommit disk = new GatedDiskCommit();
    GroupCommitDurability durability = new GroupCommitDurability(vertx, disk, "test-group-commit");
    Future<Void> running = durability.commit();
    disk.awaitStarted(1);
    Future<Void> waiting = durability.commit();

    disk.releaseAll();
    durability.close();

    await(running);
    await(waiting);
    assertThat(durability.commitCount()).isEqualTo(2);
  }

  @Test
  void commit_completesOnTheCallersContextNotOnTheCommitThread(Vertx vertx) {
    GroupCommitDurability durability = new GroupCommitDurability(vertx, () -> { }, "test-group-commit");
    try {
      Context caller = vertx.getOrCreateContext();
      Promise<Boolean> sameContext = Promise.promise();
      caller.runOnContext(ignored -> durability.commit().onComplete(result ->
          sameContext.complete(Vertx.currentContext() == caller && Context.isOnEventLoopThread())));

      assertThat(await(sameContext.future())).isTrue();
    } finally {
      durability.close();
    }
  }

  @Test
  void manyConcurrentCallers_allComplete(Vertx vertx) {
    AtomicInteger diskCommits = new AtomicInteger();
    GroupCommitDurability durability =
        new GroupCommitDurability(vertx, diskCommits::incrementAndGet, "test-group-commit");
    try {
      List<Future<Void>> commits = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        commits.add(durability.commit());
      }

      await(Future.all(commits));
      assertThat(durability.callerCount()).isEqualTo(1_000);
      assertThat(diskCommits.get()).isBetween(1, 1_000);
    } finally {
      durability.close();
    }
  }

  /** A disk commit that blocks until the test releases it, and tells the test when it started. */
  private static final class GatedDiskCommit implements Runnable {
    private final Semaphore gate = new Semaphore(0);
    private final Semaphore started = new Semaphore(0);
    private volatile boolean open;

    @Override
    public void run() {
      started.release();
      if (!open) {
        gate.acquireUninterruptibly();
      }
    }

    /** Waits until the {@code nth} commit has started. */
    void awaitStarted(int nth) throws InterruptedException {
      assertThat(started.tryAcquire(10, TimeUnit.SECONDS)).as("commit %d started", nth).isTrue();
    }

    void releaseOne() {
      gate.release();
    }

    void releaseAll() {
      open = true;
      gate.release(1_000);
    }
  }
}
