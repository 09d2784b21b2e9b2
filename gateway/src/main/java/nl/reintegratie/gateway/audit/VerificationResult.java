package nl.reintegratie.gateway.audit;

import java.util.Optional;

/**
 * The outcome of a full verification: either the log verified up to its signed head ({@code treeSize} entries
 * under {@code checkpoint}), or the first {@link VerificationProblem}. {@code uncoveredEntries} counts entries after
 * the head that verified structurally but no checkpoint signs yet: appended while verifying, or left by a crash
 * between writing an entry and advancing the head (the next append or start rolls them in).
 */
public record VerificationResult(long treeSize, Optional<Checkpoint> checkpoint, long uncoveredEntries,
    Optional<VerificationProblem> problem) {

  public boolean ok() {
    return problem.isEmpty();
  }

  /** One line for operators and logs. */
  public String summary() {
    if (problem.isPresent()) {
      VerificationProblem p = problem.get();
      return "FAILED " + p.kind().code() + " at index " + p.index() + ": " + p.detail();
    }
    return "OK " + treeSize + " entries, root " + checkpoint.map(c -> c.root().base64()).orElse("-")
        + " signed " + checkpoint.map(c -> c.time().toString()).orElse("-")
        + (uncoveredEntries > 0 ? ", " + uncoveredEntries + " newer entries not yet in a checkpoint" : "");
  }
}
