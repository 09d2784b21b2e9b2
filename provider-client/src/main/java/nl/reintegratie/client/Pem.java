package nl.reintegratie.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reads the one PEM block of a key file as {@code openssl} writes them (keys-dev/*). Strict about the label and
 * about there being exactly one block, so a public key file given where a private key is expected (or a file with
 * two keys) is refused instead of half-used. Messages never quote the file's content.
 */
final class Pem {

  private Pem() {
  }

  /** The DER bytes of the single {@code label} block in {@code file}. Failure: IOException, IllegalArgumentException. */
  static byte[] read(Path file, String label) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    try {
      return decode(text, label);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  static byte[] decode(String text, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int start = text.indexOf(begin);
    int stop = start < 0 ? -1 : text.indexOf(end, start + begin.length());
    if (start < 0 || stop < 0 || text.indexOf("-----BEGIN ", start + begin.length()) >= 0) {
      throw new IllegalArgumentException("expected exactly one PEM block \"" + begin + "\"");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(start + begin.length(), stop).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM block \"" + label + "\" is not valid base64");
    }
  }
}
