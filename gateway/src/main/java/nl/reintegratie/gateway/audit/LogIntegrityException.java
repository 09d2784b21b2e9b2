package nl.reintegratie.gateway.audit;

/**
 * The stored log is not what the log wrote: a head or checkpoint that does not verify, an entry that does not fit
 * the tree. The log refuses to append on top of it (so the action that wanted to log fails: nothing is disclosed
 * unlogged) and to serve proofs from it; {@code ./admin.sh verify-log} names the first problem. The HTTP layer
 * answers 500. Messages hold indexes and field names, never entry contents.
 */
public class LogIntegrityException extends RuntimeException {

  public LogIntegrityException(String message) {
    super(message);
  }
}
