package nl.reintegratie.gateway.crypto;

import nl.reintegratie.protocol.crypto.AesGcm;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The key ring file, parsed and validated:
 * <pre>
 *   {"purpose":"development-only", "activeVersion":2,
 *    "keys":[{"version":1,"createdAt":"2026-11-24T01:44:26Z","key":"&lt;base64, 32 bytes&gt;"}, {"version":2,...}],
 *    "lookupKey":"&lt;base64, 32 bytes&gt;"}
 * </pre>
 * Other fields (such as {@code purpose}, which the prod profile's dev-key guard looks for) are kept as they are
 * when the file is rewritten. Messages name the file and the field, never a key or a fragment of the file (a JSON
 * parser's message may quote the text around the error, so parse errors are reported without it).
 */
final class KeyRingFile implements AutoCloseable {

  private static final String ACTIVE_VERSION = "activeVersion";
  private static final String KEYS = "keys";
  private static final String VERSION = "version";
  private static final String CREATED_AT = "createdAt";
  private static final String KEY = "key";
  private static final String LOOKUP_KEY = "lookupKey";

  private final String name;
  private final JsonObject json;
  private final int activeVersion;
  private final SortedMap<Integer, byte[]> keys = new TreeMap<>();
  private final byte[] lookupKey;

  private KeyRingFile(String name, JsonObject json) {
    this.name = name;
    this.json = json;
    this.activeVersion = version(json.getValue(ACTIVE_VERSION), "\"" + ACTIVE_VERSION + "\"");
    if (!(json.getValue(KEYS) instanceof JsonArray) || json.getJsonArray(KEYS).isEmpty()) {
      throw invalid("\"" + KEYS + "\" must be a non-empty array");
    }
    JsonArray entries = json.getJsonArray(KEYS);
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.getValue(i) instanceof JsonObject)) {
        throw invalid("\"" + KEYS + "\"[" + i + "] must be an object");
      }
      JsonObject entry = entries.getJsonObject(i);
      int version = version(entry.getValue(VERSION), "\"" + KEYS + "\"[" + i + "].version");
      if (keys.containsKey(version)) {
        throw invalid("key version " + version + " appears twice");
      }
      keys.put(version, key(entry.getValue(KEY), "key version " + version));
    }
    if (!keys.containsKey(activeVersion)) {
      throw invalid("activeVersion " + activeVersion + " is not among the key versions " + keys.keySet());
    }
    this.lookupKey = key(json.getValue(LOOKUP_KEY), "\"" + LOOKUP_KEY + "\"");
  }

  /** Reads and validates {@code file}. Failure: {@link KeyRingException} naming the file and the problem. */
  static KeyRingFile read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new KeyRingException("key ring file " + file + " does not exist");
    } catch (IOException e) {
      throw new KeyRingException("key ring file " + file + " cannot be read: " + e.getClass().getSimpleName(), e);
    }
    return parse(file.toString(), text);
  }

  static KeyRingFile parse(String name, String text) {
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (RuntimeException e) {
      throw new KeyRingException("key ring file " + name + " is not a JSON object");
    }
    return new KeyRingFile(name, json);
  }

  int activeVersion() {
    return activeVersion;
  }

  /** Version to raw key; the arrays are zeroed by {@link #close()}. */
  SortedMap<Integer, byte[]> keys() {
    return Collections.unmodifiableSortedMap(keys);
  }

  byte[] lookupKey() {
    return lookupKey;
  }

  /** The file's text with a new random key of version max + 1 made active; returns that version. */
  int addVersion() {
    int next = Math.addExact(keys.lastKey(), 1);
    byte[] raw = AesGcm.randomBytes(AesGcm.KEY_BYTES);
    try {
      JsonArray entries = json.getJsonArray(KEYS).copy();
      entries.add(new JsonObject()
          .put(VERSION, next)
          .put(CREATED_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
          .put(KEY, Base64.getEncoder().encodeToString(raw)));
      json.put(KEYS, entries).put(ACTIVE_VERSION, next);
      return next;
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** Removes {@code version}, which must be in the ring and not active. */
  void retire(int version) {
    if (version == activeVersion) {
      throw new KeyRingException("key ring file " + name + ": refusing to retire the active version " + version
          + "; add a new version first");
    }
    if (!keys.containsKey(version)) {
      throw new KeyRingException("key ring file " + name + ": version " + version + " is not in the ring "
          + keys.keySet());
    }
    JsonArray kept = new JsonArray();
    for (Object entry : json.getJsonArray(KEYS)) {
      if (((JsonObject) entry).getInteger(VERSION) != version) {
        kept.add(entry);
      }
    }
    json.put(KEYS, kept);
  }

  /**
   * Replaces {@code file} with the current content, atomically: written and fsync'ed to a temporary file in the
   * same folder (owner-only permissions), then renamed over the file. A crash leaves either the old or the new
   * ring, never half of one; losing a key-encryption key would make every document under it unreadable.
   */
  void write(Path file) {
    String text = json.encode() + "\n";
    parse(name, text).close(); // never write a ring that would not load
    try {
      Path target = file.toRealPath();
      Path dir = target.getParent();
      Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
          while (bytes.hasRemaining()) {
            channel.write(bytes);
          }
          channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new KeyRingException("key ring file " + file + " cannot be written: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public void close() {
    keys.values().forEach(key -> Arrays.fill(key, (byte) 0));
    if (lookupKey != null) {
      Arrays.fill(lookupKey, (byte) 0);
    }
  }

  // Makes the rename itself durable. Not every platform can open a directory (Windows cannot); the rename is atomic
  // there anyway.
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort, see above
    }
  }

  private int version(Object value, String what) {
    boolean integral = value instanceof Integer || value instanceof Long;
    if (!integral || ((Number) value).longValue() < 1 || ((Number) value).longValue() > Integer.MAX_VALUE) {
      throw invalid(what + " must be a positive integer");
    }
    return ((Number) value).intValue();
  }

  private byte[] key(Object value, String what) {
    if (!(value instanceof String)) {
      throw invalid(what + " is missing (a base64 string of " + AesGcm.KEY_BYTES + " bytes)");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode((String) value);
    } catch (IllegalArgumentException e) {
      throw invalid(what + " is not valid base64"); // the decoder's message quotes the offending character
    }
    if (raw.length != AesGcm.KEY_BYTES) {
      int length = raw.length;
      Arrays.fill(raw, (byte) 0);
      throw invalid(what + " must be " + AesGcm.KEY_BYTES + " bytes, is " + length);
    }
    return raw;
  }

  private KeyRingException invalid(String problem) {
    close(); // zero what was decoded before the problem
    return new KeyRingException("key ring file " + name + " is invalid: " + problem);
  }
}
