package nl.reintegratie.gateway.store.embedded;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.reintegratie.gateway.store.Awaits;
import nl.reintegratie.gateway.store.mongo.MongoClientConfig;

/**
 * By-hand measurement of the embedded store's write paths (not a test: no timing assertions belong in tests).
 * Concurrent writers insert small documents through the real driver for a few seconds each, in these modes:
 * <ul>
 *   <li>acknowledged: insert only, no commit (what H2 gives on its own; not durable);</li>
 *   <li>group commit: insert, then {@link GroupCommitDurability#commit()};</li>
 *   <li>commit per request: insert, then a disk commit of its own on a worker thread (no grouping).</li>
 * </ul>
 * The optional third argument adds a simulated device flush of that many milliseconds to every disk commit,
 * serialised like a real fsync under H2's store lock, to see how the modes behave on a disk slower than this
 * machine's (where an fsync takes about 0.1 ms).
 *
 * <p>Run from {@code gateway/} with the test classpath (see {@code KillNineHarness}):
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * nl.reintegratie.gateway.store.embedded.GroupCommitBenchmark [writers] [seconds] [extraFlushMillis]}
 */
public final class GroupCommitBenchmark {

  private static final String PAYLOAD = "x".repeat(200);

  private final Vertx vertx;
  private final MongoClient mongo;
  private final EmbeddedMongoServer server;
  private final GroupCommitDurability groupCommit;
  private final long extraFlushMillis;
  private final Object disk = new Object();

  private GroupCommitBenchmark(Vertx vertx, EmbeddedMongoServer server, long extraFlushMillis) {
    this.vertx = vertx;
    this.server = server;
    this.extraFlushMillis = extraFlushMillis;
    this.mongo = MongoClient.create(vertx, MongoClientConfig.embedded(server.connectionString(), "bench"));
    this.groupCommit = new GroupCommitDurability(vertx, this::diskCommit, "bench-group-commit");
  }

  private void diskCommit() {
    synchronized (disk) {
      server.commitToDisk();
      if (extraFlushMillis > 0) {
        try {
          Thread.sleep(extraFlushMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int writers = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long extraFlushMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
    Path dir = Files.createTempDirectory("group-commit-bench");
    Vertx vertx = Vertx.vertx();
    EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.resolve("store.mv.db"), 0);
    GroupCommitBenchmark bench = new GroupCommitBenchmark(vertx, server, extraFlushMillis);
    try {
      bench.run("warm-up", writers, seconds, bench::groupCommit);
      bench.run("acknowledged (no commit)", writers, seconds, Future::succeededFuture);
      bench.run("group commit", writers, seconds, bench::groupCommit);
      bench.run("commit per request", writers, seconds, bench::ownCommit);
      bench.run("group commit", 1, seconds, bench::groupCommit);
      bench.run("commit per request", 1, seconds, bench::ownCommit);
    } finally {
      Awaits.await(bench.mongo.close());
      bench.groupCommit.close();
      server.stop();
      vertx.close().await();
    }
  }

  private Future<Void> groupCommit() {
    return groupCommit.commit();
  }

  private Future<Void> ownCommit() {
    // unordered: requests run their commits in parallel on the worker pool, H2 serialises them internally
    return vertx.executeBlocking(() -> {
      diskCommit();
      return null;
    }, false);
  }

  private void run(String mode, int writers, int seconds, Supplier<Future<Void>> commit) {
    long commitsBefore = groupCommit.commitCount();
    AtomicLong inserts = new AtomicLong();
    List<Long> commitLatencies = Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<Void>> done = new ArrayList<>();
    long started = System.nanoTime();
    for (int writer = 0; writer < writers; writer++) {
      Promise<Void> finished = Promise.promise();
      done.add(finished.future());
      int id = writer;
      vertx.getOrCreateContext().runOnContext(ignored ->
          writeLoop(mode + "-" + writers + "-" + id, 0, deadline, commit, inserts, commitLatencies, finished));
    }
    Awaits.await(Future.all(done));
    double elapsed = (System.nanoTime() - started) / 1e9;
    long commits = mode.startsWith("group") ? groupCommit.commitCount() - commitsBefore
        : mode.startsWith("commit per") ? inserts.get() : 0;
    System.out.printf("%-26s writers=%2d  inserts/s=%7.0f  commits/s=%6.0f  commit latency ms p50=%6.2f p99=%6.2f%n",
        mode, writers, inserts.get() / elapsed, commits / elapsed,
        percentile(commitLatencies, 50), percentile(commitLatencies, 99));
  }

  private void writeLoop(String prefix, long seq, long deadline, Supplier<Future<Void>> commit, AtomicLong inserts,
      List<Long> commitLatencies, Promise<Void> finished) {
    if (System.nanoTime() > deadline) {
      finished.complete();
      return;
    }
    JsonObject document = new JsonObject().put("_id", prefix + "-" + seq).put("payload", PAYLOAD);
    mongo.insert("writes", document)
        .compose(id -> {
          long commitStarted = System.nanoTime();
          return commit.get().onSuccess(ignored -> commitLatencies.add(System.nanoTime() - commitStarted));
        })
        .onSuccess(ignored -> inserts.incrementAndGet())
        .onFailure(finished::tryFail)
        .onSuccess(ignored -> writeLoop(prefix, seq + 1, deadline, commit, inserts, commitLatencies, finished));
  }

  private static double percentile(List<Long> nanos, int percentile) {
    if (nanos.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
