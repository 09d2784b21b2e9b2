package nl.reintegratie.protocol.crypto;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * By-hand measurement of sealing a release to a provider's X25519 key (not a test: no timing assertions belong in
 * tests), single-threaded, on bodies of one size (100 KB by default), with the dev provider {@code werkpad}'s keys:
 * <ul>
 *   <li>{@link ReleaseSealer#seal} and {@link ReleaseSealer#open}: HPKE (Bouncy Castle) for the 32-byte content key,
 *       the body under the JDK's AES-256-GCM;</li>
 *   <li>for comparison, Bouncy Castle's HPKE single-shot seal and open of the whole body (same suite, its own
 *       pure-Java AES-GCM);</li>
 *   <li>the HPKE part on its own: sealing and opening just a 32-byte content key.</li>
 * </ul>
 * Every row is warmed up first (JIT), then run for a fixed time; the table is Markdown for the README.
 *
 * <p>Run with {@code bench/release-sealing.sh [bodyBytes] [seconds]}, or from {@code gateway/} with the test
 * classpath: {@code java -Dproject.root=.. -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * nl.reintegratie.gateway.crypto.ReleaseSealingBenchmark [bodyBytes] [seconds]}.
 */
public final class ReleaseSealingBenchmark {

  private static final AssociatedData AD = AssociatedData.of("dossier-release", "rel-42", "00000003912345670000");
  private static final byte[] INFO = AD.encoded(Canonical.RELEASE_KEY);
  private static final byte[] AAD = new byte[] {1, 0, 0x20, 0, 1, 0, 2};

  // keeps the JIT from discarding results
  private static volatile int sink;

  private final int size;
  private final long measureNanos;
  private final long warmUpNanos;
  private final byte[] body;

  private ReleaseSealingBenchmark(int size, int seconds) {
    this.size = size;
    this.measureNanos = TimeUnit.SECONDS.toNanos(seconds);
    this.warmUpNanos = TimeUnit.SECONDS.toNanos(2);
    this.body = new byte[size];
    new Random(42).nextBytes(body);
  }

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 100 * 1024;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    new ReleaseSealingBenchmark(size, seconds).run(seconds);
  }

  private void run(int seconds) throws Exception {
    byte[] publicKey = X25519Keys.publicKeyFromPem(DevKeys.publicPem("werkpad"));
    try (X25519PrivateKey privateKey = X25519Keys.privateKeyFromPem(DevKeys.privatePem("werkpad"))) {
      X25519PublicKeyParameters recipient = new X25519PublicKeyParameters(publicKey, 0);
      AsymmetricCipherKeyPair recipientPair = privateKey.keyPair();
      byte[] envelope = ReleaseSealer.seal(publicKey, body, AD).toByteArray();
      byte[][] bcWhole = ReleaseSealer.hpke().seal(recipient, INFO, AAD, body, null, null, null);
      byte[] contentKey = AesGcm.randomBytes(32);
      byte[][] bcKey = ReleaseSealer.hpke().seal(recipient, INFO, AAD, contentKey, null, null, null);
      if (!Arrays.equals(ReleaseSealer.open(privateKey, envelope, AD), body)
          || !Arrays.equals(bcOpen(recipientPair, bcWhole), body)) {
        throw new IllegalStateException("round trip failed");
      }

      System.out.printf("Release sealing (HPKE X25519/HKDF-SHA256/AES-256-GCM), %,d-byte bodies, one thread,"
          + " %d s per row after a %d s warm-up%n", size, seconds, TimeUnit.NANOSECONDS.toSeconds(warmUpNanos));
      System.out.printf("Java %s (%s), %d cores; JDK AES-GCM provider %s; Bouncy Castle %s%n%n",
          System.getProperty("java.version"), System.getProperty("os.arch"),
          Runtime.getRuntime().availableProcessors(), AesGcm.providerName(),
          new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr());
      System.out.println("| operation | ops/s | MB/s |");
      System.out.println("|---|---:|---:|");
      row("ReleaseSealer.seal (HPKE content key + JDK AES-GCM body)",
          () -> ReleaseSealer.seal(publicKey, body, AD).length());
      row("ReleaseSealer.open", () -> ReleaseSealer.open(privateKey, envelope, AD)[0]);
      row("BC HPKE single-shot seal of the whole body",
          () -> ReleaseSealer.hpke().seal(recipient, INFO, AAD, body, null, null, null)[0][size]);
      row("BC HPKE single-shot open of the whole body", () -> bcOpen(recipientPair, bcWhole)[0]);
      smallRow("BC HPKE seal of a 32-byte content key only",
          () -> ReleaseSealer.hpke().seal(recipient, INFO, AAD, contentKey, null, null, null)[0][0]);
      smallRow("BC HPKE open of a 32-byte content key only", () -> bcOpen(recipientPair, bcKey)[0]);
    }
  }

  private static byte[] bcOpen(AsymmetricCipherKeyPair recipient, byte[][] ctAndEnc) throws Exception {
    return ReleaseSealer.hpke().open(ctAndEnc[1], recipient, INFO, AAD, ctAndEnc[0], null, null, null);
  }

  private interface Op {
    int run() throws Exception;
  }

  private void row(String name, Op op) throws Exception {
    loop(op, warmUpNanos);
    long[] result = loop(op, measureNanos);
    double opsPerSecond = result[0] / (result[1] / 1e9);
    System.out.printf("| %s | %,.0f | %,.0f |%n", name, opsPerSecond, opsPerSecond * size / 1e6);
  }

  // a row whose message size is not the benchmark's: only operations per second mean something
  private void smallRow(String name, Op op) throws Exception {
    loop(op, warmUpNanos);
    long[] result = loop(op, measureNanos);
    System.out.printf("| %s | %,.0f | - |%n", name, result[0] / (result[1] / 1e9));
  }

  /** Runs {@code op} until {@code nanos} have passed; returns {operations, elapsed nanos}. */
  private static long[] loop(Op op, long nanos) throws Exception {
    long started = System.nanoTime();
    long deadline = started + nanos;
    long operations = 0;
    int accumulated = 0;
    long now;
    do {
      accumulated += op.run();
      operations++;
      now = System.nanoTime();
    } while (now < deadline);
    sink = accumulated;
    return new long[] {operations, now - started};
  }
}
