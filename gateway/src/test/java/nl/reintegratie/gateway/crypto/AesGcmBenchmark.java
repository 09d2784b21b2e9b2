package nl.reintegratie.gateway.crypto;

import nl.reintegratie.protocol.crypto.AesGcm;
import nl.reintegratie.protocol.crypto.AssociatedData;
import nl.reintegratie.protocol.crypto.Canonical;
import nl.reintegratie.protocol.crypto.DataKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * By-hand measurement of AES-256-GCM (not a test: no timing assertions belong in tests), single-threaded, on
 * messages of one size (100 KiB by default):
 * <ul>
 *   <li>the JDK's {@code AES/GCM/NoPadding} (SunJCE, AES-NI and CLMUL intrinsics) seal and open, raw and through
 *       {@link DataKey} (adds the random nonce, the format header and the AD encoding);</li>
 *   <li>Bouncy Castle's lightweight {@link GCMBlockCipher} over {@code AESEngine} (pure Java) seal and open;</li>
 *   <li>what storing one document costs in crypto: {@link DataKey#generate()} + {@link DataKey#seal} +
 *       {@link KeyRing#wrap}; and reading one back: {@link KeyRing#unwrap} + {@link DataKey#open};</li>
 *   <li>the small operations on their own: wrapping one data key, one lookup hash (operations per second only).</li>
 * </ul>
 * Every row is warmed up first (JIT), then run for a fixed time; the table is Markdown for the README.
 *
 * <p>Run with {@code bench/aes-gcm.sh [messageBytes] [seconds]}, or from {@code gateway/} with the test
 * classpath: {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * nl.reintegratie.gateway.crypto.AesGcmBenchmark [messageBytes] [seconds]}.
 */
public final class AesGcmBenchmark {

  private static final AssociatedData DOC_AD =
      AssociatedData.of("dossier-document", "rec-1", "dos-7", "end-report", "1");
  private static final AssociatedData KEY_AD = AssociatedData.of("document-key", "rec-1", "dos-7");
  private static final byte[] AAD = DOC_AD.encoded(Canonical.SEALED_DATA);

  // keeps the JIT from discarding results
  private static volatile int sink;

  private final int size;
  private final long measureNanos;
  private final long warmUpNanos;
  private final byte[] plaintext;
  private final byte[] rawKey = new byte[32];
  private final byte[] nonce = new byte[12];
  private long counter;

  private AesGcmBenchmark(int size, int seconds) {
    this.size = size;
    this.measureNanos = TimeUnit.SECONDS.toNanos(seconds);
    this.warmUpNanos = TimeUnit.SECONDS.toNanos(2);
    Random random = new Random(42);
    this.plaintext = new byte[size];
    random.nextBytes(plaintext);
    random.nextBytes(rawKey);
  }

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 100 * 1024;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    new AesGcmBenchmark(size, seconds).run(seconds);
  }

  private void run(int seconds) throws Exception {
    Path ringFile = Files.createTempFile("bench-kek", ".json");
    try {
      Files.writeString(ringFile, "{\"activeVersion\":1,\"keys\":[{\"version\":1,\"key\":\""
          + java.util.Base64.getEncoder().encodeToString(AesGcm.randomBytes(32)) + "\"}],\"lookupKey\":\""
          + java.util.Base64.getEncoder().encodeToString(AesGcm.randomBytes(32)) + "\"}");
      try (KeyRing ring = KeyRing.load(ringFile); DataKey dataKey = DataKey.fromBytes(rawKey)) {
        SecretKeySpec jdkKey = new SecretKeySpec(rawKey, "AES");
        byte[] jdkSealed = jdkSeal(jdkKey);
        byte[] bcSealed = bcSeal();
        crossCheck(jdkKey);
        byte[] dataKeySealed = dataKey.seal(plaintext, DOC_AD);
        WrappedKey wrapped = ring.wrap(dataKey, KEY_AD);

        System.out.printf("AES-256-GCM, %,d-byte messages, one thread, %d s per row after a %d s warm-up%n", size,
            seconds, TimeUnit.NANOSECONDS.toSeconds(warmUpNanos));
        System.out.printf("Java %s (%s), %d cores; JDK provider %s; Bouncy Castle %s (%s)%n%n",
            System.getProperty("java.version"), System.getProperty("os.arch"),
            Runtime.getRuntime().availableProcessors(), AesGcm.providerName(),
            new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr(),
            AESEngine.newInstance().getClass().getSimpleName());
        System.out.println("| operation | ops/s | MB/s |");
        System.out.println("|---|---:|---:|");
        row("JDK AES-GCM seal (Cipher, SunJCE)", () -> jdkSeal(jdkKey)[size]);
        row("JDK AES-GCM open (Cipher, SunJCE)", () -> jdkOpen(jdkKey, jdkSealed)[0]);
        row("DataKey.seal (JDK + random nonce + format)", () -> dataKey.seal(plaintext, DOC_AD)[size]);
        row("DataKey.open", () -> dataKey.open(dataKeySealed, DOC_AD)[0]);
        row("Bouncy Castle GCMBlockCipher seal", () -> bcSeal()[size]);
        row("Bouncy Castle GCMBlockCipher open", () -> bcOpen(bcSealed)[0]);
        row("store one document: DataKey.generate + seal + KeyRing.wrap", () -> storeDocument(ring));
        row("read one document: KeyRing.unwrap + DataKey.open", () -> readDocument(ring, wrapped, dataKeySealed));
        smallRow("KeyRing.wrap of one data key (32 bytes)", () -> ring.wrap(dataKey, KEY_AD).kekVersion());
        smallRow("LookupHasher.hash(\"bsn\", ...)", () -> ring.lookupHasher().hash("bsn", "999993653").length());
      }
    } finally {
      Files.deleteIfExists(ringFile);
    }
  }

  private interface Op {
    int run() throws Exception;
  }

  private void row(String name, Op op) throws Exception {
    loop(op, warmUpNanos);
    long[] result = loop(op, measureNanos);
    double seconds = result[1] / 1e9;
    double opsPerSecond = result[0] / seconds;
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

  // a fresh nonce per encryption (counter, so the RNG is not measured here); BC refuses to reuse one
  private byte[] nextNonce() {
    counter++;
    for (int i = 0; i < 8; i++) {
      nonce[4 + i] = (byte) (counter >>> (8 * i));
    }
    return nonce;
  }

  private byte[] jdkSeal(SecretKeySpec key) throws GeneralSecurityException {
    byte[] usedNonce = nextNonce();
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, usedNonce));
    cipher.updateAAD(AAD);
    byte[] out = new byte[12 + size + 16];
    System.arraycopy(usedNonce, 0, out, 0, 12);
    cipher.doFinal(plaintext, 0, size, out, 12);
    return out;
  }

  private byte[] jdkOpen(SecretKeySpec key, byte[] sealed) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonceOf(sealed)));
    cipher.updateAAD(AAD);
    return cipher.doFinal(sealed, 12, sealed.length - 12);
  }

  // JDK and BC seals are nonce | ciphertext | tag here, to open them the same way
  private byte[] bcSeal() throws InvalidCipherTextException {
    byte[] usedNonce = nextNonce().clone();
    GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    gcm.init(true, new AEADParameters(new KeyParameter(rawKey), 128, usedNonce, AAD));
    byte[] out = new byte[12 + gcm.getOutputSize(size)];
    System.arraycopy(usedNonce, 0, out, 0, 12);
    int written = gcm.processBytes(plaintext, 0, size, out, 12);
    gcm.doFinal(out, 12 + written);
    return out;
  }

  private byte[] bcOpen(byte[] sealed) throws InvalidCipherTextException {
    GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    gcm.init(false, new AEADParameters(new KeyParameter(rawKey), 128, nonceOf(sealed), AAD));
    byte[] out = new byte[gcm.getOutputSize(sealed.length - 12)];
    int written = gcm.processBytes(sealed, 12, sealed.length - 12, out, 0);
    gcm.doFinal(out, written);
    return out;
  }

  private static byte[] nonceOf(byte[] sealed) {
    return Arrays.copyOf(sealed, 12);
  }

  private int storeDocument(KeyRing ring) {
    try (DataKey key = DataKey.generate()) {
      byte[] sealed = key.seal(plaintext, DOC_AD);
      return sealed[size] + ring.wrap(key, KEY_AD).wrapped()[20];
    }
  }

  private int readDocument(KeyRing ring, WrappedKey wrapped, byte[] sealed) {
    try (DataKey key = ring.unwrap(wrapped, KEY_AD)) {
      return key.open(sealed, DOC_AD)[0];
    }
  }

  // both implementations must agree byte for byte, or the comparison is meaningless
  private void crossCheck(SecretKeySpec jdkKey) throws Exception {
    long saved = counter;
    byte[] bc = bcSeal();
    counter = saved;
    byte[] jdk = jdkSeal(jdkKey);
    if (!Arrays.equals(bc, jdk)
        || !Arrays.equals(bcOpen(bc), plaintext) || !Arrays.equals(jdkOpen(jdkKey, bc), plaintext)) {
      throw new IllegalStateException("JDK and Bouncy Castle disagree");
    }
  }
}
