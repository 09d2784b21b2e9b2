package nl.reintegratie.gateway.signature;

import nl.reintegratie.protocol.signature.RejectionReason;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link KeyDirectory} the verifier uses, kept as an in-memory snapshot of a {@link ProviderRegistry}, and that
 * registry itself with every change reflected in the snapshot at once.
 *
 * <p><b>Why a snapshot.</b> {@link KeyDirectory#find} is synchronous and runs on the event loop for every signed
 * request; it must never wait for the store. So {@link #start} loads every key before the gateway serves, and
 * reloads them every {@code refreshEvery} (30 s in the gateway).
 *
 * <p><b>When a change takes effect.</b> On this instance: when the change's future succeeds. A revocation or a
 * deactivation is applied to the snapshot directly, before the reload, so not even a reload that was already under
 * way can bring the old state back. On <em>other</em> gateway instances sharing the store: at their next reload,
 * so at most {@code refreshEvery} plus one load later. A revoked key can therefore still be accepted by another
 * instance for up to about 30 s; an operator who needs it sooner restarts the instances. When a reload fails (store
 * unreachable) the last snapshot stays; no request is accepted meanwhile anyway, because the nonce ledger writes to
 * the same store and its failure refuses the request.
 *
 * <p>Keys of an inactive or unregistered organisation are in the snapshot as revoked: they are refused with
 * {@link RejectionReason#REVOKED_KEY}, never accepted.
 *
 * <p>Only the keys are in the snapshot. {@link #findOrganisation} reads the store, so an organisation's encryption
 * key and health data attestation, once their change's future succeeded, are what every instance reads next.
 */
public final class ProviderDirectory implements KeyDirectory, ProviderRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderDirectory.class);

  private final ProviderRegistry registry;
  // a newer generation wins: a reload that started before a change cannot overwrite the change's snapshot
  private final AtomicLong generations = new AtomicLong();
  private long installedGeneration;
  private volatile Map<String, RegisteredKey> snapshot = Map.of();
  private Vertx vertx;
  private long timerId = -1;

  public ProviderDirectory(ProviderRegistry registry) {
    this.registry = Objects.requireNonNull(registry);
  }

  /**
   * Loads the snapshot, then reloads it every {@code refreshEvery}. Success: the first load is done, {@link #find}
   * answers from the store's state. Failure: the registry's failure; no timer is left running.
   */
  public Future<Void> start(Vertx vertx, Duration refreshEvery) {
    return refresh().onSuccess(v -> {
      synchronized (this) {
        this.vertx = vertx;
        this.timerId = vertx.setPeriodic(refreshEvery.toMillis(), id -> refresh().onFailure(failure ->
            LOG.warn("event=provider-keys-refresh-failed failure={}", failure.getClass().getSimpleName())));
      }
    });
  }

  /** Stops the periodic reload; the snapshot stays as it is. Idempotent. */
  public synchronized void stop() {
    if (vertx != null && timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    timerId = -1;
  }

  /** Reloads the snapshot now. Success: it reflects everything written before the call. */
  public Future<Void> refresh() {
    long generation = generations.incrementAndGet();
    return registry.all().map(contents -> {
      install(generation, snapshotOf(contents));
      return null;
    });
  }

  @Override
  public Optional<RegisteredKey> find(String keyId) {
    return Optional.ofNullable(snapshot.get(keyId));
  }

  @Override
  public Future<Void> register(ProviderOrganisation organisation) {
    return registry.register(organisation).compose(this::reloaded);
  }

  @Override
  public Future<Boolean> setActive(String organisationId, boolean active) {
    return registry.setActive(organisationId, active).compose(found -> {
      if (found && !active) {
        patch(keys -> {
          keys.replaceAll((id, key) -> key.organisationId().equals(organisationId) ? key.asRevoked() : key);
          return keys;
        });
      }
      return reloaded(found);
    });
  }

  @Override
  public Future<Void> addSigningKey(RegisteredKey key) {
    return registry.addSigningKey(key).compose(this::reloaded);
  }

  @Override
  public Future<Boolean> revokeKey(String keyId) {
    return registry.revokeKey(keyId).compose(found -> {
      if (found) {
        patch(keys -> {
          keys.computeIfPresent(keyId, (id, key) -> key.asRevoked());
          return keys;
        });
      }
      return reloaded(found);
    });
  }

  @Override
  public Future<Void> setEncryptionKey(String organisationId, X25519PublicKey key) {
    return registry.setEncryptionKey(organisationId, key);
  }

  // organisations are not in the snapshot: findOrganisation reads the store, so every instance sees this at once
  @Override
  public Future<Void> setHealthDataAttestation(String organisationId, HealthDataAttestation attestation) {
    return registry.setHealthDataAttestation(organisationId, attestation);
  }

  @Override
  public Future<Boolean> withdrawHealthDataAttestation(String organisationId) {
    return registry.withdrawHealthDataAttestation(organisationId);
  }

  @Override
  public Future<Optional<ProviderOrganisation>> findOrganisation(String organisationId) {
    return registry.findOrganisation(organisationId);
  }

  @Override
  public Future<Optional<RegisteredKey>> findKey(String keyId) {
    return registry.findKey(keyId);
  }

  @Override
  public Future<List<RegisteredKey>> keysOf(String organisationId) {
    return registry.keysOf(organisationId);
  }

  @Override
  public Future<Contents> all() {
    return registry.all();
  }

  // the change is durable already; a failed reload only delays what the periodic reload will do anyway
  private <T> Future<T> reloaded(T result) {
    return refresh().transform(outcome -> {
      if (outcome.failed()) {
        LOG.warn("event=provider-keys-refresh-failed failure={}", outcome.cause().getClass().getSimpleName());
      }
      return Future.succeededFuture(result);
    });
  }

  private synchronized void patch(UnaryOperator<Map<String, RegisteredKey>> change) {
    long generation = generations.incrementAndGet();
    install(generation, Map.copyOf(change.apply(new HashMap<>(snapshot))));
  }

  private synchronized void install(long generation, Map<String, RegisteredKey> keys) {
    if (generation > installedGeneration) {
      installedGeneration = generation;
      snapshot = keys;
    }
  }

  private static Map<String, RegisteredKey> snapshotOf(Contents contents) {
    Set<String> active = new HashSet<>();
    contents.organisations().stream().filter(ProviderOrganisation::active).forEach(o -> active.add(o.id()));
    Map<String, RegisteredKey> keys = new HashMap<>();
    for (RegisteredKey key : contents.keys()) {
      keys.put(key.keyId(), active.contains(key.organisationId()) ? key : key.asRevoked());
    }
    return Map.copyOf(keys);
  }
}
