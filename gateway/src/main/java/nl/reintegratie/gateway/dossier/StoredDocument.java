package nl.reintegratie.gateway.dossier;

import java.util.Arrays;
import java.util.Objects;

/**
 * One immutable version of a document: its clear {@link DocumentHeader} and its content, encrypted elsewhere.
 * Repositories store and return the two byte arrays exactly as given.
 *
 * @param header         the clear metadata
 * @param wrappedDataKey the key that encrypted {@code ciphertext}, wrapped by the client's key
 * @param ciphertext     the encrypted content
 */
public record StoredDocument(DocumentHeader header, byte[] wrappedDataKey, byte[] ciphertext) {

  public StoredDocument {
    Objects.requireNonNull(header, "header");
    wrappedDataKey = Objects.requireNonNull(wrappedDataKey, "wrappedDataKey").clone();
    ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    if (wrappedDataKey.length == 0 || ciphertext.length == 0) {
      throw new IllegalArgumentException("wrappedDataKey and ciphertext must not be empty");
    }
  }

  public String documentId() {
    return header.documentId();
  }

  public int version() {
    return header.version();
  }

  /** A copy; the record never hands out its own array. */
  @Override
  public byte[] wrappedDataKey() {
    return wrappedDataKey.clone();
  }

  /** A copy; the record never hands out its own array. */
  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof StoredDocument)) {
      return false;
    }
    StoredDocument that = (StoredDocument) other;
    return header.equals(that.header) && Arrays.equals(wrappedDataKey, that.wrappedDataKey)
        && Arrays.equals(ciphertext, that.ciphertext);
  }

  @Override
  public int hashCode() {
    return Objects.hash(header, Arrays.hashCode(wrappedDataKey), Arrays.hashCode(ciphertext));
  }

  /** The header and the sizes, not the bytes. */
  @Override
  public String toString() {
    return "StoredDocument[" + header + ", wrappedDataKey=" + wrappedDataKey.length + " bytes, ciphertext="
        + ciphertext.length + " bytes]";
  }
}
