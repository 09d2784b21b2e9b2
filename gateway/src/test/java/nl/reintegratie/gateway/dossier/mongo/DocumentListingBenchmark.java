package nl.reintegratie.gateway.dossier.mongo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.Fixtures;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.store.Awaits;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;

/**
 * By-hand measurement (not a test: no timing assertions belong in tests) of the document repository on the
 * embedded store: a dossier of N documents (10% corrected once) next to 2 x N documents of other dossiers, then
 * the median and maximum of 20 runs of {@code listByTrajectory}, {@code listByClient} and {@code findLatest}, and
 * the latency of {@code insertVersion} into a small and into the large dossier.
 *
 * <p>Run with {@code bench/document-listing.sh [documents]} (default 1000). Not from surefire: its
 * {@code -Dio.netty.leakDetection.level=paranoid} makes every read of a large document about ten times slower.
 */
public final class DocumentListingBenchmark {

  private static final int WRITERS = 8;

  private DocumentListingBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    Path dir = Files.createTempDirectory("document-listing-benchmark");
    Vertx vertx = Vertx.vertx();
    Store store = Awaits.await(Stores.open(vertx, StoreSettings.embedded(dir, "bench")));
    try {
      Awaits.await(Indexes.ensure(store, DossierIndexes.ALL));
      run(new MongoDocumentRepository(store), documents);
    } finally {
      Awaits.await(store.close());
      Awaits.await(vertx.close());
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void run(MongoDocumentRepository repository, int count) {
    double smallInsert = insertLatency(repository, Fixtures.trajectory("client-0"));
    fill(repository, Fixtures.trajectory("client-2"), 2 * count);
    Trajectory dossier = Fixtures.trajectory("client-1");
    List<DocumentHeader> headers = fill(repository, dossier, count);
    for (int i = 0; i < count; i += 10) {
      Awaits.await(repository.insertVersion(Fixtures.stored(Fixtures.correctionOf(headers.get(i)))));
    }
    double largeInsert = insertLatency(repository, dossier);
    int total = count + 10;

    report("listByTrajectory (" + total + " documents)", () -> repository.listByTrajectory(dossier.trajectoryId()));
    report("listByClient (" + total + " documents)", () -> repository.listByClient("client-1"));
    report("findLatest (version 2)", () -> repository.findLatest(headers.get(0).documentId()));
    System.out.printf("insertVersion, one writer: %.1f ms in a new dossier, %.1f ms in the dossier of %d%n",
        smallInsert, largeInsert, total);
  }

  private static void report(String what, Supplier<Future<?>> operation) {
    for (int i = 0; i < 5; i++) {
      Awaits.await(operation.get());
    }
    double[] runs = new double[20];
    for (int i = 0; i < runs.length; i++) {
      long start = System.nanoTime();
      Awaits.await(operation.get());
      runs[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(runs);
    System.out.printf("%-40s median %6.1f ms, max %6.1f ms%n", what, runs[runs.length / 2], runs[runs.length - 1]);
  }

  /** Median of 10 sequential first-version inserts (each durable) into {@code dossier}. */
  private static double insertLatency(MongoDocumentRepository repository, Trajectory dossier) {
    double[] runs = new double[10];
    for (int i = 0; i < runs.length; i++) {
      long start = System.nanoTime();
      Awaits.await(repository.insertVersion(
          Fixtures.stored(Fixtures.firstHeader(dossier, DocumentType.CONTACT_MOMENT))));
      runs[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(runs);
    return runs[runs.length / 2];
  }

  private static List<DocumentHeader> fill(MongoDocumentRepository repository, Trajectory dossier, int count) {
    List<DocumentHeader> headers = new ArrayList<>();
    for (int i = 0; i < count; i += WRITERS) {
      List<Future<Void>> batch = new ArrayList<>();
      for (int j = i; j < Math.min(count, i + WRITERS); j++) {
        DocumentHeader header = Fixtures.firstHeader(dossier, DocumentType.CONTACT_MOMENT);
        headers.add(header);
        batch.add(repository.insertVersion(Fixtures.stored(header)));
      }
      Awaits.await(Future.all(batch));
    }
    return headers;
  }
}
