package nl.reintegratie.gateway.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The pid (and start time) of the Keycloak we launched, kept in its data dir. If the launcher is
 * killed hard, Keycloak keeps running and keeps the H2 database locked; the next start reads this
 * file to find and stop that orphan. The start time guards against pid reuse: a recycled pid
 * belongs to a process with another start time, and that process is left alone.
 */
record PidFile(Path path) {

  static PidFile in(Path dataDir) {
    return new PidFile(dataDir.resolve("keycloak.pid"));
  }

  void write(ProcessHandle process) {
    String started = process.info().startInstant().map(Instant::toString).orElse("-");
    try {
      Files.writeString(path, process.pid() + " " + started + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write pid file " + path, e);
    }
  }

  /** The still running process this file points at, if any (and if it is the same process). */
  Optional<ProcessHandle> liveProcess() {
    String content;
    try {
      if (!Files.isRegularFile(path)) {
        return Optional.empty();
      }
      content = Files.readString(path, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return Optional.empty();
    }
    String[] parts = content.split("\\s+");
    long pid;
    try {
      pid = Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (pid == ProcessHandle.current().pid()) {
      return Optional.empty();
    }
    String recordedStart = parts.length > 1 ? parts[1] : "-";
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> isSameProcess(p, recordedStart));
  }

  void delete() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover pid file is harmless: the start time check rejects a recycled pid.
    }
  }

  private static boolean isSameProcess(ProcessHandle process, String recordedStart) {
    Optional<Instant> actualStart = process.info().startInstant();
    if (!"-".equals(recordedStart) && actualStart.isPresent()) {
      return actualStart.get().toString().equals(recordedStart);
    }
    // No start time available on this platform: fall back to recognising Keycloak's command line.
    String commandLine = process.info().commandLine().orElse("");
    return commandLine.contains("kc.sh") || commandLine.contains("QuarkusEntryPoint");
  }
}
