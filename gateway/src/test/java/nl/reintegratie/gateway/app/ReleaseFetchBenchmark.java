package nl.reintegratie.gateway.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.reintegratie.client.ProviderClient;
import nl.reintegratie.client.TlsTrust;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.PersonalData;
import nl.reintegratie.gateway.testsupport.Handovers;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.gateway.testsupport.TestGateway;
import nl.reintegratie.gateway.dossier.DocumentRef;

/**
 * "Fetch a sealed release of a 100 KB dossier" at N concurrent connections, next to the same gateway serving the
 * same bytes without signature, encryption or sealing, in one run. Run with {@code bench/release-fetch.sh}.
 *
 * <p><b>Sealed</b>: N reference clients ({@link ProviderClient}, one HTTP connection each) call
 * {@code GET /api/v1/releases/{id}}: the client signs the request (Ed25519, Bouncy Castle); the gateway verifies it,
 * records the nonce durably, reads the grant, the trajectory and each document, unwraps and decrypts them, builds
 * the release JSON, seals it with HPKE + AES-GCM to the recipient's key and signs the response; the client verifies
 * the response signature and digest and opens the envelope. The clock runs from sending to the opened plaintext.
 *
 * <p><b>Plain</b>: N plain {@link HttpClient}s (one connection each, same TLS, same HTTP version) call a route on a
 * second HTTPS server of the same gateway process (the same {@code HttpVerticle}, router stack and instances) that
 * reads the same plaintext release JSON from one document in the same store and returns it: no signature, no
 * encryption, no sealing, and one store read instead of several.
 *
 * <p>Closed loop: each connection sends its next request when the previous answer is complete. Latencies are
 * every request's, sorted at the end (no sampling).
 */
public final class ReleaseFetchBenchmark {

  private static final String PLAIN_COLLECTION = "bench_plain_releases";

  public static void main(String[] args) throws Exception {
    int dossierBytes = args.length > 0 ? Integer.parseInt(args[0]) : 102_400;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    // an access log line per request would measure the console; warnings and errors still show
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Path storeDir = Files.createTempDirectory("release-fetch-bench");
    Vertx vertx = Vertx.vertx();
    TestGateway gateway = TestGateway.start(vertx, storeDir, "http://127.0.0.1:" + Handovers.freePort()
        + "/realms/reintegratie", Handovers.freePort());
    try {
      String releaseId = grantADossierOf(gateway.gateway(), dossierBytes);
      byte[] plaintext = openedOnce(gateway, releaseId);
      int plainPort = startPlainServer(vertx, gateway, releaseId, plaintext);
      URI plainUri = URI.create("https://localhost:" + plainPort + "/plain/releases/" + releaseId);

      System.out.printf("release fetch: %d B dossier -> %d B release JSON, %d connections, %d s per mode after"
              + " %d s warm-up; %d cores, Java %s%n", dossierBytes, plaintext.length, connections, seconds,
          seconds / 2, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
      List<ProviderClient> sealedClients = new ArrayList<>();
      List<HttpClient> plainClients = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        sealedClients.add(Handovers.client(gateway, "kansrijk"));
        plainClients.add(HttpClient.newBuilder().sslContext(TlsTrust.fromCaPem(ProjectFiles.devCa()).sslContext())
            .version(HttpClient.Version.HTTP_2).build());
      }
      Request sealed = i -> sealedClients.get(i).fetchRelease(releaseId).length;
      HttpRequest plainRequest = HttpRequest.newBuilder(plainUri).GET().build();
      Request plain = i -> plainClients.get(i).send(plainRequest, HttpResponse.BodyHandlers.ofByteArray()).body().length;

      run(connections, seconds / 2, plain, plaintext.length);
      run(connections, seconds / 2, sealed, plaintext.length);
      Result plainResult = run(connections, seconds, plain, plaintext.length);
      Result sealedResult = run(connections, seconds, sealed, plaintext.length);

      System.out.printf("%-58s %10s %9s %9s%n", "mode", "req/s", "p50 ms", "p99 ms");
      print("plain: same bytes, no signature/encryption/sealing", plainResult);
      print("sealed: signed request + response, decrypt, HPKE seal, open", sealedResult);
      System.out.printf("ratio plain/sealed: throughput %.1fx, p50 %.1fx, p99 %.1fx%n",
          plainResult.perSecond() / sealedResult.perSecond(), sealedResult.p50() / plainResult.p50(),
          sealedResult.p99() / plainResult.p99());
    } finally {
      gateway.close();
      vertx.close().await();
    }
  }

  @FunctionalInterface
  private interface Request {
    /** Sends one request on connection {@code connection}; the length of the plaintext it got. */
    int send(int connection) throws Exception;
  }

  private record Result(long requests, long errors, double seconds, long[] latenciesNanos) {
    double perSecond() {
      return requests / seconds;
    }

    double p50() {
      return percentile(0.50);
    }

    double p99() {
      return percentile(0.99);
    }

    private double percentile(double p) {
      return latenciesNanos[(int) Math.min(latenciesNanos.length - 1, Math.floor(p * latenciesNanos.length))] / 1e6;
    }
  }

  private static Result run(int connections, int seconds, Request request, int expectedLength) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(connections);
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong errors = new AtomicLong();
    List<Future<long[]>> perConnection = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < connections; i++) {
      int connection = i;
      Callable<long[]> loop = () -> {
        long[] latencies = new long[1024];
        int count = 0;
        while (System.nanoTime() < end) {
          long sent = System.nanoTime();
          try {
            if (request.send(connection) != expectedLength) {
              errors.incrementAndGet();
              continue;
            }
          } catch (Exception e) {
            errors.incrementAndGet();
            continue;
          }
          if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
          }
          latencies[count++] = System.nanoTime() - sent;
        }
        return Arrays.copyOf(latencies, count);
      };
      perConnection.add(threads.submit(loop));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> latencies : perConnection) {
      all.add(latencies.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    threads.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    if (errors.get() > 0) {
      System.out.printf("  (%d failed requests)%n", errors.get());
    }
    return new Result(merged.length, errors.get(), elapsed, merged);
  }

  private static void print(String mode, Result result) {
    System.out.printf("%-58s %10.0f %9.2f %9.2f%n", mode, result.perSecond(), result.p50(), result.p99());
  }

  /** Fatima's first trajectory (werkpad) with documents totalling {@code bytes}, granted to kansrijk. */
  private static String grantADossierOf(Gateway gateway, int bytes) {
    DossierService dossiers = gateway.dossiers();
    String client = dossiers.registerClient("999993653", new PersonalData("Fatima", "El Amrani", Optional.empty(),
        Optional.empty())).await();
    String first = Handovers.trajectory(dossiers, client, "werkpad", 1);
    String second = Handovers.trajectory(dossiers, client, "kansrijk", 2);
    List<DocumentRef> documents = new ArrayList<>();
    int perDocument = 10_240;
    for (int written = 0; written < bytes; written += perDocument) {
      byte[] report = progressReport(Math.min(perDocument, bytes - written));
      documents.add(new DocumentRef(dossiers.addDocument(first, DocumentType.PROGRESS_REPORT,
          new DossierService.NewContent(DocumentProperties.defaultsFor(DocumentType.PROGRESS_REPORT),
              "application/json", report, "werkpad")).await().documentId(), 1));
    }
    return Handovers.grant(gateway, client, first, second, "kansrijk", documents,
        Optional.of(Instant.now().minusSeconds(60)), Duration.ZERO, Duration.ofDays(1), Optional.empty()).grantId();
  }

  /** A JSON document of exactly {@code size} bytes (its text padded with Dutch prose). */
  private static byte[] progressReport(int size) {
    String prefix = "{\"period\":{\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"},\"text\":\"";
    String suffix = "\"}";
    String sentence = "De cliënt heeft deze maand drie sollicitatiegesprekken gevoerd en werkt aan haar cv. ";
    StringBuilder text = new StringBuilder();
    while (text.toString().getBytes(StandardCharsets.UTF_8).length + prefix.length() + suffix.length() < size) {
      text.append(sentence);
    }
    byte[] full = (prefix + text + suffix).getBytes(StandardCharsets.UTF_8);
    // cut the prose (ASCII at the cut) so the document is exactly size bytes
    String cut = prefix + text.substring(0, Math.max(0, text.length() - (full.length - size))) + suffix;
    return cut.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] openedOnce(TestGateway gateway, String releaseId) throws Exception {
    return Handovers.client(gateway, "kansrijk").fetchRelease(releaseId);
  }

  /** The plain route, on the same verticle class, TLS settings and instance count as the gateway's own server. */
  private static int startPlainServer(Vertx vertx, TestGateway gateway, String releaseId, byte[] plaintext) {
    var store = gateway.gateway().store();
    store.durably(mongo -> mongo.insert(PLAIN_COLLECTION, new JsonObject().put("_id", releaseId)
        .put("content", new String(plaintext, StandardCharsets.UTF_8)))).await();
    int port = Handovers.freePort();
    vertx.deployVerticle(() -> new HttpVerticle(gateway.config().http(), port, router ->
            router.get("/plain/releases/:releaseId").handler(ctx -> store.read(mongo -> mongo.findOne(
                    PLAIN_COLLECTION, new JsonObject().put("_id", ctx.pathParam("releaseId")), null))
                .onSuccess(found -> ctx.response().putHeader("Content-Type", "application/json")
                    .end(found.getString("content")))
                .onFailure(ctx::fail))),
        new DeploymentOptions().setInstances(Math.max(1, Runtime.getRuntime().availableProcessors()))).await();
    return port;
  }
}
