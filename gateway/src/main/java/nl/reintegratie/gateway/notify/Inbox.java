package nl.reintegratie.gateway.notify;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A client's portal inbox. Entries are never removed and their text never changes; the only change is that the
 * client read one.
 */
public interface Inbox {

  /**
   * What {@link #put} found.
   *
   * @param stored the entry as stored: {@code entry} when it is new, otherwise the one that was there first
   * @param added  false: an entry with this id was there already, nothing changed
   */
  record PutResult(InboxEntry stored, boolean added) {}

  /**
   * Stores {@code entry} durably, unless an entry with its id is there already: then nothing changes (also when the
   * two differ, e.g. in their moment), so a notice delivered twice is one entry.
   */
  Future<PutResult> put(InboxEntry entry);

  /** Every entry of {@code clientId}, newest first. */
  Future<List<InboxEntry>> listOf(String clientId);

  /** The entry {@code id} of {@code clientId}; empty when there is none, also when it is another client's. */
  Future<Optional<InboxEntry>> find(String clientId, String id);

  /**
   * Records that the client read the entry; the first moment stays.
   *
   * @return the entry afterwards; empty when {@code clientId} has no entry {@code id}
   */
  Future<Optional<InboxEntry>> markRead(String clientId, String id, Instant at);
}
