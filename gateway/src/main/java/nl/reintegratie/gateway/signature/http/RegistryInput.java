package nl.reintegratie.gateway.signature.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.reintegratie.gateway.crypto.PublicKeyChecks;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.signature.HealthDataAttestation;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.gateway.signature.VerificationPolicy;
import nl.reintegratie.gateway.signature.X25519PublicKey;

/**
 * The bodies of the registry routes, after their JSON Schema ({@code provider-registration},
 * {@code signing-key-registration}, {@code health-data-attestation}) passed, turned into registry records with the
 * checks a schema cannot make: the keys decode to usable curve points ({@link PublicKeyChecks}), {@code validUntil}
 * is after {@code validFrom} (or {@code attestedOn}) and still ahead, a statement was not signed in the future and
 * covers at most {@link HealthDataAttestation#MAX_VALIDITY}. Every failed check is collected, so one 400 {@code invalid-body} lists them all, in the same
 * shape as {@code BodyValidation}'s ({@code errors: [{pointer, detail}]}); nothing is written before this passed.
 */
final class RegistryInput {

  /** A registration: the organisation (with its encryption key) and its first signing key. */
  record Registration(ProviderOrganisation organisation, RegisteredKey signingKey) {
  }

  private record FieldError(String pointer, String nl, String en) {
  }

  // ProviderOrganisation names the field it refuses; the schema makes this unreachable, but a refusal must still
  // point at the field rather than become a 500
  private static final Map<String, String> ORGANISATION_FIELDS = Map.of(
      "invalid id", "/providerId", "invalid name", "/name", "invalid kvkNumber", "/kvkNumber", "invalid oin", "/oin");

  private final List<FieldError> errors = new ArrayList<>();
  private final Instant now;

  private RegistryInput(Instant now) {
    this.now = now;
  }

  /**
   * A registration body as a new, active organisation and its first signing key, or a failure with
   * {@link ApiException} ({@code invalid-body}) listing every field that failed.
   */
  static Registration registration(JsonObject body, Instant now, Language language) {
    RegistryInput input = new RegistryInput(now);
    String providerId = body.getString("providerId");
    Optional<X25519PublicKey> encryptionKey = input.encryptionKey(body.getString("encryptionKey"), "/encryptionKey");
    RegisteredKey signingKey = input.signingKey(body.getJsonObject("signingKey"), "/signingKey", providerId);
    ProviderOrganisation organisation = null;
    try {
      organisation = new ProviderOrganisation(providerId, body.getString("name"), body.getString("kvkNumber"),
          body.getString("oin"), true, encryptionKey);
    } catch (IllegalArgumentException e) {
      input.error(ORGANISATION_FIELDS.getOrDefault(e.getMessage(), ""),
          "Dit gegeven van de organisatie klopt niet.", "This detail of the organisation is not valid.");
    }
    input.failIfAny(language);
    return new Registration(organisation, signingKey);
  }

  /**
   * A signing key body as a key of {@code providerId}, or a failure with {@link ApiException}
   * ({@code invalid-body}) listing every field that failed.
   */
  static RegisteredKey signingKey(JsonObject body, String providerId, Instant now, Language language) {
    RegistryInput input = new RegistryInput(now);
    RegisteredKey key = input.signingKey(body, "", providerId);
    input.failIfAny(language);
    return key;
  }

  /**
   * A health data attestation body as the attestation {@code recordedBy} records at {@code now}, judged against
   * {@code today} (the Dutch calendar day), or a failure with {@link ApiException} ({@code invalid-body}) listing
   * every field that failed.
   */
  static HealthDataAttestation healthDataAttestation(JsonObject body, LocalDate today, String recordedBy,
                                                     Instant now, Language language) {
    RegistryInput input = new RegistryInput(now);
    Optional<LocalDate> attestedOn = input.day(body.getString("attestedOn"), "/attestedOn");
    Optional<LocalDate> validUntil = input.day(body.getString("validUntil"), "/validUntil");
    if (attestedOn.isPresent() && attestedOn.get().isAfter(today)) {
      input.error("/attestedOn", "Deze dag is nog niet geweest: vul de dag in waarop de verklaring is ondertekend.",
          "This day has not come yet: use the day the statement was signed.");
    }
    // one problem per field: the first that applies
    if (attestedOn.isPresent() && validUntil.isPresent() && !validUntil.get().isAfter(attestedOn.get())) {
      input.error("/validUntil", "Dit moet later zijn dan attestedOn.", "This must be later than attestedOn.");
    } else if (attestedOn.isPresent() && validUntil.isPresent()
        && validUntil.get().isAfter(attestedOn.get().plus(HealthDataAttestation.MAX_VALIDITY))) {
      input.error("/validUntil", "Een verklaring geldt hoogstens drie jaar na attestedOn. Vraag daarna een nieuwe.",
          "A statement is valid for at most three years after attestedOn. Ask for a new one after that.");
    } else if (validUntil.isPresent() && validUntil.get().isBefore(today)) {
      input.error("/validUntil", "Deze dag is al voorbij: de verklaring zou nooit gelden.",
          "This day has passed: the statement would never apply.");
    }
    HealthDataAttestation attestation = null;
    if (input.errors.isEmpty()) {
      try {
        attestation = new HealthDataAttestation(attestedOn.get(), validUntil.get(), body.getString("reference"),
            recordedBy, now.truncatedTo(ChronoUnit.MILLIS));
      } catch (IllegalArgumentException e) {
        // the schema makes this unreachable for the reference; a refusal must still point at a field, not be a 500
        input.error(e.getMessage().equals("invalid reference") ? "/reference" : "",
            "Dit gegeven van de verklaring klopt niet.", "This detail of the statement is not valid.");
      }
    }
    input.failIfAny(language);
    return attestation;
  }

  // null when a field of the key failed (the failure is collected)
  private RegisteredKey signingKey(JsonObject body, String at, String providerId) {
    int failedBefore = errors.size();
    Optional<byte[]> raw = PublicKeyText.ED25519.raw(body.getString("publicKey"))
        .filter(PublicKeyChecks::isValidEd25519);
    if (raw.isEmpty()) {
      error(at + "/publicKey",
          "Dit is geen bruikbare Ed25519-publieke sleutel. Stuur het PEM-blok (PUBLIC KEY) of de base64 van de"
              + " 32 bytes van de sleutel.",
          "This is not a usable Ed25519 public key. Send the PEM block (PUBLIC KEY) or the base64 of the key's"
              + " 32 bytes.");
    }
    Optional<Instant> validFrom = instant(body.getString("validFrom"), at + "/validFrom");
    Optional<Instant> validUntil = instant(body.getString("validUntil"), at + "/validUntil");
    if (validFrom.isPresent() && validUntil.isPresent() && !validUntil.get().isAfter(validFrom.get())) {
      error(at + "/validUntil", "Dit moet later zijn dan validFrom.", "This must be later than validFrom.");
    } else if (validUntil.isPresent() && !validUntil.get().isAfter(now)) {
      error(at + "/validUntil", "Deze datum is al voorbij: de sleutel zou nooit geldig zijn.",
          "This moment has passed: the key would never be valid.");
    }
    if (errors.size() > failedBefore) {
      return null;
    }
    return new RegisteredKey(body.getString("keyId"), providerId, VerificationPolicy.ALGORITHM, raw.get(),
        validFrom.get(), validUntil.get(), false);
  }

  private Optional<X25519PublicKey> encryptionKey(String text, String at) {
    Optional<byte[]> raw = PublicKeyText.X25519.raw(text).filter(PublicKeyChecks::isUsableX25519);
    if (raw.isEmpty()) {
      error(at,
          "Dit is geen bruikbare X25519-publieke sleutel. Stuur het PEM-blok (PUBLIC KEY) of de base64 van de"
              + " 32 bytes van de sleutel.",
          "This is not a usable X25519 public key. Send the PEM block (PUBLIC KEY) or the base64 of the key's"
              + " 32 bytes.");
    }
    return raw.map(X25519PublicKey::of);
  }

  // the schema checked the format (RFC 3339 with offset); what java.time cannot read (a leap second) is refused
  private Optional<Instant> instant(String text, String at) {
    try {
      if (text != null) {
        return Optional.of(OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS));
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    error(at, "Vul datum en tijd in met tijdzone, bijvoorbeeld 2026-03-01T09:30:00+01:00.",
        "Use a date and time with a time zone, for example 2026-03-01T09:30:00+01:00.");
    return Optional.empty();
  }

  // the schema checked the format (YYYY-MM-DD); what java.time cannot read (a 30 February) is refused here
  private Optional<LocalDate> day(String text, String at) {
    try {
      if (text != null) {
        return Optional.of(LocalDate.parse(text));
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    error(at, "Vul een bestaande datum in, bijvoorbeeld 2026-03-01.", "Use an existing date, for example 2026-03-01.");
    return Optional.empty();
  }

  private void error(String pointer, String nl, String en) {
    errors.add(new FieldError(pointer, nl, en));
  }

  private void failIfAny(Language language) {
    if (errors.isEmpty()) {
      return;
    }
    JsonArray list = new JsonArray();
    errors.forEach(e -> list.add(new JsonObject().put("pointer", e.pointer())
        .put("detail", language == Language.EN ? e.en() : e.nl())));
    throw new ApiException(ProblemType.INVALID_BODY, language == Language.EN
        ? "Some of the data is not right. 'errors' says what is wrong, per field."
        : "Niet alle gegevens kloppen. Bij 'errors' staat per veld wat er mis is.",
        new JsonObject().put("errors", list), null);
  }
}
