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
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.reintegratie.gateway.signature.HealthDataAttestation;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.ProviderRegistry;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.gateway.signature.X25519PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Providers described as folders: {@code provider.json} (id, name, kvk, oin, signingKeyId, optionally a health data
 * attestation, see {@link FolderAttestation}), {@code signing-ed25519.pub} and {@code encryption-x25519.pub} (SPKI
 * PEM). A dev start registers the demo
 * providers of {@code keys-dev/providers/*} this way, so a provider can call {@code ./run.sh}'s gateway with its dev
 * key at once; an operator registers a real provider from a folder with {@code ./admin.sh register-provider}.
 */
record ProviderFolders(List<ProviderFolder> providers) {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderFolders.class);
  /** How long a dev key registered now is valid; the dev keys are regenerated long before. */
  static final Duration DEV_KEY_VALIDITY = Duration.ofDays(5 * 365);

  record ProviderFolder(ProviderOrganisation organisation, String signingKeyId, byte[] signingKey,
                     X25519PublicKey encryptionKey, Optional<FolderAttestation> healthDataAttestation) {}

  /**
   * The health data attestation of a {@code provider.json}, in flat members (the provider client reads the same
   * file with a reader of flat objects only): {@code healthDataAttestationReference} with either the statement's
   * own {@code healthDataAttestationAttestedOn} and {@code healthDataAttestationValidUntil} (a real provider's
   * signed statement), or {@code healthDataAttestationValidFor}, an ISO 8601 period from the day before it is
   * registered, like the dev signing key (the demo providers': theirs never runs out in a dev store, however old).
   */
  record FolderAttestation(String reference, Optional<LocalDate> attestedOn, Optional<LocalDate> validUntil,
                           Optional<Period> validFor) {

    FolderAttestation {
      if (reference == null || validFor.isPresent() == (attestedOn.isPresent() || validUntil.isPresent())
          || attestedOn.isPresent() != validUntil.isPresent()) {
        throw new IllegalArgumentException(ATTESTATION + "Reference needs " + ATTESTATION + "AttestedOn and "
            + ATTESTATION + "ValidUntil, or " + ATTESTATION + "ValidFor");
      }
    }

    /**
     * The attestation as registered at {@code now}. Failure: {@link IllegalArgumentException} when it does not
     * meet {@link HealthDataAttestation}'s rules (reference, at most three years).
     */
    HealthDataAttestation at(Instant now) {
      LocalDate from = attestedOn.orElseGet(() -> LocalDate.ofInstant(now, CALENDAR).minusDays(1));
      return new HealthDataAttestation(from, validUntil.orElseGet(() -> from.plus(validFor.orElseThrow())),
          reference, HealthDataAttestation.FROM_PROVIDER_FOLDER, now.truncatedTo(ChronoUnit.MILLIS));
    }
  }

  private static final ZoneId CALENDAR = ZoneId.of("Europe/Amsterdam");
  private static final String ATTESTATION = "healthDataAttestation";

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
        X25519PublicKey.of(pem(dir.resolve("encryption-x25519.pub"))),
        attestation(json));
  }

  // checked now, so a folder with a statement the registry would refuse fails at reading, not half-way registering
  private static Optional<FolderAttestation> attestation(JsonObject json) {
    boolean any = json.fieldNames().stream().anyMatch(name -> name.startsWith(ATTESTATION));
    if (!any) {
      return Optional.empty();
    }
    try {
      FolderAttestation attestation = new FolderAttestation(json.getString(ATTESTATION + "Reference"),
          Optional.ofNullable(json.getString(ATTESTATION + "AttestedOn")).map(LocalDate::parse),
          Optional.ofNullable(json.getString(ATTESTATION + "ValidUntil")).map(LocalDate::parse),
          Optional.ofNullable(json.getString(ATTESTATION + "ValidFor")).map(Period::parse));
      attestation.at(Instant.now());
      return Optional.of(attestation);
    } catch (DateTimeParseException | ClassCastException e) {
      throw new IllegalArgumentException(ATTESTATION + "Reference is required; dates are YYYY-MM-DD, the period"
          + " is ISO 8601 (P2Y)", e);
    }
  }

  /**
   * Registers every provider, its signing key and its encryption key that the registry lacks, and its health data
   * attestation when the folder has one and the organisation has none; leaves what is there (also a revoked key, a
   * deactivated organisation or another attestation) as it is. Success: all present.
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
        .compose(organisation -> organisation.isPresent() ? Future.succeededFuture(organisation.get())
            : registry.register(provider.organisation())
                .compose(v -> registry.setEncryptionKey(id, provider.encryptionKey()))
                .onSuccess(v -> LOG.info("event=provider-registered organisation={}", id))
                .map(provider.organisation()))
        .compose(organisation -> organisation.healthDataAttestation().isPresent()
            || provider.healthDataAttestation().isEmpty() ? Future.<Void>succeededFuture()
            : registerAttestation(registry, id, provider.healthDataAttestation().get().at(now)))
        .compose(v -> registry.findKey(provider.signingKeyId()))
        .compose(key -> key.isPresent() ? Future.<Void>succeededFuture()
            : registry.addSigningKey(new RegisteredKey(provider.signingKeyId(), id, "ed25519", provider.signingKey(),
                now.minus(Duration.ofDays(1)), now.plus(keyValidity), false)));
  }

  private static Future<Void> registerAttestation(ProviderRegistry registry, String id,
                                                  HealthDataAttestation attestation) {
    return registry.setHealthDataAttestation(id, attestation)
        .onSuccess(v -> LOG.info("event=provider-health-data-attested by={} provider={} reference={} attestedOn={}"
                + " validUntil={}", attestation.recordedBy(), id, attestation.reference(), attestation.attestedOn(),
            attestation.validUntil()));
  }

  private static byte[] pem(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
  }
}
