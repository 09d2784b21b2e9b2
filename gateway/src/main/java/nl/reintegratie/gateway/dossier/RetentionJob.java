package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shreds every client whose retention has ended. Runs on a schedule and as a command; pages
 * through the clients, so it is off the request path and safe to run again after a crash.
 */
public final class RetentionJob {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  static final int PAGE_SIZE = 200;

  private final ClientRepository clients;
  private final DossierService dossiers;
  private final Clock clock;

  public RetentionJob(ClientRepository clients, DossierService dossiers, Clock clock) {
    this.clients = clients;
    this.dossiers = dossiers;
    this.clock = clock;
  }

  /** @return how many clients were shredded in this run */
  public Future<Integer> run() {
    Instant now = clock.instant();
    return page(Optional.empty(), now, 0)
        .onSuccess(count -> LOG.info("event=retention-run shredded={}", count));
  }

  private Future<Integer> page(Optional<String> after, Instant now, int sofar) {
    return clients.page(after, PAGE_SIZE).compose(page -> {
      if (page.isEmpty()) {
        return Future.succeededFuture(sofar);
      }
      List<ClientRecord> expired = page.stream()
          .filter(c -> !c.isShredded() && c.retainUntil().map(until -> until.isBefore(now)).orElse(false))
          .toList();
      Future<Void> shredding = Future.succeededFuture();
      for (ClientRecord client : expired) {
        shredding = shredding.compose(v -> dossiers.shredClient(client.clientId()));
      }
      return shredding.compose(v -> page(Optional.of(page.get(page.size() - 1).clientId()), now,
          sofar + expired.size()));
    });
  }
}
