package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Objects;

/**
 * Shreds a client: wipes their sealed personal data and BSN hash, then deletes their key, after which none of their
 * documents can be decrypted. Trajectories and document headers stay: they are the clear statistics.
 *
 * <p>Two single-document writes, in this order so that an interrupted shredding is visible and can be finished:
 * a crash after the first leaves a client marked shredded whose key still exists; calling {@link #shred} again
 * (e.g. from the retention job, for every client with a shredding time) deletes it. Both steps are idempotent.
 */
public final class ClientShredding {

  private final ClientRepository clients;
  private final ClientKeyRepository keys;

  public ClientShredding(ClientRepository clients, ClientKeyRepository keys) {
    this.clients = Objects.requireNonNull(clients);
    this.keys = Objects.requireNonNull(keys);
  }

  /**
   * Success: {@code true} when the client existed and is now shredded (personal data wiped, key gone), durably;
   * {@code false} when there is no such client. Failure: the store's; calling again is safe.
   */
  public Future<Boolean> shred(String clientId, Instant at) {
    return clients.markShredded(clientId, at)
        .compose(found -> found ? keys.delete(clientId).map(true) : Future.succeededFuture(false));
  }
}
