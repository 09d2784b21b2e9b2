package nl.reintegratie.gateway.testsupport;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import nl.reintegratie.gateway.audit.ClientDisclosures;
import nl.reintegratie.gateway.audit.ConsistencyProof;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.VerificationResult;
import nl.reintegratie.gateway.store.StoreUnavailableException;

/**
 * A disclosure log that passes everything to another; a test overrides the step it makes fail or watches. The
 * factories give the two doubles the tests need most: a log whose appends fail as a store that is down does, and a
 * log that only records what is appended.
 */
public class DelegatingDisclosureLog implements DisclosureLog {

  private final DisclosureLog inner;

  public DelegatingDisclosureLog(DisclosureLog inner) {
    this.inner = inner;
  }

  /** A log whose every append fails with {@link StoreUnavailableException} "log store down"; reads pass through. */
  public static FailingAppends failingAppends(DisclosureLog real) {
    return new FailingAppends(real);
  }

  /** A log that adds every appended entry to {@code appended} (index = position) and can do nothing else. */
  public static DisclosureLog recording(List<DisclosureEntry> appended) {
    return new DelegatingDisclosureLog(null) {
      @Override
      public synchronized Future<LoggedEntry> append(DisclosureEntry entry) {
        appended.add(entry);
        return Future.succeededFuture(new LoggedEntry(appended.size() - 1, entry));
      }
    };
  }

  /** See {@link #failingAppends}; counts the appends tried. */
  public static final class FailingAppends extends DelegatingDisclosureLog {

    private final AtomicInteger attempts = new AtomicInteger();

    FailingAppends(DisclosureLog real) {
      super(real);
    }

    @Override
    public Future<LoggedEntry> append(DisclosureEntry entry) {
      attempts.incrementAndGet();
      return Future.failedFuture(new StoreUnavailableException("log store down", null));
    }

    public int attempts() {
      return attempts.get();
    }
  }

  @Override
  public Future<LoggedEntry> append(DisclosureEntry entry) {
    return inner().append(entry);
  }

  @Override
  public Future<Optional<LoggedEntry>> findByEvent(String eventId) {
    return inner().findByEvent(eventId);
  }

  @Override
  public Future<SignedCheckpoint> latestCheckpoint() {
    return inner().latestCheckpoint();
  }

  @Override
  public Future<ClientDisclosures> entriesOf(String clientId) {
    return inner().entriesOf(clientId);
  }

  @Override
  public Future<ConsistencyProof> consistencyProof(long firstSize, long secondSize) {
    return inner().consistencyProof(firstSize, secondSize);
  }

  @Override
  public Future<VerificationResult> verify() {
    return inner().verify();
  }

  private DisclosureLog inner() {
    if (inner == null) {
      throw new UnsupportedOperationException("this test log only records appends");
    }
    return inner;
  }
}
