package nl.reintegratie.client.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import nl.reintegratie.client.GatewayKey;

/**
 * Where the command line connects and with which keys, each from its option, else its environment variable, else
 * the development default under the project's {@code keys-dev/} (so {@code ./provider.sh trajectories} works
 * against {@code ./run.sh} without any option).
 *
 * @param ca {@code empty}: the JVM's default trust store
 */
record ConnectionSettings(URI gateway, Path providerDir, Optional<Path> ca, Path gatewayKeyFile,
                          String gatewayKeyId) {

  static final String DEFAULT_GATEWAY = "https://localhost:8443";
  /** The {@code --ca} value that selects the JVM's default trust store. */
  static final String JVM_TRUST = "jvm";

  static ConnectionSettings resolve(CommandLine line, Map<String, String> env, Path root)
      throws UsageException, IOException {
    Path keysDev = root.resolve("keys-dev");
    String gateway = pick(line, env, "gateway", "PROVIDER_GATEWAY").orElse(DEFAULT_GATEWAY);
    Path provider = pick(line, env, "provider", "PROVIDER_DIR").map(Path::of)
        .orElse(keysDev.resolve("providers/werkpad"));
    Optional<Path> ca = caFile(pick(line, env, "ca", "PROVIDER_CA"), keysDev.resolve("tls/dev-ca.crt"));
    Path gatewayKey = pick(line, env, "gateway-key", "PROVIDER_GATEWAY_KEY").map(Path::of)
        .orElse(keysDev.resolve("gateway/signing-ed25519.pub"));
    Optional<String> keyId = pick(line, env, "gateway-key-id", "PROVIDER_GATEWAY_KEY_ID");
    if (keyId.isEmpty()) {
      // the dev layout keeps the key id next to the key, in gateway.json
      Path descriptor = gatewayKey.toAbsolutePath().resolveSibling("gateway.json");
      if (!Files.isRegularFile(descriptor)) {
        throw new UsageException("--gateway-key-id is needed: no gateway.json next to " + gatewayKey);
      }
      keyId = Optional.of(GatewayKey.keyIdOf(descriptor));
    }
    URI url;
    try {
      url = new URI(gateway);
    } catch (URISyntaxException e) {
      throw new UsageException("--gateway is not a URL: " + gateway);
    }
    if (!Files.isDirectory(provider)) {
      throw new UsageException("provider folder not found: " + provider);
    }
    return new ConnectionSettings(url, provider, ca, gatewayKey, keyId.get());
  }

  private static Optional<Path> caFile(Optional<String> given, Path devCa) throws UsageException {
    if (given.isPresent()) {
      if (given.get().equals(JVM_TRUST)) {
        return Optional.empty();
      }
      Path file = Path.of(given.get());
      if (!Files.isRegularFile(file)) {
        throw new UsageException("CA file not found: " + file);
      }
      return Optional.of(file);
    }
    return Files.isRegularFile(devCa) ? Optional.of(devCa) : Optional.empty();
  }

  private static Optional<String> pick(CommandLine line, Map<String, String> env, String option, String variable) {
    String value = line.option(option);
    if (value == null) {
      value = env.get(variable);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
