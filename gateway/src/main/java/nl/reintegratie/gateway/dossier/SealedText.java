package nl.reintegratie.gateway.dossier;

import java.util.Arrays;
import java.util.Objects;

/**
 * A short free text kept inside a clear-metadata record, encrypted: a commissioner's explanation of a decision is
 * personal data (it is about the client), yet it belongs to the one atomic change of the trajectory that records the
 * decision. Sealed like a client's personal data: its own AES-256-GCM data key, wrapped by the client's key, bound to
 * its trajectory, client and place ({@link DossierService#sealText}), so shredding the client makes it unreadable.
 *
 * @param wrappedDataKey the data key, wrapped by the client's key
 * @param ciphertext     the UTF-8 text, sealed under the data key
 */
public record SealedText(byte[] wrappedDataKey, byte[] ciphertext) {

  /** Where the explanation of the follow-up decision sits; part of the storage format (associated data). */
  public static final String FOLLOW_UP_DECISION = "follow-up-decision";

  /** Where the explanation of the decision on report-back {@code documentId} sits; part of the storage format. */
  public static String reportBackDecision(String documentId) {
    return "report-back-decision:" + Checks.id(documentId, "documentId");
  }

  public SealedText {
    wrappedDataKey = Objects.requireNonNull(wrappedDataKey, "wrappedDataKey").clone();
    ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    if (wrappedDataKey.length == 0 || ciphertext.length == 0) {
      throw new IllegalArgumentException("a sealed text has a wrapped key and a ciphertext");
    }
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
    return other instanceof SealedText that && Arrays.equals(wrappedDataKey, that.wrappedDataKey)
        && Arrays.equals(ciphertext, that.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(wrappedDataKey) + Arrays.hashCode(ciphertext);
  }

  /** Sizes only. */
  @Override
  public String toString() {
    return "SealedText[" + ciphertext.length + " bytes]";
  }
}
