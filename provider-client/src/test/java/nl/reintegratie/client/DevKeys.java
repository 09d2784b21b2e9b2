package nl.reintegratie.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import nl.reintegratie.protocol.crypto.X25519Keys;

/** The project's development keys in {@code keys-dev/} (surefire sets {@code project.root}). */
public final class DevKeys {

  public static final String GATEWAY_KEY_ID = "gateway-dev-ed25519-1";

  private DevKeys() {
  }

  public static Path root() {
    return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  }

  public static Path keysDev() {
    return root().resolve("keys-dev");
  }

  public static Path provider(String id) {
    return keysDev().resolve("providers").resolve(id);
  }

  public static Path devCa() {
    return keysDev().resolve("tls/dev-ca.crt");
  }

  public static ProviderCredentials credentials(String provider) {
    try {
      return ProviderCredentials.fromFolder(provider(provider));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GatewayKey gatewayKey() {
    try {
      return GatewayKey.fromFolder(keysDev().resolve("gateway"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The gateway's private signing key: tests play the gateway with it. */
  public static Ed25519SigningKey gatewaySigningKey() {
    return Ed25519SigningKey.fromPkcs8(der(keysDev().resolve("gateway/signing-ed25519.key")));
  }

  public static Ed25519SigningKey providerSigningKey(String provider) {
    return Ed25519SigningKey.fromPkcs8(der(provider(provider).resolve("signing-ed25519.key")));
  }

  /** The DER of a provider's SPKI public key file. */
  public static byte[] providerSigningPublicKey(String provider) {
    return der(provider(provider).resolve("signing-ed25519.pub"));
  }

  public static byte[] providerEncryptionPublicKey(String provider) {
    return X25519Keys.publicKeyFromPem(text(provider(provider).resolve("encryption-x25519.pub")));
  }

  public static byte[] der(Path pemFile) {
    return Base64.getMimeDecoder().decode(text(pemFile).replaceAll("-----[A-Z ]+-----", ""));
  }

  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
