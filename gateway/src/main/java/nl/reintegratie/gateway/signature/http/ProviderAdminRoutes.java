package nl.reintegratie.gateway.signature.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.BodyValidation;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.RequestIds;
import nl.reintegratie.gateway.identity.Principal;
import nl.reintegratie.gateway.identity.Principal.Role;
import nl.reintegratie.gateway.identity.StaffAccess;
import nl.reintegratie.gateway.signature.HealthDataAttestation;
import nl.reintegratie.gateway.signature.ProviderDirectory;
import nl.reintegratie.gateway.signature.ProviderRegistryException;
import nl.reintegratie.gateway.signature.RegisteredKey;
import nl.reintegratie.schemas.SchemaCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider registry for supervisors: which organisations may call the provider API, with which keys, and
 * which of them attested confidential handling of health information. Before
 * any of these routes the router ran the request id and the body limit; then, per route and in this order:
 *
 * <ol>
 *   <li>{@link StaffAccess}: a live portal session (else 401 {@code login-required}), the portal's CSRF rule on
 *       POST, PUT and DELETE (403 {@code cross-site-request}), the {@code supervisor} role (403 {@code forbidden});
 *   <li>for POSTs and PUTs with a body, schema validation ({@link BodyValidation}), then {@link RegistryInput}'s
 *       checks of the keys and dates (400 {@code invalid-body} listing every field; nothing is written before they
 *       pass);
 *   <li>the route's handler.
 * </ol>
 *
 * <p>Every change goes through the {@link ProviderDirectory}, so it is in this instance's key snapshot when the
 * answer leaves: the next signed request with a revoked key is refused here; other instances follow at their next
 * reload (about 30 s). Every change is logged with who made it (subject id and organisation), what (organisation
 * id, key id, validity, attestation reference) and the request id; never key material, never free text. There is
 * no deleting keys: a key id names one key for good, also after revocation, so signatures and logs stay
 * attributable. A health data attestation is a sub-resource that is put and withdrawn as a whole.
 *
 * <p>Routes are registered one by one, never with a wildcard, so each is matched against the OpenAPI document.
 */
public final class ProviderAdminRoutes {

  static final String PROVIDERS = "/api/v1/providers";
  static final String PROVIDER = PROVIDERS + "/:providerId";
  static final String SIGNING_KEYS = PROVIDER + "/signing-keys";
  static final String SIGNING_KEY = SIGNING_KEYS + "/:keyId";
  static final String REVOCATION = SIGNING_KEY + "/revocation";
  static final String HEALTH_DATA_ATTESTATION = PROVIDER + "/health-data-attestation";
  /** Attestations are dated in calendar days; "today" is the Dutch one, as for every date a person enters. */
  static final ZoneId CALENDAR = ZoneId.of("Europe/Amsterdam");

  private static final Logger LOG = LoggerFactory.getLogger(ProviderAdminRoutes.class);

  private final ProviderDirectory directory;
  private final StaffAccess staff;
  private final SchemaCatalog schemas;
  private final Clock clock;

  /** @param directory the verifier's directory itself, so a change takes effect on this instance at once */
  public ProviderAdminRoutes(ProviderDirectory directory, StaffAccess staff, SchemaCatalog schemas, Clock clock) {
    this.directory = Objects.requireNonNull(directory);
    this.staff = Objects.requireNonNull(staff);
    this.schemas = Objects.requireNonNull(schemas);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Mounts every registry route on {@code router}. */
  public void mount(Router router) {
    supervisor(router.get(PROVIDERS))
        .handler(this::list);
    supervisor(router.post(PROVIDERS))
        .handler(BodyValidation.against(schemas, "provider-registration"))
        .handler(this::register);
    supervisor(router.get(PROVIDER))
        .handler(this::oneProvider);
    supervisor(router.post(SIGNING_KEYS))
        .handler(BodyValidation.against(schemas, "signing-key-registration"))
        .handler(this::addSigningKey);
    supervisor(router.get(SIGNING_KEY))
        .handler(this::oneSigningKey);
    supervisor(router.post(REVOCATION))
        .handler(this::revoke);
    supervisor(router.put(HEALTH_DATA_ATTESTATION))
        .handler(BodyValidation.against(schemas, "health-data-attestation"))
        .handler(this::recordHealthDataAttestation);
    supervisor(router.delete(HEALTH_DATA_ATTESTATION))
        .handler(this::withdrawHealthDataAttestation);
  }

  private Route supervisor(Route route) {
    return staff.requireRole(route, Role.SUPERVISOR);
  }

  /** {@code GET /providers}: every registered organisation with its keys. */
  private void list(RoutingContext ctx) {
    answer(ctx, directory.all().map(ProviderJson::list), 200, null);
  }

  /** {@code GET /providers/{providerId}}. */
  private void oneProvider(RoutingContext ctx) {
    answer(ctx, provider(ctx.pathParam("providerId")), 200, null);
  }

  /**
   * {@code POST /providers}: the organisation with its encryption key, then its first signing key. The key id is
   * checked before anything is written, so a taken key id normally leaves nothing behind. Only when the key cannot
   * be added after the organisation was (the same key id registered at that very moment, or the store failing in
   * between) does the organisation stay without a signing key; the answer then says so
   * ({@link RegistryProblems#registeredWithoutKey}), and adding the key with
   * {@code POST /providers/{id}/signing-keys} completes it.
   */
  private void register(RoutingContext ctx) {
    Principal who = StaffAccess.principal(ctx);
    RegistryInput.Registration registration;
    try {
      registration = RegistryInput.registration(BodyValidation.body(ctx), clock.instant(), Language.of(ctx));
    } catch (ApiException invalid) {
      refused(ctx, invalid);
      return;
    }
    String providerId = registration.organisation().id();
    RegisteredKey signingKey = registration.signingKey();
    Future<JsonObject> registered = directory.findKey(signingKey.keyId())
        .compose(existing -> existing.isPresent()
            ? Future.<Void>failedFuture(new ProviderRegistryException(ProviderRegistryException.Kind.KEY_ID_TAKEN))
            : directory.register(registration.organisation()))
        .compose(v -> directory.addSigningKey(signingKey).recover(failure -> {
          LOG.warn("event=provider-registered-without-signing-key provider={} keyId={} failure={} requestId={}",
              providerId, signingKey.keyId(), failure.getClass().getSimpleName(), RequestIds.of(ctx));
          return Future.failedFuture(RegistryProblems.registeredWithoutKey(failure, providerId, Language.of(ctx)));
        }))
        .onSuccess(v -> LOG.info("event=provider-registered by={} byOrganisation={} provider={} signingKeyId={}"
                + " validFrom={} validUntil={} requestId={}", who.subject(), who.organisation().orElse("-"),
            providerId, signingKey.keyId(), signingKey.validFrom(), signingKey.validUntil(), RequestIds.of(ctx)))
        .compose(v -> provider(providerId));
    answer(ctx, registered, 201, PROVIDERS + "/" + providerId);
  }

  /** {@code POST /providers/{providerId}/signing-keys}: a further Ed25519 key, for rotation. */
  private void addSigningKey(RoutingContext ctx) {
    Principal who = StaffAccess.principal(ctx);
    String providerId = ctx.pathParam("providerId");
    RegisteredKey key;
    try {
      key = RegistryInput.signingKey(BodyValidation.body(ctx), providerId, clock.instant(), Language.of(ctx));
    } catch (ApiException invalid) {
      refused(ctx, invalid);
      return;
    }
    Future<JsonObject> added = directory.addSigningKey(key)
        .onSuccess(v -> LOG.info("event=provider-signing-key-added by={} byOrganisation={} provider={} keyId={}"
                + " validFrom={} validUntil={} requestId={}", who.subject(), who.organisation().orElse("-"),
            providerId, key.keyId(), key.validFrom(), key.validUntil(), RequestIds.of(ctx)))
        .compose(v -> ownKey(providerId, key.keyId()))
        .map(ProviderJson::signingKey);
    answer(ctx, added, 201, PROVIDERS + "/" + providerId + "/signing-keys/" + key.keyId());
  }

  /** {@code GET /providers/{providerId}/signing-keys/{keyId}}. */
  private void oneSigningKey(RoutingContext ctx) {
    answer(ctx, ownKey(ctx.pathParam("providerId"), ctx.pathParam("keyId")).map(ProviderJson::signingKey), 200, null);
  }

  /**
   * {@code POST /providers/{providerId}/signing-keys/{keyId}/revocation}: revokes the key for good. Idempotent: a
   * repeat answers the same, with the first revocation's time. A key of another provider is 404, like a missing
   * one, so a wrong path never revokes someone else's key.
   */
  private void revoke(RoutingContext ctx) {
    Principal who = StaffAccess.principal(ctx);
    String providerId = ctx.pathParam("providerId");
    String keyId = ctx.pathParam("keyId");
    Future<JsonObject> revoked = ownKey(providerId, keyId)
        .compose(key -> directory.revokeKey(keyId)
            .onSuccess(found -> LOG.info("event=provider-signing-key-revoked by={} byOrganisation={} provider={}"
                    + " keyId={} alreadyRevoked={} requestId={}", who.subject(), who.organisation().orElse("-"),
                providerId, keyId, key.revoked(), RequestIds.of(ctx))))
        .compose(found -> ownKey(providerId, keyId))
        .map(ProviderJson::signingKey);
    answer(ctx, revoked, 200, null);
  }

  /**
   * {@code PUT /providers/{providerId}/health-data-attestation}: records the provider's statement, replacing the
   * one it had, with who recorded it; answers the provider. From the answer on, transfers that select health data
   * can pass the health data rule for this provider on the days the statement covers.
   */
  private void recordHealthDataAttestation(RoutingContext ctx) {
    Principal who = StaffAccess.principal(ctx);
    String providerId = ctx.pathParam("providerId");
    Instant now = clock.instant();
    HealthDataAttestation attestation;
    try {
      attestation = RegistryInput.healthDataAttestation(BodyValidation.body(ctx), LocalDate.ofInstant(now, CALENDAR),
          who.subject(), now, Language.of(ctx));
    } catch (ApiException invalid) {
      refused(ctx, invalid);
      return;
    }
    Future<JsonObject> recorded = directory.setHealthDataAttestation(providerId, attestation)
        .onSuccess(v -> LOG.info("event=provider-health-data-attested by={} byOrganisation={} provider={}"
                + " reference={} attestedOn={} validUntil={} requestId={}", who.subject(),
            who.organisation().orElse("-"), providerId, attestation.reference(), attestation.attestedOn(),
            attestation.validUntil(), RequestIds.of(ctx)))
        .compose(v -> provider(providerId));
    answer(ctx, recorded, 200, null);
  }

  /**
   * {@code DELETE /providers/{providerId}/health-data-attestation}: withdraws the statement; 204. Idempotent: a
   * provider without one answers the same. An unknown provider is 404.
   */
  private void withdrawHealthDataAttestation(RoutingContext ctx) {
    Principal who = StaffAccess.principal(ctx);
    String providerId = ctx.pathParam("providerId");
    Future<JsonObject> withdrawn = directory.findOrganisation(providerId)
        .compose(before -> before.isEmpty() ? Future.succeededFuture(false)
            : directory.withdrawHealthDataAttestation(providerId).onSuccess(found -> {
              if (found) {
                LOG.info("event=provider-health-data-attestation-withdrawn by={} byOrganisation={} provider={}"
                        + " reference={} alreadyWithdrawn={} requestId={}", who.subject(),
                    who.organisation().orElse("-"), providerId, before.get().healthDataAttestation()
                        .map(HealthDataAttestation::reference).orElse("-"),
                    before.get().healthDataAttestation().isEmpty(), RequestIds.of(ctx));
              }
            }))
        .compose(found -> found ? Future.<JsonObject>succeededFuture() : Future.failedFuture(
            new ProviderRegistryException(ProviderRegistryException.Kind.UNKNOWN_ORGANISATION)));
    answer(ctx, withdrawn, 204, null);
  }

  private Future<JsonObject> provider(String providerId) {
    return directory.findOrganisation(providerId).compose(organisation -> organisation.isEmpty()
        ? Future.failedFuture(new ProviderRegistryException(ProviderRegistryException.Kind.UNKNOWN_ORGANISATION))
        : directory.keysOf(providerId).map(keys -> ProviderJson.provider(organisation.get(), keys)));
  }

  /** The key, when it belongs to {@code providerId}; otherwise a failure that answers 404. */
  private Future<RegisteredKey> ownKey(String providerId, String keyId) {
    return directory.findKey(keyId).compose(key -> key.filter(k -> k.organisationId().equals(providerId))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NoSuchKeyException())));
  }

  /** Answers with {@code result} as JSON (no body for a null result), or with the problem its failure maps to. */
  private static void answer(RoutingContext ctx, Future<JsonObject> result, int status, String location) {
    result.onComplete(outcome -> {
      if (outcome.failed()) {
        Optional<ApiException> refusal = RegistryProblems.of(outcome.cause(), Language.of(ctx));
        refusal.ifPresentOrElse(problem -> refused(ctx, problem),
            () -> ctx.fail(outcome.cause()));
        return;
      }
      if (location != null) {
        ctx.response().putHeader("Location", location);
      }
      if (outcome.result() == null) {
        ctx.response().setStatusCode(status).end();
        return;
      }
      ctx.response().setStatusCode(status)
          .putHeader("Content-Type", "application/json")
          .end(outcome.result().toBuffer());
    });
  }

  // what was tried and why it was refused, never the body
  private static void refused(RoutingContext ctx, ApiException problem) {
    LOG.info("event=provider-registry-request-refused type={} method={} path={} requestId={}",
        problem.type().uri(), ctx.request().method(), ctx.normalizedPath(), RequestIds.of(ctx));
    ctx.fail(problem);
  }

  /** A key id that is not a key of the provider in the path (or no key at all). */
  static final class NoSuchKeyException extends RuntimeException {
    NoSuchKeyException() {
      super("no such key of this provider", null, false, false);
    }
  }
}
