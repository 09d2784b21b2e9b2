package nl.reintegratie.gateway.crypto;

import nl.reintegratie.protocol.crypto.AssociatedData;
import nl.reintegratie.protocol.crypto.DataKey;
import nl.reintegratie.protocol.crypto.IntegrityException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The versioned key-encryption keys (KEKs) and the lookup key. They live outside the database: a JSON file in
 * development ({@code keys-dev/kek/kek-dev.json}, format in {@link KeyRingFile}), an HSM or KMS in production
 * later. New data keys are wrapped with the active version; a {@link WrappedKey} records its version, so data
 * wrapped with an older version stays readable until that version is retired.
 *
 * <p>Rotation: {@link #addVersion} (the new version becomes active; restart or reload), re-wrap every stored data
 * key with {@link #rewrap}, then {@link #retireVersion} the old one. The documents themselves are not re-encrypted.
 * Rotation steps are for one operator at a time: two concurrent {@link #addVersion} calls on the same file can
 * lose one of the new versions.
 *
 * <p>Immutable and thread-safe; {@link #close()} zeroes every key (including the lookup key), after which
 * wrapping, unwrapping and hashing throw {@link IllegalStateException}. {@link #toString()} shows versions only.
 */
public final class KeyRing implements AutoCloseable {

  private final int activeVersion;
  private final SortedMap<Integer, DataKey> keks;
  private final LookupHasher lookupHasher;

  private KeyRing(int activeVersion, SortedMap<Integer, DataKey> keks, LookupHasher lookupHasher) {
    this.activeVersion = activeVersion;
    this.keks = Collections.unmodifiableSortedMap(keks);
    this.lookupHasher = lookupHasher;
  }

  /**
   * Loads the ring from {@code file}.
   *
   * <p>Success: every key version of the file, the active one among them, and the lookup key. Failure:
   * {@link KeyRingException} naming the file and the problem when it is missing, unreadable, not JSON, has no or a
   * non-integer {@code activeVersion}, no {@code keys}, a duplicate version, an active version without a key, a key
   * or {@code lookupKey} that is not base64 of exactly 32 bytes.
   */
  public static KeyRing load(Path file) {
    Objects.requireNonNull(file, "file");
    try (KeyRingFile ring = KeyRingFile.read(file)) {
      SortedMap<Integer, DataKey> keks = new TreeMap<>();
      for (Map.Entry<Integer, byte[]> key : ring.keys().entrySet()) {
        keks.put(key.getKey(), DataKey.fromBytes(key.getValue()));
      }
      return new KeyRing(ring.activeVersion(), keks, new LookupHasher(ring.lookupKey()));
    }
  }

  /** The version {@link #wrap} uses. */
  public int activeVersion() {
    return activeVersion;
  }

  /** Every version in the ring, oldest first; the active one is among them. */
  public SortedSet<Integer> versions() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(keks.keySet()));
  }

  /** {@code key} wrapped with the active KEK, bound to {@code ad} (see {@link DataKey#wrap}). */
  public WrappedKey wrap(DataKey key, AssociatedData ad) {
    return new WrappedKey(activeVersion, keks.get(activeVersion).wrap(key, ad));
  }

  /**
   * The data key in {@code wrapped}, unwrapped with the KEK of {@code wrapped.kekVersion()}; the caller closes it.
   *
   * <p>Failure: {@link UnknownKeyVersionException} when that version is not in the ring (retired);
   * {@link IntegrityException} when the bytes do not authenticate under it with {@code ad}.
   */
  public DataKey unwrap(WrappedKey wrapped, AssociatedData ad) {
    Objects.requireNonNull(wrapped, "wrapped");
    DataKey kek = keks.get(wrapped.kekVersion());
    if (kek == null) {
      throw new UnknownKeyVersionException(wrapped.kekVersion());
    }
    return kek.unwrap(wrapped.wrapped(), ad);
  }

  /**
   * {@code wrapped} under the active version, for rotation: unwrapped with its own version and wrapped again; the
   * same object when it already uses the active version. Fails like {@link #unwrap}.
   */
  public WrappedKey rewrap(WrappedKey wrapped, AssociatedData ad) {
    Objects.requireNonNull(wrapped, "wrapped");
    if (wrapped.kekVersion() == activeVersion) {
      return wrapped;
    }
    try (DataKey key = unwrap(wrapped, ad)) {
      return wrap(key, ad);
    }
  }

  /** The keyed hash for lookups (BSN), with the ring's lookup key. */
  public LookupHasher lookupHasher() {
    return lookupHasher;
  }

  /**
   * Adds a new random KEK to {@code file} with version (highest version + 1) and makes it active; every other
   * field of the file is kept. The file is replaced atomically (see {@link KeyRingFile#write}).
   *
   * <p>Success: the new version, already in the file. Failure: {@link KeyRingException} when the file does not
   * {@link #load} or cannot be written; the file is then unchanged.
   */
  public static int addVersion(Path file) {
    Objects.requireNonNull(file, "file");
    try (KeyRingFile ring = KeyRingFile.read(file)) {
      int version = ring.addVersion();
      ring.write(file);
      return version;
    }
  }

  /**
   * Removes {@code version} from {@code file}, atomically; every other field is kept. Data keys still wrapped with
   * it can no longer be unwrapped ({@link UnknownKeyVersionException}), so {@link #rewrap} them first.
   *
   * <p>Failure: {@link KeyRingException} when {@code version} is the active version or not in the ring, or the file
   * does not load or cannot be written; the file is then unchanged.
   */
  public static void retireVersion(Path file, int version) {
    Objects.requireNonNull(file, "file");
    try (KeyRingFile ring = KeyRingFile.read(file)) {
      ring.retire(version);
      ring.write(file);
    }
  }

  /** Zeroes every KEK and the lookup key. Idempotent. */
  @Override
  public void close() {
    keks.values().forEach(DataKey::close);
    lookupHasher.destroy();
  }

  @Override
  public String toString() {
    return "KeyRing[activeVersion=" + activeVersion + ", versions=" + keks.keySet() + "]";
  }
}
