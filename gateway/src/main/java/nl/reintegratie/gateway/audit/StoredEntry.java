package nl.reintegratie.gateway.audit;

import java.util.List;

/**
 * One document of the entry collection as the verifier sees it, in {@code _id} order: its position (the
 * {@code _id}), its fields unvalidated, its stored leaf hash and the subtree hashes stored with it. A document the
 * adapter cannot read as an entry arrives as {@link #malformed} or {@link #unexpectedId}, so the verifier reports it
 * at its place instead of the scan failing.
 *
 * @param position     the {@code _id}; -1 when it is not a whole number (see {@code unexpectedId})
 * @param unexpectedId a description of an {@code _id} that is not a leaf index (type and value), else null
 * @param malformed    why the document is not an entry (a missing or mistyped field), else null
 * @param fields       the stored fields, null when malformed
 * @param leafHash     the stored leaf hash, null when malformed
 * @param nodes        the stored subtree hashes, level 1 first; empty when malformed
 */
public record StoredEntry(long position, String unexpectedId, String malformed, EntryFields fields, byte[] leafHash,
    List<byte[]> nodes) {

  public static StoredEntry of(long position, EntryFields fields, byte[] leafHash, List<byte[]> nodes) {
    return new StoredEntry(position, null, null, fields, leafHash, nodes);
  }

  public static StoredEntry malformed(long position, String reason) {
    return new StoredEntry(position, null, reason, null, null, List.of());
  }

  public static StoredEntry unexpectedId(String description) {
    return new StoredEntry(-1, description, null, null, null, List.of());
  }
}
