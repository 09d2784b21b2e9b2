package nl.reintegratie.protocol.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one canonical byte encoding of a list of strings, used for associated data and for lookup-hash input:
 * <pre>
 *   usage (1 byte) | for each string: length (4 bytes, unsigned big-endian) | the string's UTF-8 bytes
 * </pre>
 * Every string carries its own length, so no two different lists encode alike ({@code ("a","bc")} is
 * {@code 00000001 61 00000002 6263}, {@code ("ab","c")} is {@code 00000002 6162 00000001 63}). The usage byte
 * separates what the bytes are for: the same strings as document AD, as key-wrapping AD or as lookup input never
 * give the same bytes, so a ciphertext of one kind can never be opened as another.
 */
public final class Canonical {

  /** Associated data of a sealed document ({@link DataKey#seal}). */
  public static final byte SEALED_DATA = 0x01;
  /** Associated data of a wrapped data key ({@link DataKey#wrap}, {@link KeyRing#wrap}). */
  public static final byte WRAPPED_KEY = 0x02;
  /** Input of a {@link LookupHasher}. */
  public static final byte LOOKUP = 0x03;
  /** HPKE {@code info} of a release's content key ({@link ReleaseSealer}). */
  public static final byte RELEASE_KEY = 0x04;
  /** Associated data of a release body under its content key ({@link ReleaseSealer}). */
  public static final byte RELEASE_BODY = 0x05;

  private Canonical() {
  }

  public static byte[] encode(byte usage, List<String> strings) {
    byte[][] utf8 = new byte[strings.size()][];
    int size = 1;
    for (int i = 0; i < utf8.length; i++) {
      utf8[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
      size = Math.addExact(size, Math.addExact(4, utf8[i].length));
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(usage);
    for (byte[] string : utf8) {
      out.putInt(string.length).put(string);
    }
    return out.array();
  }

  /**
   * Refuses strings with unpaired surrogates: UTF-8 encoding turns each of them into {@code '?'}, so
   * {@code "\uD800"} and {@code "?"} would encode alike and the encoding would no longer be unambiguous.
   *
   * @param what names the string in the exception message; the string itself is never quoted (it may be a BSN)
   */
  public static String requireWellFormed(String value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " must not be null");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " contains an unpaired surrogate at index " + i);
      }
    }
    return value;
  }
}
