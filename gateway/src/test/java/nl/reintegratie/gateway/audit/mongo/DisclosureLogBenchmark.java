package nl.reintegratie.gateway.audit.mongo;

import static nl.reintegratie.gateway.audit.mongo.AuditCollections.CHECKPOINTS;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.CLIENT_ENTRIES;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.ENTRIES;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.HEAD;
import static nl.reintegratie.gateway.audit.mongo.AuditCollections.HEAD_ID;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.FindOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.reintegratie.gateway.audit.AuditFixtures;
import nl.reintegratie.gateway.audit.CheckpointSigner;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.audit.EntryEncoding;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.MerkleFrontier;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.audit.TreeHash;
import nl.reintegratie.gateway.audit.TreeHasher;
import nl.reintegratie.gateway.audit.VerificationResult;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;

/**
 * By-hand measurement (not a test) of the full verification of the disclosure log against a bare scan of the same
 * collection, in the same run, on the embedded store:
 * <ol>
 *   <li>fill: N entries written directly (bulk inserts of exactly the documents {@link LogAppender} writes: leaf
 *       and subtree hashes, the client lists, a signed checkpoint archived every 1,000, the signed head), then one
 *       durable commit;</li>
 *   <li>for each {@link ScanMode} asked for (pages: the embedded store's; cursor: MongoDB's), R times,
 *       alternating: a bare scan (every document read the way that mode reads, one field touched) and the full
 *       verification ({@link MongoLogVerification}: client lists, every leaf, subtree, archived checkpoint and
 *       the head); a warm-up round first, not counted;</li>
 *   <li>durable appends through {@link MongoDisclosureLog} on top of the filled log: 16 in flight.</li>
 * </ol>
 * Run with {@code bench/disclosure-log.sh [entries] [repetitions] [clients] [modes]} (defaults 1000000, 3, 10000,
 * {@code pages}; {@code pages,cursor} adds the single-query path, which on the embedded server only holds up for a
 * few hundred thousand entries).
 */
public final class DisclosureLogBenchmark {

  private static final int BULK = 1_000;

  private DisclosureLogBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    List<ScanMode> modes = args.length > 3
        ? Arrays.stream(args[3].split(",")).map(mode -> ScanMode.valueOf(mode.toUpperCase())).toList()
        : List.of(ScanMode.PAGES);
    Path dir = Files.createTempDirectory("disclosure-log-benchmark");
    Vertx vertx = Vertx.vertx();
    Store store = await(Stores.open(vertx, StoreSettings.embedded(dir, "bench")));
    CheckpointSigner signer = AuditFixtures.newSigner();
    try {
      await(Indexes.ensure(store, AuditCollections.INDEXES));
      long started = System.nanoTime();
      fill(store, signer, entries, clients);
      System.out.printf("fill: %,d entries of %,d clients in %.1f s (%,d bytes per entry document on average)%n",
          entries, clients, seconds(started), averageDocumentBytes(store));
      started = System.nanoTime();
      waitForCompaction(dir.resolve(StoreSettings.EMBEDDED_FILE_NAME));
      System.out.printf("H2 finished compacting after the fill in %.0f s%n", seconds(started));
      for (ScanMode mode : modes) {
        compare(vertx, store, signer, entries, repetitions, mode);
      }
      appends(vertx, store, signer, entries);
    } finally {
      await(store.close());
      await(vertx.close());
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /**
   * Verification against a bare scan that reads the collection the same way, {@code repetitions} rounds after a
   * warm-up round: once for each {@link ScanMode}.
   */
  private static void compare(Vertx vertx, Store store, CheckpointSigner signer, int entries, int repetitions,
      ScanMode mode) {
    MongoLogVerification verification = new MongoLogVerification(vertx, store, signer.verifier(), mode);
    double[] scan = new double[repetitions];
    double[] verify = new double[repetitions];
    for (int round = -1; round < repetitions; round++) {
      long started = System.nanoTime();
      long scanned = mode == ScanMode.PAGES ? await(pagedScan(vertx, store, entries)) : retried(vertx, store);
      double scanSeconds = seconds(started);
      started = System.nanoTime();
      VerificationResult result = await(verification.run());
      double verifySeconds = seconds(started);
      if (!result.ok() || result.treeSize() != entries || scanned != entries) {
        throw new IllegalStateException("unexpected: " + result.summary() + ", scanned " + scanned);
      }
      System.out.printf("%s, %s: bare scan %.2f s, verification %.2f s = %.2fx%n", mode,
          round < 0 ? "warm-up" : "round " + (round + 1), scanSeconds, verifySeconds, verifySeconds / scanSeconds);
      if (round >= 0) {
        scan[round] = scanSeconds;
        verify[round] = verifySeconds;
      }
    }
    System.out.printf("%s, median of %d: bare scan %.2f s, verification %.2f s: verification / bare scan = %.2fx%n",
        mode, repetitions, median(scan), median(verify), median(verify) / median(scan));
  }

  /**
   * A bare scan as {@link ScanMode#PAGES} reads: every entry document, pages of {@code _id}s handed to a worker in
   * order, one field touched. The count of documents read.
   */
  private static Future<Long> pagedScan(Vertx vertx, Store store, long size) {
    long[] touched = new long[1];
    return PagedScan.run(vertx, store, ENTRIES, size, page -> {
      for (JsonObject document : page) {
        touched[0] += document.getLong(EntryCodec.SEQ);
      }
      return true;
    });
  }

  /**
   * The cursor scan, repeated (as the verifier repeats a failed read) when H2 fails the long query. A scan that
   * gets no answer for 10 minutes counts as failed: one such 1M-document query on the embedded server once waited
   * for a reply that never came, with every thread idle.
   */
  private static long retried(Vertx vertx, Store store) {
    for (int attempt = 1; ; attempt++) {
      try {
        return await(cursorScan(vertx, store).timeout(10, TimeUnit.MINUTES));
      } catch (IllegalStateException e) {
        if (attempt == 3) {
          throw e;
        }
        System.out.println("bare cursor scan failed, repeated: " + e.getMessage().replaceAll(" on server .*", ""));
      }
    }
  }

  /**
   * A bare scan as {@link ScanMode#CURSOR} reads: one query for the whole collection in {@code _id} order,
   * streamed, one field touched on the event loop. The count of documents read.
   */
  private static Future<Long> cursorScan(Vertx vertx, Store store) {
    Promise<Long> done = Promise.promise();
    vertx.runOnContext(v -> {
      long[] touched = new long[2];
      store.mongo().findBatchWithOptions(ENTRIES, new JsonObject(),
              new FindOptions().setBatchSize(BULK).setSort(new JsonObject().put("_id", 1)))
          .exceptionHandler(done::tryFail)
          .endHandler(end -> done.tryComplete(touched[0]))
          .handler(document -> {
            touched[0]++;
            touched[1] += document.getLong(EntryCodec.SEQ);
          });
    });
    return done.future();
  }

  /**
   * Waits until H2's background writer has stopped rewriting the file (its size unchanged for 15 s, at most 10
   * minutes): it compacts for a while after a bulk fill, and a long read racing that can fail with "Chunk not
   * found" (see {@link MongoLogVerification}). Measuring during compaction would also measure the compaction.
   */
  private static void waitForCompaction(Path file) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    long lastSize = -1;
    int stable = 0;
    while (stable < 3 && System.nanoTime() < deadline) {
      Thread.sleep(5_000);
      long size = Files.size(file);
      stable = size == lastSize ? stable + 1 : 0;
      lastSize = size;
    }
  }

  /** Durable appends on top of the filled log through the real appender, 16 in flight. */
  private static void appends(Vertx vertx, Store store, CheckpointSigner signer, int entries) {
    MongoDisclosureLog log = await(MongoDisclosureLog.open(vertx, store, signer, signer.verifier(),
        Clock.systemUTC(), MongoDisclosureLog.DEFAULT_CHECKPOINT_EVERY, ScanMode.PAGES));
    int count = 4_000;
    int inFlight = 16;
    double[] latencies = new double[count];
    long started = System.nanoTime();
    for (int i = 0; i < count; i += inFlight) {
      List<Future<Void>> wave = new ArrayList<>();
      for (int j = i; j < i + inFlight; j++) {
        int n = j;
        long sent = System.nanoTime();
        wave.add(log.append(AuditFixtures.entry(entries + n, "c-" + (n % 100)))
            .map(logged -> {
              latencies[n] = (System.nanoTime() - sent) / 1e6;
              return null;
            }));
      }
      await(Future.all(wave));
    }
    double total = seconds(started);
    Arrays.sort(latencies);
    System.out.printf("appends: %,d durable appends, %d in flight: %,.0f per second, p50 %.1f ms, p99 %.1f ms%n",
        count, inFlight, count / total, latencies[count / 2], latencies[count * 99 / 100]);
  }

  /** Writes exactly what the appender would have written for {@code entries} appends, in bulk. */
  private static void fill(Store store, CheckpointSigner signer, int entries, int clients) {
    Random random = new Random(42);
    String[] clientIds = new String[clients];
    for (int c = 0; c < clients; c++) {
      clientIds[c] = uuid(random);
    }
    TreeHasher hasher = new TreeHasher();
    EntryEncoding encoding = new EntryEncoding();
    MerkleFrontier frontier = MerkleFrontier.empty(hasher);
    Map<String, JsonArray> lists = new HashMap<>();
    List<BulkOperation> bulk = new ArrayList<>(BULK);
    List<BulkOperation> checkpoints = new ArrayList<>();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int n = 0; n < entries; n++) {
      String clientId = clientIds[random.nextInt(clients)];
      LoggedEntry logged = new LoggedEntry(n, realisticEntry(random, n, clientId, start.plusSeconds(n * 30L)));
      byte[] leaf = encoding.leafHash(logged.fields(), hasher);
      byte[][] nodes = frontier.append(leaf);
      bulk.add(BulkOperation.createInsert(EntryCodec.toDocument(logged, leaf, nodes)));
      lists.computeIfAbsent(clientId, id -> new JsonArray()).add((long) n);
      if (frontier.size() % MongoDisclosureLog.DEFAULT_CHECKPOINT_EVERY == 0) {
        SignedCheckpoint checkpoint = signer.sign(frontier.size(), TreeHash.of(frontier.root()), Instant.now());
        checkpoints.add(BulkOperation.createInsert(HeadCodec.checkpointDocument(checkpoint)));
      }
      if (bulk.size() == BULK) {
        await(store.mongo().bulkWrite(ENTRIES, bulk));
        bulk = new ArrayList<>(BULK);
      }
    }
    if (!bulk.isEmpty()) {
      await(store.mongo().bulkWrite(ENTRIES, bulk));
    }
    if (!checkpoints.isEmpty()) {
      await(store.mongo().bulkWrite(CHECKPOINTS, checkpoints));
    }
    List<BulkOperation> listDocuments = new ArrayList<>();
    lists.forEach((clientId, indexes) -> listDocuments.add(BulkOperation.createInsert(
        new JsonObject().put("_id", clientId).put("entries", indexes))));
    for (int from = 0; from < listDocuments.size(); from += BULK) {
      await(store.mongo().bulkWrite(CLIENT_ENTRIES,
          listDocuments.subList(from, Math.min(listDocuments.size(), from + BULK))));
    }
    SignedCheckpoint head = signer.sign(frontier.size(), TreeHash.of(frontier.root()), Instant.now());
    await(store.mongo().insert(HEAD, HeadCodec.headFields(head, frontier.hashes()).put("_id", HEAD_ID)));
    await(store.durability().commit());
  }

  /** A mix like the gateway's: mostly fetches and reads by a commissioner's officer, some grants and objections. */
  private static DisclosureEntry realisticEntry(Random random, int n, String clientId, Instant at) {
    DisclosureKind kind = switch (random.nextInt(10)) {
      case 0, 1 -> DisclosureKind.GRANT;
      case 2 -> DisclosureKind.REVOCATION;
      case 3 -> DisclosureKind.OBJECTION;
      case 4 -> DisclosureKind.OBJECTION_DECISION;
      case 5, 6, 7 -> DisclosureKind.RELEASE_FETCH;
      default -> DisclosureKind.CLIENT_DATA_READ;
    };
    DisclosureEntry entry = DisclosureEntry.of(kind, kind.code() + ":" + uuid(random), at, clientId,
            random.nextBoolean() ? "gemeente-deventer" : "werkpad")
        .about(SubjectRef.grant(uuid(random)), SubjectRef.trajectory(uuid(random)))
        .withPurpose("reintegration")
        .withLegalBasis("participatiewet-art-67-lid-1-e");
    for (int d = random.nextInt(4); d > 0; d--) {
      entry = entry.about(SubjectRef.document(uuid(random), 1 + random.nextInt(3)));
    }
    if (kind != DisclosureKind.RELEASE_FETCH) {
      entry = entry.byActor(uuid(random));
    }
    return kind == DisclosureKind.OBJECTION_DECISION ? entry.withReason("objection-rejected") : entry;
  }

  private static long averageDocumentBytes(Store store) {
    JsonObject stats = await(store.mongo().runCommand("collStats", new JsonObject().put("collStats", ENTRIES)));
    Number average = (Number) stats.getValue("avgObjSize");
    return average == null ? -1 : average.longValue();
  }

  private static String uuid(Random random) {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.HOURS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
