package nl.reintegratie.gateway.transfer;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * What the provider registry says about a would-be recipient, for the transfer rules: registered, active, able to
 * receive sealed data, and attested for health data on the day of the decision. A port, so the transfer
 * capability does not depend on how providers are registered; the wiring implements it with the registry.
 */
@FunctionalInterface
public interface RecipientRegistry {

  /** Success: the organisation as registered, or empty when no provider with this id is registered. */
  Future<Optional<TransferFacts.Recipient>> recipient(String organisationId);
}
