package nl.reintegratie.protocol.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The development providers' X25519 keys in {@code keys-dev/providers/<id>/} (surefire sets {@code project.root}). */
final class DevKeys {

  private DevKeys() {
  }

  static String privatePem(String provider) {
    return read(provider, "encryption-x25519.key");
  }

  static String publicPem(String provider) {
    return read(provider, "encryption-x25519.pub");
  }

  static String read(String provider, String file) {
    Path path = Path.of(System.getProperty("project.root", ".."), "keys-dev", "providers", provider, file);
    try {
      return Files.readString(path, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
