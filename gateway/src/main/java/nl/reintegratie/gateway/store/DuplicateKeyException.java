package nl.reintegratie.gateway.store;

/**
 * A write was refused because a unique index (or {@code _id}) already holds the same value; nothing was written.
 * The HTTP layer answers 409.
 *
 * <p>The message names the index but, unlike the server's own message, never the duplicated value.
 */
public class DuplicateKeyException extends StoreException {

  private final String index;

  public DuplicateKeyException(String index) {
    super("duplicate key on index " + index);
    this.index = index;
  }

  /** Name of the violated index as reported by the server, or {@code "unknown"}. */
  public String index() {
    return index;
  }
}
