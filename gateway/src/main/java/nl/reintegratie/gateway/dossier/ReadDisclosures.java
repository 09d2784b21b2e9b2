package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.SubjectRef;

/**
 * Puts a read of a client's data by someone other than the client in the disclosure log
 * ({@link DisclosureKind#CLIENT_DATA_READ}), before the data is handed out: the caller answers only once
 * {@link #logged} succeeded, so if the log cannot be written the read fails and nothing is shown. Each read is its
 * own entry (a random event id): reading twice is two disclosures.
 */
public final class ReadDisclosures {

  /**
   * The purpose code of every disclosure of a client's data here (reads, grants, releases): their re-integration.
   * One code, so a client's log reads the same whoever disclosed.
   */
  public static final String PURPOSE = "reintegration";

  private final DisclosureLog log;
  private final Clock clock;

  public ReadDisclosures(DisclosureLog log, Clock clock) {
    this.log = Objects.requireNonNull(log);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Logs that {@code organisation} ({@code actor}: the person, if one acted) read {@code subjects} of
   * {@code clientId}'s data, for {@code reason} (a code, e.g. {@code provider-document}); succeeds with the entry
   * durable.
   */
  public Future<Void> logged(String clientId, String organisation, Optional<String> actor, String reason,
                             SubjectRef... subjects) {
    DisclosureEntry entry = DisclosureEntry.of(DisclosureKind.CLIENT_DATA_READ, "read:" + UUID.randomUUID(),
            clock.instant(), clientId, organisation)
        .about(subjects)
        .withPurpose(PURPOSE)
        .withReason(reason);
    return log.append(actor.map(entry::byActor).orElse(entry)).mapEmpty();
  }
}
