package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;

/**
 * Whether an organisation is a provider a trajectory may be commissioned to. The registry is the {@code signature}
 * capability's, which the dossier must not depend on (it is an edge, the dossier the domain); the wiring supplies it.
 */
@FunctionalInterface
public interface KnownProviders {

  /** Success: true when {@code organisationId} is a registered provider that is active. */
  Future<Boolean> isActiveProvider(String organisationId);
}
