package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Stores each client's wrapped key. Deleting a key shreds every document of that client, so nothing here may
 * ever bring a deleted key back. Writes succeed only once durable; other failures are the store's (503/500).
 */
public interface ClientKeyRepository {

  /**
   * Stores the first key of a client. Failure: {@link AlreadyExistsException} of kind
   * {@link AlreadyExistsException.Kind#CLIENT_KEY} when the client has a key.
   */
  Future<Void> create(ClientKeyRecord key);

  /** Success: the client's key, or empty (never created, or deleted by shredding). */
  Future<Optional<ClientKeyRecord>> find(String clientId);

  /**
   * Key rotation: replaces the client's key with {@code key} (typically the same key re-wrapped under a newer KEK).
   * Never creates one: success is {@code false}, and nothing written, when the client has no key, e.g. because
   * it was shredded after the rotation job read it. Two concurrent rotations of one key: the last one wins, which
   * is harmless because both wrap the same client key.
   */
  Future<Boolean> replace(ClientKeyRecord key);

  /** Deletes the client's key (crypto-shredding). Success: {@code true} when there was one; idempotent. */
  Future<Boolean> delete(String clientId);

  /**
   * For key rotation, off the request path: up to {@code limit} keys with a client id after {@code afterClientId}
   * (from the first when empty), in id order; a short page is the end. Each call may scan the collection.
   */
  Future<List<ClientKeyRecord>> page(Optional<String> afterClientId, int limit);
}
