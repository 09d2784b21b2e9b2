package nl.reintegratie.gateway.signature.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.signature.HealthDataAttestation;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.ProviderRegistry;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.gateway.signature.X25519PublicKey;

/**
 * The provider registry as the supervisors' API shows it ({@code Provider}, {@code SigningKey},
 * {@code RecordedHealthDataAttestation} and {@code ProviderList} in the OpenAPI document). Public keys are not secret: each is shown as base64 of its 32 raw
 * bytes with its fingerprint ({@link PublicKeyText#fingerprint}), so a supervisor can compare it with what the
 * provider sent. Instants are UTC, whole milliseconds (as stored).
 */
final class ProviderJson {

  private static final Comparator<RegisteredKey> KEY_ORDER =
      Comparator.comparing(RegisteredKey::validFrom).thenComparing(RegisteredKey::keyId);

  private ProviderJson() {
  }

  /** One organisation with its keys, oldest key first. */
  static JsonObject provider(ProviderOrganisation organisation, List<RegisteredKey> keys) {
    JsonObject json = new JsonObject()
        .put("providerId", organisation.id())
        .put("name", organisation.name())
        .put("kvkNumber", organisation.kvkNumber())
        .put("oin", organisation.oin())
        .put("active", organisation.active());
    organisation.encryptionKey().ifPresent(key -> json.put("encryptionKey", encryptionKey(key)));
    organisation.healthDataAttestation()
        .ifPresent(attestation -> json.put("healthDataAttestation", healthDataAttestation(attestation)));
    JsonArray signingKeys = new JsonArray();
    keys.stream().sorted(KEY_ORDER).forEach(key -> signingKeys.add(signingKey(key)));
    return json.put("signingKeys", signingKeys);
  }

  /** Every organisation (by id) with its keys. */
  static JsonObject list(ProviderRegistry.Contents contents) {
    Map<String, List<RegisteredKey>> keysByOrganisation = contents.keys().stream()
        .collect(Collectors.groupingBy(RegisteredKey::organisationId));
    JsonArray providers = new JsonArray();
    contents.organisations().stream()
        .sorted(Comparator.comparing(ProviderOrganisation::id))
        .forEach(organisation -> providers.add(provider(organisation,
            keysByOrganisation.getOrDefault(organisation.id(), List.of()))));
    return new JsonObject().put("providers", providers);
  }

  static JsonObject signingKey(RegisteredKey key) {
    // the registry only accepts Ed25519 keys (raw or SPKI), so the raw form always exists
    byte[] raw = PublicKeyText.ED25519.rawOfEncoded(key.publicKey())
        .orElseThrow(() -> new IllegalStateException("stored signing key " + key.keyId() + " is no Ed25519 key"));
    JsonObject json = new JsonObject()
        .put("keyId", key.keyId())
        .put("algorithm", key.algorithm())
        .put("publicKey", PublicKeyText.base64(raw))
        .put("fingerprint", PublicKeyText.ED25519.fingerprint(raw))
        .put("validFrom", key.validFrom().toString())
        .put("validUntil", key.validUntil().toString())
        .put("revoked", key.revoked());
    key.revokedAt().ifPresent(at -> json.put("revokedAt", at.toString()));
    return json;
  }

  private static JsonObject healthDataAttestation(HealthDataAttestation attestation) {
    return new JsonObject()
        .put("attestedOn", attestation.attestedOn().toString())
        .put("validUntil", attestation.validUntil().toString())
        .put("reference", attestation.reference())
        .put("recordedBy", attestation.recordedBy())
        .put("recordedAt", attestation.recordedAt().toString());
  }

  private static JsonObject encryptionKey(X25519PublicKey key) {
    byte[] raw = key.raw();
    return new JsonObject()
        .put("algorithm", "x25519")
        .put("publicKey", PublicKeyText.base64(raw))
        .put("fingerprint", PublicKeyText.X25519.fingerprint(raw));
  }
}
