package nl.reintegratie.gateway.audit;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full verifications of the disclosure log as jobs: reading a million entries takes about a minute on the embedded
 * store, far beyond one request's timeout, so a supervisor starts one and looks up its result. At most one runs at a
 * time in this instance (a second request gets the running one: two full scans at once would only halve each
 * other's speed); the last {@value #KEPT} are remembered, in memory: a result is evidence for the moment it was
 * asked, and the log itself is what persists. Safe to use from every event loop.
 */
public final class LogVerifications {

  static final int KEPT = 20;
  private static final Logger SECURITY = LoggerFactory.getLogger("security");

  /** A verification: running until {@code result} or {@code failure} is there. */
  public record Job(String verificationId, String requestedBy, Instant startedAt, Optional<Instant> finishedAt,
      Optional<VerificationResult> result, Optional<String> failure) {

    public Job {
      Objects.requireNonNull(verificationId, "verificationId");
      Objects.requireNonNull(requestedBy, "requestedBy");
      Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean running() {
      return finishedAt.isEmpty();
    }

    Job finished(Instant at, Optional<VerificationResult> outcome, Optional<String> error) {
      return new Job(verificationId, requestedBy, startedAt, Optional.of(at), outcome, error);
    }
  }

  private final DisclosureLog log;
  private final Clock clock;
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  public LogVerifications(DisclosureLog log, Clock clock) {
    this.log = Objects.requireNonNull(log);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Starts a verification, or returns the one that is running. {@code requestedBy} is a subject id. */
  public synchronized Job start(String requestedBy) {
    Optional<Job> running = jobs.values().stream().filter(Job::running).findFirst();
    if (running.isPresent()) {
      return running.get();
    }
    Job job = new Job(UUID.randomUUID().toString(), requestedBy, clock.instant(), Optional.empty(), Optional.empty(),
        Optional.empty());
    remember(job);
    Future<VerificationResult> verified;
    try {
      verified = log.verify();
    } catch (RuntimeException e) {
      verified = Future.failedFuture(e);
    }
    verified.onComplete(outcome -> finish(job, outcome.succeeded() ? Optional.of(outcome.result()) : Optional.empty(),
        outcome.failed() ? Optional.of(outcome.cause().getClass().getSimpleName()) : Optional.empty()));
    return job;
  }

  public synchronized Optional<Job> find(String verificationId) {
    return Optional.ofNullable(jobs.get(verificationId));
  }

  private synchronized void finish(Job job, Optional<VerificationResult> result, Optional<String> failure) {
    Job done = job.finished(clock.instant(), result, failure);
    jobs.put(job.verificationId(), done);
    if (result.map(r -> !r.ok()).orElse(false)) {
      // a changed, deleted, inserted or reordered entry: operators must hear of it without waiting for someone to look
      SECURITY.error("event=disclosure-log-verification-failed verificationId={} problem={} index={}",
          job.verificationId(), result.get().problem().get().kind().code(), result.get().problem().get().index());
    } else {
      SECURITY.info("event=disclosure-log-verified verificationId={} outcome={}", job.verificationId(),
          failure.orElse("ok"));
    }
  }

  private void remember(Job job) {
    jobs.put(job.verificationId(), job);
    while (jobs.size() > KEPT) {
      String oldest = jobs.keySet().iterator().next();
      jobs.remove(oldest);
    }
  }
}
