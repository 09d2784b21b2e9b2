package nl.reintegratie.gateway.http;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;

/**
 * The display names of organisations, for answers that people read (the client portal shows "Werkpad Re-integratie
 * B.V.", not {@code werkpad}). Records keep only organisation ids; which names are known is the business of the
 * registries (the provider registry of {@code signature}), which the capabilities' routes must not depend on, so the
 * wiring supplies this.
 */
@FunctionalInterface
public interface OrganisationNames {

  /**
   * Success: the display name of each of {@code organisationIds} that is known; an unknown id is simply absent (the
   * answer then shows the id alone). Fails only when the registry cannot be read.
   */
  Future<Map<String, String>> namesOf(Set<String> organisationIds);
}
