package nl.reintegratie.gateway.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the last lines of a (possibly large, still growing) log file without loading it whole. */
final class LogTail {

  /** Enough bytes for ~40 Keycloak log lines including a stack trace's first frames. */
  private static final int MAX_BYTES = 64 * 1024;

  private LogTail() {
  }

  /**
   * The last {@code lines} lines of {@code file}, ignoring everything before byte {@code fromOffset}
   * (where the current run started appending), as one string. Never throws: this is only used to
   * build error messages.
   */
  static String lastLines(Path file, long fromOffset, int lines) {
    try {
      if (!Files.isRegularFile(file)) {
        return "(no log file " + file + ")";
      }
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
        long end = raf.length();
        long start = Math.max(Math.max(0, fromOffset), end - MAX_BYTES);
        if (start >= end) {
          return "(log is empty)";
        }
        byte[] buffer = new byte[(int) (end - start)];
        raf.seek(start);
        raf.readFully(buffer);
        List<String> all = Arrays.asList(new String(buffer, StandardCharsets.UTF_8).split("\\R"));
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
      }
    } catch (IOException | RuntimeException e) {
      return "(cannot read log " + file + ": " + e + ")";
    }
  }
}
