package nl.reintegratie.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import nl.reintegratie.protocol.crypto.Ed25519;

/**
 * The gateway's response signing key as a provider configures it: the {@code keyid} the gateway signs under and
 * its Ed25519 public key. Only a response signed with exactly this key counts as the gateway's; obtain both from
 * the gateway's operator over a channel you trust, not from the gateway's own responses.
 *
 * @param keyId     e.g. {@code gateway-dev-ed25519-1} (the gateway's {@code GATEWAY_SIGNING_KEY_ID})
 * @param publicKey the raw 32-byte Ed25519 public key (a DER SubjectPublicKeyInfo is accepted and reduced to it)
 */
public record GatewayKey(String keyId, byte[] publicKey) {

  public GatewayKey {
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException("keyId must not be blank");
    }
    byte[] raw = Ed25519.rawPublicKey(publicKey);
    if (raw == null) {
      throw new IllegalArgumentException("not an Ed25519 public key (raw 32 bytes or SubjectPublicKeyInfo)");
    }
    publicKey = raw;
  }

  /** The public key in {@code pemFile} ({@code -----BEGIN PUBLIC KEY-----}, SPKI) under {@code keyId}. */
  public static GatewayKey fromPemFile(Path pemFile, String keyId) throws IOException {
    try {
      return new GatewayKey(keyId, Pem.read(pemFile, "PUBLIC KEY"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(pemFile + ": " + e.getMessage());
    }
  }

  /**
   * The key of a folder in the layout of {@code keys-dev/gateway/}: {@code signing-ed25519.pub} and
   * {@code gateway.json} with member {@code signingKeyId}.
   */
  public static GatewayKey fromFolder(Path folder) throws IOException {
    return fromPemFile(folder.resolve("signing-ed25519.pub"), keyIdOf(folder.resolve("gateway.json")));
  }

  /** The {@code signingKeyId} member of a {@code gateway.json} descriptor. */
  public static String keyIdOf(Path descriptor) throws IOException {
    Map<String, String> json;
    try {
      json = FlatJson.strings(Files.readString(descriptor, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(descriptor + ": " + e.getMessage());
    }
    String keyId = json.get("signingKeyId");
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException(descriptor + ": string member \"signingKeyId\" is missing");
    }
    return keyId;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Whether {@code signature} over {@code message} was made with this key. */
  boolean verifies(byte[] message, byte[] signature) {
    return Ed25519.verify(publicKey, message, signature);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GatewayKey that && keyId.equals(that.keyId) && Arrays.equals(publicKey, that.publicKey);
  }

  @Override
  public int hashCode() {
    return keyId.hashCode() * 31 + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "GatewayKey[keyId=" + keyId + ", publicKey=" + Base64.getEncoder().encodeToString(publicKey) + "]";
  }
}
