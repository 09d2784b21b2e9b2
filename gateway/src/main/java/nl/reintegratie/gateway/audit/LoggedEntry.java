package nl.reintegratie.gateway.audit;

import java.util.Objects;

/** An entry with its place in the log: leaf {@code index} of the Merkle tree. */
public record LoggedEntry(long index, DisclosureEntry entry) {

  public LoggedEntry {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
    Objects.requireNonNull(entry, "entry");
  }

  /** The fields as stored and hashed. */
  public EntryFields fields() {
    return new EntryFields(index, entry.eventId(), entry.kind().code(), entry.at().toEpochMilli(),
        entry.clientId(), entry.organisationId(), entry.actorId().orElse(""), entry.purpose().orElse(""),
        entry.legalBasis().orElse(""), entry.reason().orElse(""),
        entry.subjects().stream().map(SubjectRef::code).toList());
  }

  /** The canonical bytes ({@link EntryEncoding}). */
  public byte[] leafData() {
    return EntryEncoding.encode(fields());
  }

  /** {@code SHA-256(0x00 || leafData())}. */
  public TreeHash leafHash() {
    return TreeHash.of(new TreeHasher().leaf(leafData()));
  }
}
