package nl.reintegratie.protocol.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM in sealed format v1, on the JDK's own provider:
 * <pre>
 *   offset 0        1 byte   format version, 0x01
 *   offset 1       12 bytes  nonce (random)
 *   offset 13       n bytes  ciphertext (n = plaintext length)
 *   offset 13+n    16 bytes  GCM authentication tag
 * </pre>
 * 29 bytes of overhead. The associated data goes into GCM's AAD and is not stored.
 *
 * <p><b>Why the JDK's provider</b> and not Bouncy Castle's {@code GCMBlockCipher}: SunJCE's AES-GCM runs on
 * AES-NI/CLMUL intrinsics and was about 39 times faster on 100 KiB documents here (4.7 GB/s against 0.12 GB/s;
 * README, {@code bench/aes-gcm.sh}); its decryption releases no plaintext before the tag is verified.
 *
 * <p><b>Why random nonces are safe here.</b> NIST SP 800-38D section 8.3 allows random 96-bit IVs as long as one
 * key performs at most 2^32 encryptions (keeping the chance of a repeated nonce below 2^-32). A data key encrypts
 * one document (a handful of messages at most); a key-encryption key performs one wrap per data key, and a new
 * version is added long before 2^32 wraps ({@link KeyRing#addVersion}).
 */
public final class AesGcm {

  public static final byte FORMAT_V1 = 0x01;
  public static final int KEY_BYTES = 32;
  public static final int NONCE_BYTES = 12;
  public static final int TAG_BYTES = 16;
  public static final int HEADER_BYTES = 1 + NONCE_BYTES;
  /** Bytes a sealed message adds to its plaintext. */
  public static final int OVERHEAD = HEADER_BYTES + TAG_BYTES;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  // Named explicitly: a library that inserts another provider (e.g. Bouncy Castle) at position 1 would otherwise
  // silently move the data path to a much slower implementation. Falls back to the default lookup on a JDK
  // without SunJCE.
  private static final Provider JDK_PROVIDER = Security.getProvider("SunJCE");
  // The default SecureRandom (NativePRNG on Linux) reads /dev/urandom: never blocks, unlike getInstanceStrong().
  private static final SecureRandom RANDOM = new SecureRandom();

  private AesGcm() {
  }

  public static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** Format v1 of {@code plaintext} under {@code key} with the given nonce; {@code aad} authenticated, not stored. */
  public static byte[] seal(SecretKeySpec key, byte[] nonce, byte[] plaintext, byte[] aad) {
    return seal(key, nonce, plaintext, aad, 0);
  }

  /**
   * {@link #seal(SecretKeySpec, byte[], byte[], byte[])} into a new array that has {@code prefix} free bytes before
   * the sealed message, so that a caller framing it in a larger envelope (a release) need not copy a large body.
   */
  public static byte[] seal(SecretKeySpec key, byte[] nonce, byte[] plaintext, byte[] aad, int prefix) {
    if (nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes");
    }
    if (prefix < 0 || plaintext.length > Integer.MAX_VALUE - OVERHEAD - 8 - prefix) {
      throw new IllegalArgumentException("plaintext too large");
    }
    byte[] sealed = new byte[prefix + OVERHEAD + plaintext.length];
    sealed[prefix] = FORMAT_V1;
    System.arraycopy(nonce, 0, sealed, prefix + 1, NONCE_BYTES);
    try {
      Cipher cipher = cipher();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(aad);
      int written = cipher.doFinal(plaintext, 0, plaintext.length, sealed, prefix + HEADER_BYTES);
      if (written != plaintext.length + TAG_BYTES) {
        throw new IllegalStateException("AES-GCM wrote " + written + " bytes");
      }
      return sealed;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption is unavailable", e);
    }
  }

  /**
   * The plaintext of a format v1 message. Lengths and the version byte are checked before anything is parsed.
   * Failure: {@link IntegrityException} for every problem with {@code sealed} or {@code aad}.
   */
  public static byte[] open(SecretKeySpec key, byte[] sealed, byte[] aad) {
    return open(key, sealed, 0, aad);
  }

  /** {@link #open(SecretKeySpec, byte[], byte[])} of the message that fills {@code sealed} from {@code offset} on. */
  public static byte[] open(SecretKeySpec key, byte[] sealed, int offset, byte[] aad) {
    if (offset < 0 || offset > sealed.length || sealed.length - offset < OVERHEAD || sealed[offset] != FORMAT_V1) {
      throw new IntegrityException();
    }
    try {
      Cipher cipher = cipher();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, offset + 1, NONCE_BYTES));
      cipher.updateAAD(aad);
      return cipher.doFinal(sealed, offset + HEADER_BYTES, sealed.length - offset - HEADER_BYTES);
    } catch (BadPaddingException | IllegalBlockSizeException e) { // AEADBadTagException is a BadPaddingException
      throw new IntegrityException();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption is unavailable", e);
    }
  }

  /** The provider that {@link #seal} and {@link #open} use (for the benchmark and diagnostics). */
  public static String providerName() {
    try {
      return cipher().getProvider().getName();
    } catch (GeneralSecurityException e) {
      return "unavailable";
    }
  }

  // A new Cipher per call: Cipher objects are not thread-safe, and creating one costs about a microsecond, nothing
  // next to a document.
  private static Cipher cipher() throws GeneralSecurityException {
    return JDK_PROVIDER != null ? Cipher.getInstance(TRANSFORMATION, JDK_PROVIDER) : Cipher.getInstance(TRANSFORMATION);
  }
}
