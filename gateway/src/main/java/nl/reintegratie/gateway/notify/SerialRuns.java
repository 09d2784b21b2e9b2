package nl.reintegratie.gateway.notify;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a job now and then and whenever asked, never two at a time: a request that arrives during a run makes one
 * more run after it (so nothing asked for is missed), however many requests arrive meanwhile. Runs happen on one
 * Vert.x context.
 */
final class SerialRuns {

  static final Duration STOP_WAIT = Duration.ofSeconds(15);

  private final Vertx vertx;
  private final Supplier<Future<?>> job;
  private Context context;
  private long timer = -1;
  private boolean running;
  private boolean again;
  private boolean stopped;
  private Promise<Void> idle;

  SerialRuns(Vertx vertx, Supplier<Future<?>> job) {
    this.vertx = vertx;
    this.job = job;
  }

  /** Runs now, then every {@code every}. */
  synchronized void start(Duration every) {
    context = vertx.getOrCreateContext();
    stopped = false;
    timer = vertx.setPeriodic(every.toMillis(), id -> trigger());
    trigger();
  }

  /** Asks for a run: now if none is running, else right after the current one. Ignored once stopped. */
  synchronized void trigger() {
    if (stopped || context == null) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    context.runOnContext(v -> launch());
  }

  private void launch() {
    Future<?> run;
    try {
      run = job.get();
    } catch (RuntimeException e) {
      run = Future.failedFuture(e);
    }
    run.onComplete(done -> finished());
  }

  private void finished() {
    boolean next;
    Promise<Void> waiting = null;
    synchronized (this) {
      next = again && !stopped;
      again = false;
      running = next;
      if (!running && idle != null) {
        waiting = idle;
        idle = null;
      }
    }
    if (next) {
      context.runOnContext(v -> launch());
    }
    if (waiting != null) {
      waiting.tryComplete();
    }
  }

  /**
   * No more runs; succeeds once the run in progress, if any, has finished, or after {@link #STOP_WAIT} (a run stuck
   * on a store that does not answer must not hold up the gateway's shutdown; its steps are redone at the next start).
   */
  synchronized Future<Void> stop() {
    stopped = true;
    if (timer != -1) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    if (!running) {
      return Future.succeededFuture();
    }
    if (idle == null) {
      idle = Promise.promise();
    }
    return idle.future().timeout(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS).recover(e -> Future.succeededFuture());
  }
}
