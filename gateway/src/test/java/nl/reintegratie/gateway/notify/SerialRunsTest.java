package nl.reintegratie.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One run at a time; asking during a run gives exactly one more; stopping waits for the run in progress. */
@Timeout(30)
class SerialRunsTest {

  final Vertx vertx = Vertx.vertx();
  final AtomicInteger started = new AtomicInteger();
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private Future<?> slowJob() {
    started.incrementAndGet();
    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
    Promise<Void> done = Promise.promise();
    vertx.setTimer(200, id -> {
      running.decrementAndGet();
      done.complete();
    });
    return done.future();
  }

  @Test
  void requestsDuringARun_giveOneMoreRun_neverTwoAtOnce() throws Exception {
    SerialRuns runs = new SerialRuns(vertx, this::slowJob);
    runs.start(Duration.ofHours(1)); // the first run starts at once

    Thread.sleep(50);
    for (int i = 0; i < 10; i++) {
      runs.trigger();
    }
    Thread.sleep(700);

    assertThat(started).hasValue(2);
    assertThat(mostAtOnce).hasValue(1);
  }

  @Test
  void stop_waitsForTheRunInProgress_andNothingRunsAfterwards() throws Exception {
    SerialRuns runs = new SerialRuns(vertx, this::slowJob);
    runs.start(Duration.ofMillis(50));
    Thread.sleep(50);

    runs.stop().await();

    assertThat(running).hasValue(0);
    int afterStop = started.get();
    runs.trigger();
    Thread.sleep(300);
    assertThat(started).hasValue(afterStop);
  }
}
