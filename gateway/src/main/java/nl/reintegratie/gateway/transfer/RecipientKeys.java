package nl.reintegratie.gateway.transfer;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The X25519 public key a release to an organisation is sealed to (raw 32 bytes), if the organisation is active
 * and has one. A port, so the transfer capability does not depend on how providers are registered.
 */
@FunctionalInterface
public interface RecipientKeys {

  Future<Optional<byte[]>> encryptionKey(String organisationId);
}
