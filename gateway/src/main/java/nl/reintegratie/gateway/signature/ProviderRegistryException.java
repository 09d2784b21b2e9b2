package nl.reintegratie.gateway.signature;

import java.util.Locale;
import java.util.Objects;

/** A change to the provider registry was refused; nothing was written. */
public final class ProviderRegistryException extends RuntimeException {

  /** Why the change was refused. */
  public enum Kind {
    /** An organisation with this id, or with this OIN, is already registered. */
    ORGANISATION_EXISTS,
    /** The organisation the change is about is not registered. */
    UNKNOWN_ORGANISATION,
    /** The key id is already registered, to this or another organisation: a key id names one key for good. */
    KEY_ID_TAKEN,
    /** The key is not a valid key of the required kind, or its key id or validity period is invalid. */
    INVALID_KEY
  }

  private final Kind kind;

  public ProviderRegistryException(Kind kind) {
    super(Objects.requireNonNull(kind).name().toLowerCase(Locale.ROOT), null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
