package nl.reintegratie.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability guarantee under {@code kill -9}: a child JVM writes through {@code Store.durably(...)} from 32
 * concurrent writers and is killed with SIGKILL after 3,000 acknowledged writes; every acknowledged write must be
 * in the store afterwards.
 *
 * <p>The test is meaningful because without the commit acknowledged writes are lost: H2 commits on its own only
 * about once a second. Measured by hand with {@link KillNineHarness#main}, which runs the same child once with plain
 * acknowledged inserts and once with {@code durably(...)}: after 3,000 acknowledgements the plain child lost 522,
 * 1,241 and 1,506 of them in three runs (after 10,000: 1,568 to 4,898 in five runs); the durable child lost none
 * in any of those eight runs.
 */
@ExtendWith(VertxExtension.class)
class KillNineDurabilityTest {

  private static final int ACKS_BEFORE_KILL = 3_000;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void sigkillAfterDurableAcknowledgements_everyAcknowledgedWriteSurvives(@TempDir Path dir, Vertx vertx)
      throws Exception {
    Set<String> acknowledged = KillNineHarness.writeUntilKilled(dir, "durable", ACKS_BEFORE_KILL);

    Set<String> lost = new HashSet<>(acknowledged);
    lost.removeAll(KillNineHarness.storedIds(vertx, dir));

    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    assertThat(lost).as("%d of %d acknowledged writes lost, e.g. %s", lost.size(), acknowledged.size(),
        lost.stream().limit(5).toList()).isEmpty();
  }
}
