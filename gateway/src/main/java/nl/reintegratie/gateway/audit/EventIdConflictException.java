package nl.reintegratie.gateway.audit;

/**
 * An append named an event id that the log already holds for a different action (other kind, client, organisation,
 * subjects, codes): a caller reused an id. Nothing was appended. The HTTP layer answers 409 or 500, as the caller's
 * situation says.
 */
public class EventIdConflictException extends RuntimeException {

  private final long existingIndex;

  public EventIdConflictException(long existingIndex) {
    super("event id already logged for another action at index " + existingIndex);
    this.existingIndex = existingIndex;
  }

  public long existingIndex() {
    return existingIndex;
  }
}
