package nl.reintegratie.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import nl.reintegratie.protocol.crypto.X25519Keys;
import nl.reintegratie.protocol.crypto.X25519PrivateKey;

/**
 * Who a provider is to the gateway, and the two private keys that prove it: the Ed25519 key that signs requests
 * (registered at the gateway under {@code signingKeyId}) and the X25519 key that opens releases sealed to the
 * organisation. {@link #toString()} shows no private key material ({@link Ed25519SigningKey} shows its public key,
 * {@link X25519PrivateKey} nothing). {@link #close()} zeroes the X25519 key.
 *
 * @param organisationId the provider's organisation id at the gateway (e.g. {@code werkpad}); releases are sealed
 *                       to it, so it is part of what opens them
 * @param signingKeyId   the {@code keyid} the gateway knows the signing key by
 */
public record ProviderCredentials(String organisationId, String signingKeyId, Ed25519SigningKey signingKey,
                                  X25519PrivateKey encryptionKey) implements AutoCloseable {

  public ProviderCredentials {
    requireText(organisationId, "organisationId");
    requireText(signingKeyId, "signingKeyId");
    // it travels as an RFC 8941 string in Signature-Input: printable ASCII only
    if (!signingKeyId.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      throw new IllegalArgumentException("signingKeyId must be printable ASCII");
    }
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(encryptionKey, "encryptionKey");
  }

  /**
   * Reads a provider folder in the layout of {@code keys-dev/providers/<id>/}: {@code provider.json} (members
   * {@code id} and {@code signingKeyId}), {@code signing-ed25519.key} (PKCS#8 PEM) and
   * {@code encryption-x25519.key} (PKCS#8 PEM). Failure: {@link IOException} when a file cannot be read,
   * {@link IllegalArgumentException} naming the file whose content is wrong.
   */
  public static ProviderCredentials fromFolder(Path folder) throws IOException {
    Path descriptor = folder.resolve("provider.json");
    Map<String, String> provider;
    try {
      provider = FlatJson.strings(Files.readString(descriptor, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(descriptor + ": " + e.getMessage());
    }
    String id = member(provider, "id", descriptor);
    String keyId = member(provider, "signingKeyId", descriptor);

    Path signingFile = folder.resolve("signing-ed25519.key");
    Ed25519SigningKey signingKey;
    try {
      signingKey = Ed25519SigningKey.fromPkcs8(Pem.read(signingFile, "PRIVATE KEY"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(signingFile + ": not an Ed25519 private key (PKCS#8 PEM)");
    }
    Path encryptionFile = folder.resolve("encryption-x25519.key");
    X25519PrivateKey encryptionKey;
    try {
      encryptionKey = X25519Keys.privateKeyFromPem(Files.readString(encryptionFile, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(encryptionFile + ": " + e.getMessage());
    }
    return new ProviderCredentials(id, keyId, signingKey, encryptionKey);
  }

  /** Zeroes the X25519 private key; releases can no longer be opened with these credentials. */
  @Override
  public void close() {
    encryptionKey.close();
  }

  private static String member(Map<String, String> json, String name, Path file) {
    String value = json.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(file + ": string member \"" + name + "\" is missing");
    }
    return value;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
