package nl.reintegratie.gateway.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises Keycloak start-ups from one distribution, across threads and JVMs (tests and a running
 * dev stack may share the unpacked dist). The first {@code start-dev} from a fresh dist re-augments
 * Quarkus and rewrites {@code lib/quarkus/} inside the dist; two of those at once could corrupt it.
 * The lock file lives in the temp dir, not in the dist, so the dist stays read-only for us.
 */
final class DistributionLock implements AutoCloseable {

  private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

  private final FileChannel channel;
  private final FileLock lock;

  private DistributionLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Blocks until no other start from the same distribution is in progress. */
  static DistributionLock acquire(Path keycloakHome) {
    IN_THIS_JVM.lock();
    FileChannel channel = null;
    try {
      Path lockFile = Path.of(System.getProperty("java.io.tmpdir"))
          .resolve("keycloak-start-" + hash(keycloakHome) + ".lock");
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new DistributionLock(channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      IN_THIS_JVM.unlock();
      throw e instanceof IOException io ? new UncheckedIOException("Cannot lock Keycloak distribution", io)
          : (RuntimeException) e;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases the lock as well.
    } finally {
      closeQuietly(channel);
      IN_THIS_JVM.unlock();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing useful to do
      }
    }
  }

  private static String hash(Path keycloakHome) {
    Path normalised;
    try {
      normalised = keycloakHome.toRealPath();
    } catch (IOException e) {
      normalised = keycloakHome.toAbsolutePath().normalize();
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(normalised.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
