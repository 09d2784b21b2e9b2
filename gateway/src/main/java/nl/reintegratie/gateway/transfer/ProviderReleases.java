package nl.reintegratie.gateway.transfer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.DossierService.OpenedDocument;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.events.DomainEvents;
import nl.reintegratie.protocol.crypto.IntegrityException;
import nl.reintegratie.protocol.crypto.ReleaseSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases as a provider sees them: the grants made to it, and each one's content sealed to its own X25519 key.
 *
 * <p>Object-level authorisation lives here, not only in the route: a grant to another organisation is "not found",
 * exactly like a missing one, so a provider cannot even learn that someone else's release exists.
 *
 * <p>The content is read and sealed again at every fetch (fresh ephemeral key, content key and nonce): nothing
 * decrypted or sealed is kept, so a revocation or a shredded client takes effect on the very next fetch.
 */
public final class ProviderReleases {

  private static final Logger SECURITY = LoggerFactory.getLogger("security");

  private final Vertx vertx;
  private final GrantRepository grants;
  private final DossierService dossiers;
  private final RecipientKeys recipientKeys;
  private final DisclosureLog disclosures;
  private final DomainEvents events;
  private final Clock clock;

  public ProviderReleases(Vertx vertx, GrantRepository grants, DossierService dossiers, RecipientKeys recipientKeys,
                          DisclosureLog disclosures, DomainEvents events, Clock clock) {
    this.vertx = Objects.requireNonNull(vertx);
    this.grants = Objects.requireNonNull(grants);
    this.dossiers = Objects.requireNonNull(dossiers);
    this.recipientKeys = Objects.requireNonNull(recipientKeys);
    this.disclosures = Objects.requireNonNull(disclosures);
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Every grant to {@code organisation}, oldest first, whatever its availability (the listing shows it). */
  public Future<List<Grant>> releases(String organisation) {
    return grants.listByRecipient(organisation);
  }

  /** The moment availability is judged against, for the listing. */
  public java.time.Instant now() {
    return clock.instant();
  }

  /**
   * The release {@code releaseId} for {@code organisation}: its content sealed with {@link ReleaseSealer} to the
   * organisation's encryption key, under {@link ReleaseSealer#releaseData}.
   *
   * <p>The sealed bytes leave only once the fetch's {@link DisclosureKind#RELEASE_FETCH} entry is in the disclosure
   * log: the entry is appended after sealing (a fetch that fails on a shredded or tampered document discloses
   * nothing and is not logged as a disclosure) and before returning, so if the log cannot be written the fetch fails
   * and nothing is released. A response lost on the way after that is logged but not received: the log errs on
   * the side of telling the client too much, never too little.
   *
   * <p>Failure: {@link NotFoundException} when there is no such release for this organisation;
   * {@link ReleaseUnavailableException} when it is the caller's but revoked, expired or not yet available;
   * {@link RecipientKeyMissingException} when the organisation has no usable encryption key; the dossier's failures
   * when a document cannot be read (shredded, tampered).
   */
  public Future<byte[]> fetch(String organisation, String releaseId) {
    return grants.findById(releaseId)
        .map(found -> found.filter(grant -> grant.recipientOrganisation().equals(organisation))
            .orElseThrow(() -> new NotFoundException("release")))
        .compose(grant -> {
          Grant.Availability availability = grant.availabilityAt(clock.instant());
          if (availability != Grant.Availability.AVAILABLE) {
            return Future.failedFuture(new ReleaseUnavailableException(availability));
          }
          return recipientKeys.encryptionKey(organisation)
              .map(key -> key.orElseThrow(RecipientKeyMissingException::new))
              .compose(key -> content(grant).compose(plaintext -> vertx.executeBlocking(() ->
                  ReleaseSealer.seal(key, plaintext, ReleaseSealer.releaseData(releaseId, organisation))
                      .toByteArray(), false)))
              .compose(sealed -> logged(grant).map(logEventId -> {
                SECURITY.info("event=release-fetched releaseId={} organisation={}", releaseId, organisation);
                events.publish(ReleaseEvents.fetched(grant, logEventId, clock.instant()));
                return sealed;
              }));
        });
  }

  /** Appends this fetch to the disclosure log; succeeds with the entry's event id once it is durable. */
  private Future<String> logged(Grant grant) {
    String eventId = "release-fetch:" + UUID.randomUUID();
    List<SubjectRef> subjects = new ArrayList<>();
    subjects.add(SubjectRef.grant(grant.grantId()));
    subjects.add(SubjectRef.trajectory(grant.sourceTrajectoryId()));
    subjects.add(SubjectRef.trajectory(grant.receivingTrajectoryId()));
    grant.documents().stream()
        .limit(DisclosureEntry.MAX_SUBJECTS - subjects.size())
        .forEach(ref -> subjects.add(SubjectRef.document(ref.documentId(), ref.version())));
    DisclosureEntry entry = DisclosureEntry.of(DisclosureKind.RELEASE_FETCH, eventId, clock.instant(),
            grant.clientId(), grant.recipientOrganisation())
        .about(subjects.toArray(SubjectRef[]::new))
        .withPurpose(Grants.PURPOSE)
        .withLegalBasis(grant.legalBasis().code());
    return disclosures.append(entry).map(eventId);
  }

  private Future<byte[]> content(Grant grant) {
    Future<Trajectory> source = dossiers.findTrajectory(grant.sourceTrajectoryId())
        .map(found -> found.orElseThrow(() -> new NotFoundException("trajectory")));
    Future<List<OpenedDocument>> documents = dossiers.readDocuments(grant.clientId(), grant.documents())
        .map(opened -> opened.stream().map(document -> belongsTo(grant, document)).toList());
    return Future.all(source, documents)
        .map(all -> ReleaseContent.of(grant, source.result(), documents.result()));
  }

  /**
   * A grant is checked against its dossier when it is made; this second check at release time means a grant record
   * changed in the database cannot pull in another client's or another trajectory's document.
   */
  private static OpenedDocument belongsTo(Grant grant, OpenedDocument opened) {
    if (!opened.header().trajectoryId().equals(grant.sourceTrajectoryId())
        || !opened.header().clientId().equals(grant.clientId())) {
      SECURITY.error("event=release-document-mismatch releaseId={} documentId={}", grant.grantId(),
          opened.header().documentId());
      throw new IntegrityException();
    }
    return opened;
  }
}
