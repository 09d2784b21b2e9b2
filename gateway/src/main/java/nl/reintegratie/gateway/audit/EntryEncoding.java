package nl.reintegratie.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The canonical bytes of a log entry, the {@code data} of its RFC 9162 leaf: leaf hash =
 * {@code SHA-256(0x00 || data)}.
 * <pre>
 *   data  = 0x01 (format version)
 *           || field(index) || field(eventId) || field(kind) || field(at)
 *           || field(clientId) || field(organisationId) || field(actorId)
 *           || field(purpose) || field(legalBasis) || field(reason)
 *           || field(subject 1) || ... || field(subject k)
 *   field(s) = uint32 big-endian byte length of UTF-8(s) || UTF-8(s)
 * </pre>
 * {@code index} is the leaf index and {@code at} milliseconds since 1970-01-01T00:00:00Z, both in decimal ASCII
 * without leading zeros; an absent value is the empty string (no id or code is empty); a subject is
 * {@code "<type>:<id>"}, in the entry's order. Every field carries its length and the ten fixed fields come first,
 * so the bytes decode to exactly one entry: {@code ("a","bc")} never hashes like {@code ("ab","c")}. The index is
 * part of the leaf, so an entry moved to another position no longer matches its leaf hash there.
 *
 * <p>An instance reuses its buffer (the verifier encodes a million entries with one); not thread-safe.
 */
public final class EntryEncoding {

  public static final byte FORMAT_VERSION = 0x01;

  private byte[] buffer = new byte[512];
  private int length;

  /** The canonical bytes of {@code fields}. */
  public static byte[] encode(EntryFields fields) {
    EntryEncoding encoding = new EntryEncoding();
    encoding.write(fields);
    return Arrays.copyOf(encoding.buffer, encoding.length);
  }

  /** The leaf hash of {@code fields}, encoded into this instance's buffer. */
  public byte[] leafHash(EntryFields fields, TreeHasher hasher) {
    write(fields);
    return hasher.leaf(buffer, 0, length);
  }

  private void write(EntryFields fields) {
    length = 0;
    ensure(1);
    buffer[length++] = FORMAT_VERSION;
    field(Long.toString(fields.index()));
    field(fields.eventId());
    field(fields.kind());
    field(Long.toString(fields.atMillis()));
    field(fields.clientId());
    field(fields.organisationId());
    field(fields.actorId());
    field(fields.purpose());
    field(fields.legalBasis());
    field(fields.reason());
    for (String subject : fields.subjects()) {
      field(subject);
    }
  }

  private void field(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    ensure(4 + utf8.length);
    int n = utf8.length;
    buffer[length++] = (byte) (n >>> 24);
    buffer[length++] = (byte) (n >>> 16);
    buffer[length++] = (byte) (n >>> 8);
    buffer[length++] = (byte) n;
    System.arraycopy(utf8, 0, buffer, length, n);
    length += n;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
