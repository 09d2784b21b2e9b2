package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cost of the encrypted dossier for a 100 KB end report, measured in one run on this
 * machine: store-and-encrypt (a new document version through {@link DossierService}: data key,
 * seal, wrap, insert, group commit) and load-and-decrypt (find, unwrap twice, open), next to
 * plain JDK AES-256-GCM of the same bytes. Not a test: run it with {@code bench/dossier-store.sh}.
 *
 * <p>Arguments: [concurrency (default 16)] [seconds per phase (default 10)].
 */
public final class DossierStoreBenchmark {

  private static final int REPORT_BYTES = 100 * 1024;
  private static final int DOSSIERS = 100;

  public static void main(String[] args) throws Exception {
    int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path dir = Files.createTempDirectory("dossier-bench");
    byte[] report = endReport();
    System.out.printf("100 KB end report (%,d bytes), concurrency %d, %d s per phase, %s%n", report.length,
        concurrency, seconds, System.getProperty("java.vm.version"));

    try (DossierFixture fixture = DossierFixture.open(dir)) {
      // realistic dossiers: documents spread over many clients' trajectories, as in production
      List<Trajectory> dossiers = new ArrayList<>();
      for (int i = 0; i < DOSSIERS; i++) {
        String clientId = fixture.service.registerClient(testBsn(i),
            new PersonalData("Bench", "Mark " + i, java.util.Optional.empty(), java.util.Optional.empty()))
            .await(30, TimeUnit.SECONDS);
        Trajectory trajectory = Trajectory.plan(UUID.randomUUID().toString(), clientId, "gemeente-deventer",
            "werkpad", Regime.WW, TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.now(),
            LocalDate.now().plusMonths(6), 1, java.time.Instant.now());
        dossiers.add(fixture.service.createTrajectory(trajectory).await(30, TimeUnit.SECONDS));
      }
      DossierService.NewContent content = new DossierService.NewContent(
          DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json", report, "werkpad");
      List<String> stored = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger next = new AtomicInteger();
      Supplier<Future<?>> store = () -> fixture.service.addDocument(
          dossiers.get(Math.floorMod(next.getAndIncrement(), DOSSIERS)).trajectoryId(),
          DocumentType.END_REPORT, content).map(header -> stored.add(header.documentId()));
      Supplier<Future<?>> load = () -> fixture.service.readDocument(
          stored.get(ThreadLocalRandom.current().nextInt(stored.size())), OptionalInt.empty());

      run(fixture, "warm-up store", concurrency, Math.max(2, seconds / 3), store);
      Result storing = run(fixture, "store-and-encrypt", concurrency, seconds, store);
      run(fixture, "warm-up load", concurrency, Math.max(2, seconds / 3), load);
      Result loading = run(fixture, "load-and-decrypt", concurrency, seconds, load);
      double seal = plainAesGcm(report, seconds, true);
      double open = plainAesGcm(report, seconds, false);

      System.out.println();
      System.out.printf("| operation | per second | p50 ms | p99 ms | plain AES-GCM / this |%n");
      System.out.printf("|---|---:|---:|---:|---:|%n");
      System.out.printf("| store-and-encrypt (durable) | %,.0f | %.2f | %.2f | %.0fx |%n", storing.perSecond,
          storing.p50, storing.p99, seal / storing.perSecond);
      System.out.printf("| load-and-decrypt | %,.0f | %.2f | %.2f | %.0fx |%n", loading.perSecond, loading.p50,
          loading.p99, open / loading.perSecond);
      System.out.printf("| plain AES-256-GCM seal (JDK, 1 thread) | %,.0f | | | 1x |%n", seal);
      System.out.printf("| plain AES-256-GCM open (JDK, 1 thread) | %,.0f | | | 1x |%n", open);
    }
  }

  record Result(double perSecond, double p50, double p99) {}

  /** A closed loop: {@code concurrency} operations in flight until the time is up. */
  private static Result run(DossierFixture fixture, String name, int concurrency, int seconds,
                            Supplier<Future<?>> operation) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long started = System.nanoTime();
    List<Future<Void>> loops = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Promise<Void> done = Promise.promise();
      fixture.vertx.runOnContext(v -> loop(operation, end, latencies, done));
      loops.add(done.future());
    }
    Future.all(loops).await(seconds + 60L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    Result result = new Result(sorted.length / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
    System.out.printf("%-20s %,10.0f ops/s  p50 %6.2f ms  p99 %6.2f ms  (%,d ops)%n", name, result.perSecond,
        result.p50, result.p99, sorted.length);
    return result;
  }

  private static void loop(Supplier<Future<?>> operation, long end, List<Long> latencies, Promise<Void> done) {
    if (System.nanoTime() >= end) {
      done.complete();
      return;
    }
    long start = System.nanoTime();
    operation.get().onComplete(result -> {
      if (result.failed()) {
        done.fail(result.cause());
        return;
      }
      latencies.add(System.nanoTime() - start);
      loop(operation, end, latencies, done);
    });
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }

  /** The same bytes through the JDK's AES-256-GCM alone: the floor the dossier is compared with. */
  private static double plainAesGcm(byte[] plaintext, int seconds, boolean seal) throws Exception {
    byte[] key = new byte[32];
    byte[] nonce = new byte[12];
    ThreadLocalRandom.current().nextBytes(key);
    SecretKeySpec spec = new SecretKeySpec(key, "AES");
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
    byte[] sealed = cipher.doFinal(plaintext);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long count = 0;
    long started = System.nanoTime();
    while (System.nanoTime() < end) {
      if (seal) {
        nonce[0]++; // GCM refuses a reused key and nonce pair
        cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
        cipher.doFinal(plaintext);
      } else {
        cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, new byte[12]));
        cipher.doFinal(sealed);
      }
      count++;
    }
    double perSecond = count / ((System.nanoTime() - started) / 1e9);
    System.out.printf("%-20s %,10.0f ops/s%n", seal ? "plain AES-GCM seal" : "plain AES-GCM open", perSecond);
    return perSecond;
  }

  /** The i-th nine-digit number that passes the eleven-test, from 100000000 up. */
  private static String testBsn(int i) {
    int found = -1;
    for (int n = 100_000_000; ; n++) {
      if (Bsn.isValid(Integer.toString(n)) && ++found == i) {
        return Integer.toString(n);
      }
    }
  }

  /** A realistic structured end report of about 100 KB: the sections repeated with varied text. */
  private static byte[] endReport() {
    StringBuilder tried = new StringBuilder();
    while (tried.length() < REPORT_BYTES - 2_000) {
      tried.append("Sollicitatietraining, werkervaringsplek in de thuiszorg en begeleiding bij het opstellen van een cv. ");
    }
    JsonObject report = new JsonObject()
        .put("result", "ended-without-result")
        .put("endDate", "2026-07-05")
        .put("ladderStepAtStart", 3)
        .put("ladderStepAtEnd", 4)
        .put("causes", new io.vertx.core.json.JsonArray().add("illness").add("complex-problems"))
        .put("whatWasTried", tried.toString())
        .put("advice", "Eerst schuldhulpverlening, daarna een traject gericht op de zorg.");
    byte[] bytes = report.toBuffer().getBytes();
    return Arrays.copyOf(bytes, bytes.length);
  }
}
