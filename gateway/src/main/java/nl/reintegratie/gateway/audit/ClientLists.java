package nl.reintegratie.gateway.audit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which entry indexes each client's list holds: what a client is shown of the log. The verifier checks every
 * covered entry is in its client's list, since an entry left out of it would be hidden from the one person it
 * concerns. Holds 8 bytes per entry (8 MB for a million), the one part of verification that is not O(log n).
 */
public final class ClientLists {

  private final Map<String, long[]> sortedIndexes;

  private ClientLists(Map<String, long[]> sortedIndexes) {
    this.sortedIndexes = sortedIndexes;
  }

  /** The lists, client id to the indexes listed (any order, copied). */
  public static ClientLists of(Map<String, long[]> lists) {
    Map<String, long[]> sorted = new HashMap<>(lists.size() * 2);
    lists.forEach((clientId, indexes) -> {
      long[] copy = indexes.clone();
      Arrays.sort(copy);
      sorted.put(clientId, copy);
    });
    return new ClientLists(sorted);
  }

  public boolean lists(String clientId, long index) {
    long[] indexes = sortedIndexes.get(clientId);
    return indexes != null && Arrays.binarySearch(indexes, index) >= 0;
  }
}
