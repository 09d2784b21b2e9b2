package nl.reintegratie.gateway.crypto;

import nl.reintegratie.protocol.crypto.IntegrityException;
/**
 * A {@link WrappedKey} names a key-encryption key version that is not in the {@link KeyRing}: it was retired (or
 * never existed in this ring). The data under it can only be read again with a ring that still holds that version.
 *
 * <p>An {@link IntegrityException}, so code that treats "cannot open" alike needs one catch; operations code can
 * tell this case apart (a rotation that retired a version too early, a ring file from the wrong environment). The
 * message names only the version number, which is not secret.
 */
public final class UnknownKeyVersionException extends IntegrityException {

  private final int version;

  UnknownKeyVersionException(int version) {
    super("no key-encryption key of version " + version + " in the key ring");
    this.version = version;
  }

  /** The key-encryption key version that was asked for. */
  public int version() {
    return version;
  }
}
