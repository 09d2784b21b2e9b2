package nl.reintegratie.gateway.notify;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The name a client knows an organisation by. Providers are registered in the {@code signature} capability, which a
 * notice must not depend on; the wiring supplies the registry.
 */
@FunctionalInterface
public interface OrganisationNames {

  /** Success: the registered display name of {@code organisationId}; empty when it is not registered. */
  Future<Optional<String>> nameOf(String organisationId);
}
