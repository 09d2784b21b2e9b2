package nl.reintegratie.gateway.store;

/**
 * A declared single-field index. Compound indexes are deliberately not expressible: the embedded server only uses
 * an index when a query's filter consists of exactly the index's fields, so hot lookups are designed around one
 * key field (for a compound key, store one string such as {@code "<dossierId>:<version>"} in its own field).
 *
 * @param collection collection name
 * @param field      the indexed field (dotted paths allowed)
 * @param unique     whether the index rejects a second document with the same value; on the embedded server only
 *                   unique indexes exist, a non-unique one is accepted and ignored
 */
public record IndexSpec(String collection, String field, boolean unique) {

  public IndexSpec {
    if (collection == null || collection.isBlank()) {
      throw new IllegalArgumentException("collection must not be blank");
    }
    if (field == null || field.isBlank() || field.startsWith("$")) {
      throw new IllegalArgumentException("field must be a field name, was " + field);
    }
  }

  /** A unique ascending index on {@code field}. */
  public static IndexSpec unique(String collection, String field) {
    return new IndexSpec(collection, field, true);
  }

  /** The index name, MongoDB's default for an ascending single-field index ({@code field_1}). */
  public String name() {
    return field + "_1";
  }
}
