package nl.reintegratie.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReleaseSealerTest {

  private static final byte[] BODY =
      "{\"dossier\":\"dos-7\",\"verslag\":\"client volgt sinds maart een werkfit-traject\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final AssociatedData RELEASE =
      AssociatedData.of("dossier-release", "rel-42", "00000003912345670000");

  private static byte[] werkpadPublic;
  private static X25519PrivateKey werkpad;
  private static X25519PrivateKey kansrijk;

  @BeforeAll
  static void loadDevKeys() {
    werkpadPublic = X25519Keys.publicKeyFromPem(DevKeys.publicPem("werkpad"));
    werkpad = X25519Keys.privateKeyFromPem(DevKeys.privatePem("werkpad"));
    kansrijk = X25519Keys.privateKeyFromPem(DevKeys.privatePem("kansrijk"));
  }

  @AfterAll
  static void closeKeys() {
    werkpad.close();
    kansrijk.close();
  }

  @Test
  void seal_thenOpenWithTheProvidersPrivateKey_givesTheBody() {
    SealedRelease sealed = ReleaseSealer.seal(werkpadPublic, BODY, RELEASE);

    assertThat(ReleaseSealer.open(werkpad, sealed.toByteArray(), RELEASE)).isEqualTo(BODY);
  }

  @Test
  void seal_acceptsRawAndSpkiPublicKeys_andEmptyBodies() {
    byte[] spki = Base64Pem.der(DevKeys.publicPem("werkpad"));

    byte[] viaSpki = ReleaseSealer.seal(spki, BODY, RELEASE).toByteArray();
    byte[] empty = ReleaseSealer.seal(werkpadPublic, new byte[0], RELEASE).toByteArray();

    assertThat(ReleaseSealer.open(werkpad, viaSpki, RELEASE)).isEqualTo(BODY);
    assertThat(ReleaseSealer.open(werkpad, empty, RELEASE)).isEmpty();
  }

  @Test
  void seal_anyBody_isEnvelopeV1WithHeaderAndFixedOverhead() {
    SealedRelease sealed = ReleaseSealer.seal(werkpadPublic, BODY, RELEASE);
    byte[] envelope = sealed.toByteArray();

    assertThat(ReleaseSealer.OVERHEAD).isEqualTo(116);
    assertThat(envelope).hasSize(BODY.length + 116);
    assertThat(sealed.length()).isEqualTo(envelope.length);
    assertThat(Hex.of(Arrays.copyOf(envelope, 7))).isEqualTo("01002000010002");
    assertThat(envelope[87]).isEqualTo((byte) 0x01); // the body's own sealed format v1
    assertThat(sealed.toString()).isEqualTo("SealedRelease[v1, " + envelope.length + " bytes]");
  }

  /** What the package-info promises a provider: any RFC 9180 library plus AES-GCM opens it, nothing of ours. */
  @Test
  void envelope_opensWithPlainHpkeAndJdkAesGcm_asDocumented() throws Exception {
    byte[] envelope = ReleaseSealer.seal(werkpadPublic, BODY, RELEASE).toByteArray();
    byte[] info = canonical((byte) 0x04, "dossier-release", "rel-42", "00000003912345670000");
    byte[] bodyAad = canonical((byte) 0x05, "dossier-release", "rel-42", "00000003912345670000");

    HPKE hpke = new HPKE(HPKE.mode_base, (short) 0x0020, (short) 0x0001, (short) 0x0002);
    byte[] contentKey = hpke.open(Arrays.copyOfRange(envelope, 7, 39), werkpad.keyPair(), info,
        Arrays.copyOf(envelope, 7), Arrays.copyOfRange(envelope, 39, 87), null, null, null);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"),
        new GCMParameterSpec(128, envelope, 88, 12));
    gcm.updateAAD(bodyAad);

    assertThat(contentKey).hasSize(32);
    assertThat(gcm.doFinal(envelope, 100, envelope.length - 100)).isEqualTo(BODY);
  }

  @Test
  void open_withAnotherProvidersPrivateKey_fails() {
    byte[] envelope = ReleaseSealer.seal(werkpadPublic, BODY, RELEASE).toByteArray();

    assertThatThrownBy(() -> ReleaseSealer.open(kansrijk, envelope, RELEASE))
        .isExactlyInstanceOf(IntegrityException.class);
  }

  @Test
  void open_withOtherOrMissingAssociatedData_fails() {
    byte[] envelope = ReleaseSealer.seal(werkpadPublic, BODY, RELEASE).toByteArray();
    List<AssociatedData> others = List.of(
        AssociatedData.of("dossier-release", "rel-43", "00000003912345670000"),
        AssociatedData.of("dossier-release", "rel-42", "00000003912345680000"),
        AssociatedData.of("dossier-document", "rel-42", "00000003912345670000"),
        AssociatedData.of("dossier-release", "rel-42"),
        AssociatedData.of("dossier-release", "rel-42", "00000003912345670000", ""),
        AssociatedData.of("dossier-release"));

    for (AssociatedData other : others) {
      assertThatThrownBy(() -> ReleaseSealer.open(werkpad, envelope, other))
          .as(other.toString()).isExactlyInstanceOf(IntegrityException.class);
    }
    assertThatThrownBy(() -> ReleaseSealer.open(werkpad, envelope, null))
        .isInstanceOf(NullPointerException.class).hasMessage("associated data is required");
    assertThatThrownBy(() -> ReleaseSealer.seal(werkpadPublic, BODY, null))
        .isInstanceOf(NullPointerException.class).hasMessage("associated data is required");
  }

  @Test
  void open_everyFlippedBitAnywhereInTheEnvelope_fails() {
    byte[] envelope = ReleaseSealer.seal(werkpadPublic, BODY, RELEASE).toByteArray();

    for (int bit = 0; bit < envelope.length * 8; bit++) {
      byte[] tampered = envelope.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      Throwable thrown = catchThrowable(() -> ReleaseSealer.open(werkpad, tampered, RELEASE));
      assertThat(thrown).as("bit %d", bit).isExactlyInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void open_everyTruncationAndAnExtension_failsWithIntegrityExceptionOnly() {
    byte[] envelope = ReleaseSealer.seal(werkpadPublic, BODY, RELEASE).toByteArray();

    for (int length = 0; length < envelope.length; length++) {
      byte[] truncated = Arrays.copyOf(envelope, length);
      Throwable thrown = catchThrowable(() -> ReleaseSealer.open(werkpad, truncated, RELEASE));
      assertThat(thrown).as("length %d", length).isExactlyInstanceOf(IntegrityException.class);
    }
    byte[] extended = Arrays.copyOf(envelope, envelope.length + 1);
    assertThatThrownBy(() -> ReleaseSealer.open(werkpad, extended, RELEASE))
        .isExactlyInstanceOf(IntegrityException.class);
  }

  @Test
  void open_lowOrderOrZeroEncapsulation_failsWithIntegrityException() {
    byte[] envelope = ReleaseSealer.seal(werkpadPublic, BODY, RELEASE).toByteArray();
    byte[] zeroEnc = envelope.clone();
    Arrays.fill(zeroEnc, 7, 39, (byte) 0);
    byte[] oneEnc = zeroEnc.clone();
    oneEnc[7] = 1; // u = 1: low order, all-zero shared secret

    assertThatThrownBy(() -> ReleaseSealer.open(werkpad, zeroEnc, RELEASE))
        .isExactlyInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> ReleaseSealer.open(werkpad, oneEnc, RELEASE))
        .isExactlyInstanceOf(IntegrityException.class);
  }

  @Test
  void seal_toLowOrderOrMalformedRecipientKey_isRefused() {
    assertThatThrownBy(() -> ReleaseSealer.seal(new byte[32], BODY, RELEASE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReleaseSealer.seal(new byte[33], BODY, RELEASE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seal_sameBodyTwice_differsInEncContentKeyAndBody() {
    byte[] first = ReleaseSealer.seal(werkpadPublic, BODY, RELEASE).toByteArray();
    byte[] second = ReleaseSealer.seal(werkpadPublic, BODY, RELEASE).toByteArray();

    assertThat(Arrays.copyOfRange(first, 7, 39)).isNotEqualTo(Arrays.copyOfRange(second, 7, 39));
    assertThat(Arrays.copyOfRange(first, 39, 87)).isNotEqualTo(Arrays.copyOfRange(second, 39, 87));
    assertThat(Arrays.copyOfRange(first, 87, first.length)).isNotEqualTo(Arrays.copyOfRange(second, 87, second.length));
  }

  @Test
  void seal_tenMebibyteBody_roundTrips() {
    byte[] large = new byte[10 << 20];
    new Random(7).nextBytes(large);

    byte[] envelope = ReleaseSealer.seal(werkpadPublic, large, RELEASE).toByteArray();

    assertThat(envelope).hasSize(large.length + ReleaseSealer.OVERHEAD);
    assertThat(ReleaseSealer.open(werkpad, envelope, RELEASE)).isEqualTo(large);
  }

  @Test
  void sealAndOpen_fromEightThreadsAtOnce_allRoundTrip() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int id = thread;
        tasks.add(() -> {
          for (int i = 0; i < 50; i++) {
            byte[] body = ("thread " + id + " release " + i).getBytes(StandardCharsets.UTF_8);
            AssociatedData ad = AssociatedData.of("dossier-release", "rel-" + id + "-" + i, "werkpad");
            byte[] envelope = ReleaseSealer.seal(werkpadPublic, body, ad).toByteArray();
            if (!Arrays.equals(ReleaseSealer.open(werkpad, envelope, ad), body)) {
              throw new AssertionError("thread " + id + " release " + i + " did not round-trip");
            }
          }
          return id;
        });
      }
      for (Future<Integer> done : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
        assertThat(done.get()).isBetween(0, 7);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void open_withClosedPrivateKey_throwsIllegalState() {
    byte[] envelope = ReleaseSealer.seal(werkpadPublic, BODY, RELEASE).toByteArray();
    X25519PrivateKey closed = X25519Keys.privateKeyFromPem(DevKeys.privatePem("werkpad"));
    closed.close();

    assertThatThrownBy(() -> ReleaseSealer.open(closed, envelope, RELEASE))
        .isInstanceOf(IllegalStateException.class);
  }

  // the documented AD encoding, written out independently of Canonical
  private static byte[] canonical(byte usage, String... strings) {
    ByteBuffer out = ByteBuffer.allocate(1024).put(usage);
    for (String string : strings) {
      byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
      out.putInt(utf8.length).put(utf8);
    }
    return Arrays.copyOf(out.array(), out.position());
  }

  private static final class Base64Pem {
    static byte[] der(String pem) {
      return java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
  }
}
