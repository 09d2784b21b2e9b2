package nl.reintegratie.gateway.audit.mongo;

/**
 * How the verifier reads the whole entry collection in {@code _id} order; the wiring picks it by the kind of store.
 * Both give the same result for the same stored log (the tamper tests run with each).
 */
public enum ScanMode {
  /**
   * One query sorted by {@code _id}, streamed ({@link CursorScan}): on MongoDB an index walk in constant memory.
   * Every document, whatever its {@code _id}, comes by in sort order.
   */
  CURSOR,
  /**
   * Queries for 200 {@code _id}s at a time ({@link PagedScan}), plus a count for documents outside the sequence:
   * for the embedded server, which would otherwise hold the whole collection in the heap for one long query that
   * H2 can fail while it compacts. Slower there per document (each {@code _id} lookup goes through its index).
   */
  PAGES
}
