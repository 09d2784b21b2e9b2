package nl.reintegratie.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tree head: the log's size and root hash at a moment, in the text form of a C2SP transparency-log checkpoint
 * (c2sp.org/tlog-checkpoint) with one extension line for the time:
 * <pre>
 *   localhost:8443/disclosure-log
 *   1000000
 *   0H4dUmUYmW0e9fM+1zq2j8jnPBgLaRmZpSk+xkT1Pe8=
 *   time 2026-11-24T10:15:30.123Z
 * </pre>
 * Origin (the log's name), tree size in decimal, root hash in standard base64, then {@code time} and the instant
 * in UTC with exactly three fraction digits; every line ends with a newline. These bytes are what is signed
 * ({@link SignedCheckpoint}).
 */
public record Checkpoint(String origin, long size, TreeHash root, Instant time) {

  private static final Pattern ORIGIN = Pattern.compile("[\\x21-\\x2a\\x2c-\\x7e]{1,200}"); // printable, no space or +
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public Checkpoint {
    if (origin == null || !ORIGIN.matcher(origin).matches()) {
      throw new IllegalArgumentException("an origin is printable ASCII without spaces or '+'");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    Objects.requireNonNull(root, "root");
    time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
  }

  /** The note text: four lines, each ending in a newline. */
  public String text() {
    return origin + "\n" + size + "\n" + root.base64() + "\n" + "time " + TIME.format(time) + "\n";
  }

  public byte[] textBytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The reverse of {@link #text()}, strictly: exactly those four lines. Failure: {@link IllegalArgumentException}.
   */
  public static Checkpoint parse(String text) {
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("a checkpoint text ends with a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length != 4 || !lines[3].startsWith("time ")) {
      throw new IllegalArgumentException("a checkpoint has origin, size, root and time lines");
    }
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw new IllegalArgumentException("the size is a decimal number without leading zeros");
    }
    Instant time;
    try {
      time = Instant.from(TIME.parse(lines[3].substring(5)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the time line is not an instant with milliseconds");
    }
    Checkpoint parsed = new Checkpoint(lines[0], Long.parseLong(lines[1]), TreeHash.fromBase64(lines[2]), time);
    if (!parsed.text().equals(text)) {
      throw new IllegalArgumentException("not the canonical checkpoint text");
    }
    return parsed;
  }
}
