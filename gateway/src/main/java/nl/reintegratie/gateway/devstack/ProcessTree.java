package nl.reintegratie.gateway.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process together with everything it started. {@code kc.sh} first runs Keycloak as a
 * child java process and, after Quarkus re-augmentation, {@code exec}s into a second one, so the
 * pid we started is not always the JVM that holds the ports and the H2 database.
 */
final class ProcessTree {

  private ProcessTree() {
  }

  /**
   * SIGTERM to the root and all descendants (Keycloak shuts down cleanly on SIGTERM and releases the
   * H2 file lock), waits up to {@code grace}, then SIGKILLs whatever is left.
   *
   * @return true if everything had exited before the grace period ended
   */
  static boolean stop(ProcessHandle root, Duration grace) {
    // Collect the descendants first: once the root is gone they are re-parented and unreachable.
    List<ProcessHandle> tree = snapshot(root);
    tree.forEach(ProcessHandle::destroy);

    boolean graceful = awaitExit(tree, grace);
    if (!graceful) {
      // Descendants may have been spawned after the snapshot (kc.sh relaunch), so look again.
      List<ProcessHandle> remaining = new ArrayList<>(tree);
      remaining.addAll(snapshot(root));
      remaining.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      awaitExit(remaining, Duration.ofSeconds(10));
    }
    return graceful;
  }

  private static List<ProcessHandle> snapshot(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>();
    root.descendants().forEach(tree::add);
    tree.add(root);
    return tree;
  }

  private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
    CompletableFuture<?>[] exits = processes.stream()
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::onExit)
        .toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return processes.stream().noneMatch(ProcessHandle::isAlive);
    }
  }
}
