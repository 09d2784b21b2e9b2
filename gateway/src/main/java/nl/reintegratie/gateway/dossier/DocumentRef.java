package nl.reintegratie.gateway.dossier;

import java.util.Objects;

/**
 * One version of a document, e.g. as selected for a release. A grant names versions, not documents: the next provider gets
 * exactly what the commissioner saw when deciding, and a later correction needs a decision of its own.
 */
public record DocumentRef(String documentId, int version) {

  public DocumentRef {
    Objects.requireNonNull(documentId, "documentId");
    if (version < 1) {
      throw new IllegalArgumentException("version must be positive");
    }
  }
}
