package nl.reintegratie.gateway.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@link KillNineChild} in a separate JVM, kills it with SIGKILL after a number of acknowledged writes and
 * reads back what survived.
 *
 * <p>Its {@link #main} is the by-hand demonstration that the kill test is meaningful: it runs the child once
 * without commit and once with {@code durably(...)} and prints how many acknowledged writes each lost. Run it with
 * the test classpath, e.g. from {@code gateway/}:
 * <pre>
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) nl.reintegratie.gateway.store.KillNineHarness
 * </pre>
 */
public final class KillNineHarness {

  static final int WRITERS = 32;

  private KillNineHarness() {
  }

  /**
   * Starts the child on {@code dir}, collects acknowledged ids until at least {@code acksBeforeKill}, kills the
   * child with SIGKILL ({@code ProcessHandle.destroyForcibly}) and returns every id it acknowledged, including
   * those still in the pipe at the moment of the kill.
   */
  static Set<String> writeUntilKilled(Path dir, String mode, int acksBeforeKill)
      throws IOException, InterruptedException {
    Path childLog = Files.createTempFile("kill-nine-child", ".log");
    Process child = new ProcessBuilder(
        ProcessHandle.current().info().command().orElseThrow(),
        "-Xmx512m",
        "-Dlogback.configurationFile=" + childLogbackConfig(),
        "-cp", System.getProperty("java.class.path"),
        KillNineChild.class.getName(), dir.toString(), mode, String.valueOf(WRITERS))
        .redirectError(childLog.toFile())
        .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      if (!KillNineChild.READY.equals(first)) {
        throw new IllegalStateException("child did not start: " + first + "\n" + Files.readString(childLog));
      }
      Set<String> acknowledged = new HashSet<>();
      String line;
      while (acknowledged.size() < acksBeforeKill && (line = out.readLine()) != null) {
        addIfAck(line, acknowledged);
      }
      if (acknowledged.size() < acksBeforeKill) {
        throw new IllegalStateException("child ended early after " + acknowledged.size() + " acknowledgements\n"
            + Files.readString(childLog));
      }
      // SIGKILL: no shutdown hooks, no final commit. Through the ProcessHandle, because Process.destroyForcibly()
      // also closes our end of the pipe, and the acknowledgements still in it would be lost to the check.
      child.toHandle().destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
      // acknowledgements printed before the kill but not yet read count as well
      while ((line = out.readLine()) != null) {
        addIfAck(line, acknowledged);
      }
      return acknowledged;
    } finally {
      child.destroyForcibly();
      Files.deleteIfExists(childLog);
    }
  }

  /** Reopens the embedded store on {@code dir} and returns the ids of all documents written by the child. */
  static Set<String> storedIds(Vertx vertx, Path dir) {
    Store store = Awaits.await(Stores.open(vertx, StoreSettings.embedded(dir, KillNineChild.DATABASE)));
    try {
      FindOptions idsOnly = new FindOptions().setFields(new JsonObject().put("_id", 1));
      return Awaits.await(store.mongo().findWithOptions(KillNineChild.COLLECTION, new JsonObject(), idsOnly))
          .stream()
          .map(document -> document.getString("_id"))
          .collect(Collectors.toSet());
    } finally {
      Awaits.await(store.close());
    }
  }

  private static void addIfAck(String line, Set<String> acknowledged) {
    // a line cut off by the kill has no terminating ';' and is not an acknowledgement
    if (line.startsWith("ack:") && line.endsWith(";")) {
      acknowledged.add(line.substring("ack:".length(), line.length() - 1));
    }
  }

  private static Path childLogbackConfig() {
    try {
      return Path.of(KillNineHarness.class.getResource("/store-child-logback.xml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** By-hand demonstration: acknowledged writes lost with and without commit after a SIGKILL. */
  public static void main(String[] args) throws Exception {
    int acksBeforeKill = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
    Vertx vertx = Vertx.vertx();
    try {
      for (String mode : new String[] {"acknowledged", "durable"}) {
        Path dir = Files.createTempDirectory("kill-nine-" + mode);
        Set<String> acknowledged = writeUntilKilled(dir, mode, acksBeforeKill);
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(storedIds(vertx, dir));
        System.out.printf("mode=%s acknowledged=%d kept=%d lost=%d%n", mode, acknowledged.size(),
            acknowledged.size() - lost.size(), lost.size());
      }
    } finally {
      vertx.close().await();
    }
  }
}
