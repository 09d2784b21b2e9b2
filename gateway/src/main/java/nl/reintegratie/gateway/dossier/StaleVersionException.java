package nl.reintegratie.gateway.dossier;

/**
 * An update was based on a version that is no longer the current one (optimistic concurrency); nothing was
 * written. Read again, re-apply the change, retry.
 */
public final class StaleVersionException extends ConflictException {

  public StaleVersionException(String what) {
    super(what + " was changed by someone else");
  }
}
