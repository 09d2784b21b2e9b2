package nl.reintegratie.gateway.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.ProviderRegistry;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.gateway.signature.X25519PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Providers described as folders: {@code provider.json} (id, name, kvk, oin, signingKeyId),
 * {@code signing-ed25519.pub} and {@code encryption-x25519.pub} (SPKI PEM). A dev start registers the demo
 * providers of {@code keys-dev/providers/*} this way, so a provider can call {@code ./run.sh}'s gateway with its dev
 * key at once; an operator registers a real provider from a folder with {@code ./admin.sh register-provider}.
 */
record ProviderFolders(List<ProviderFolder> providers) {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderFolders.class);
  /** How long a dev key registered now is valid; the dev keys are regenerated long before. */
  static final Duration DEV_KEY_VALIDITY = Duration.ofDays(5 * 365);

  record ProviderFolder(ProviderOrganisation organisation, String signingKeyId, byte[] signingKey,
                     X25519PublicKey encryptionKey) {}

  static ProviderFolders none() {
    return new ProviderFolders(List.of());
  }

  /**
   * Blocking (startup only): every provider folder under {@code providersDir}; none when the folder does not
   * exist. Failure: {@link UncheckedIOException} or {@link IllegalArgumentException} for an unreadable folder.
   */
  static ProviderFolders read(Path providersDir) {
    if (!Files.isDirectory(providersDir)) {
      LOG.warn("event=dev-providers-missing dir={}", providersDir);
      return none();
    }
    List<ProviderFolder> found = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(providersDir)) {
      for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("provider.json"))).sorted().toList()) {
        found.add(folder(dir));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dev providers", e);
    }
    return new ProviderFolders(found);
  }

  /** Blocking: the one provider described by {@code dir}. Failure as {@link #read}. */
  static ProviderFolders readOne(Path dir) {
    try {
      return new ProviderFolders(List.of(folder(dir)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the provider folder " + dir.getFileName(), e);
    }
  }

  private static ProviderFolder folder(Path dir) throws IOException {
    JsonObject json = new JsonObject(Files.readString(dir.resolve("provider.json"), StandardCharsets.UTF_8));
    return new ProviderFolder(
        ProviderOrganisation.of(json.getString("id"), json.getString("name"), json.getString("kvk"),
            json.getString("oin")),
        json.getString("signingKeyId"),
        pem(dir.resolve("signing-ed25519.pub")),
        X25519PublicKey.of(pem(dir.resolve("encryption-x25519.pub"))));
  }

  /**
   * Registers every provider, its signing key and its encryption key that the registry lacks; leaves what is there
   * (also a revoked key or a deactivated organisation) as it is. Success: all present.
   */
  Future<Void> registerAbsent(ProviderRegistry registry, Clock clock, Duration keyValidity) {
    Future<Void> chain = Future.succeededFuture();
    for (ProviderFolder provider : providers) {
      chain = chain.compose(v -> registerAbsent(registry, provider, clock, keyValidity));
    }
    return chain;
  }

  private static Future<Void> registerAbsent(ProviderRegistry registry, ProviderFolder provider, Clock clock,
                                             Duration keyValidity) {
    String id = provider.organisation().id();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return registry.findOrganisation(id)
        .compose(organisation -> organisation.isPresent() ? Future.<Void>succeededFuture()
            : registry.register(provider.organisation())
                .compose(v -> registry.setEncryptionKey(id, provider.encryptionKey()))
                .onSuccess(v -> LOG.info("event=provider-registered organisation={}", id)))
        .compose(v -> registry.findKey(provider.signingKeyId()))
        .compose(key -> key.isPresent() ? Future.<Void>succeededFuture()
            : registry.addSigningKey(new RegisteredKey(provider.signingKeyId(), id, "ed25519", provider.signingKey(),
                now.minus(Duration.ofDays(1)), now.plus(keyValidity), false)));
  }

  private static byte[] pem(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
  }
}
