package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores clients. Writes succeed only once they are durable (a 2xx may follow). Unless a method says otherwise,
 * failures are the store's: unavailable (HTTP 503) or failed (500); the {@code Optional}-returning reads fail only
 * that way. Byte arrays are stored and returned exactly, never interpreted.
 */
public interface ClientRepository {

  /**
   * Stores a new client. Success: stored. Failure: {@link AlreadyExistsException} of kind
   * {@link AlreadyExistsException.Kind#CLIENT_BSN_HASH} when a client with the same BSN hash exists (the person is
   * already registered; look them up with {@link #findByBsnHash}), of kind {@link AlreadyExistsException.Kind#CLIENT}
   * when the client id is taken; {@link IllegalArgumentException} for a shredded record.
   */
  Future<Void> create(ClientRecord client);

  /** Success: the client, shredded or not, or empty. */
  Future<Optional<ClientRecord>> findById(String clientId);

  /**
   * Success: the (unshredded) client with this BSN hash, or empty; a single-field lookup on a unique index. A
   * shredded client has no BSN hash any more and is never found this way.
   */
  Future<Optional<ClientRecord>> findByBsnHash(String bsnHash);

  /**
   * Wipes the client's sealed personal data, its wrapped key and BSN hash, and records {@code at} as shredding time
   * (the earliest, when called again: idempotent). Id, dates and regime stay for statistics. Deleting the client's
   * key is a separate step, see {@link ClientShredding}. Success: {@code true} when the client exists.
   */
  Future<Boolean> markShredded(String clientId, Instant at);

  /** Sets when the client's retention period ends. Success: {@code true} when the client exists. */
  Future<Boolean> setRetainUntil(String clientId, Instant retainUntil);

  /** Records the regime of the client's latest trajectory. Success: {@code true} when the client exists. */
  Future<Boolean> setLastRegime(String clientId, Regime regime);

  /**
   * For batch jobs (retention), off the request path: up to {@code limit} clients with an id after
   * {@code afterClientId} (from the first when empty), in id order. Pass the last id of a page to get the next; an
   * empty or short page is the end. Each call may scan the collection.
   */
  Future<List<ClientRecord>> page(Optional<String> afterClientId, int limit);
}
