package nl.reintegratie.gateway.transfer;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.InvalidInputException;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.events.DomainEvent;
import nl.reintegratie.gateway.events.DomainEvents;

/**
 * A client objects to a grant (art. 21 AVG): the release pauses until the commissioner decides
 * ({@link Grant.Availability#PAUSED_BY_OBJECTION}). The client cannot block a lawful transfer, but they are heard
 * first.
 *
 * <p>In this order, each step only when the one before succeeded:
 * <ol>
 *   <li>the grant must be about this client ({@link NotFoundException} otherwise, exactly like a missing one), not
 *       revoked, not objected to before (one objection per grant) and not expired ({@link GrantStateException});
 *   <li>the client's explanation is sealed under their own key ({@link GrantTexts#objectionReason}): it is about
 *       them, shredded with them, and never in the clear in the store, a log or an event;
 *   <li>the {@link DisclosureKind#OBJECTION} entry is appended to the disclosure log (event id
 *       {@code objection:<grantId>}): write-ahead, so when the log cannot be written the objection fails and nothing
 *       is stored; a retry after a later failure finds the same entry and is logged once;
 *   <li>the objection is stored with one compare-and-set ({@link GrantRepository#raiseObjection}): of two racing
 *       objections one wins, the other is {@link GrantStateException} {@code OBJECTION_EXISTS};
 *   <li>{@value #OBJECTION_RAISED} is published (ids and the time only), once the objection is durable.
 * </ol>
 */
public final class ClientObjections {

  /** The event published once an objection is stored. */
  public static final String OBJECTION_RAISED = "objection-raised";
  /** The acting organisation of an objection's log entry: the client acts for themselves, not for an organisation. */
  public static final String CLIENT_ORGANISATION = "client";
  /** The legal basis code of an objection's log entry: the client's right to object. */
  public static final String RIGHT_TO_OBJECT = "avg-art-21";
  /** The longest explanation accepted (the {@code objection} schema's limit, checked again here). */
  public static final int MAX_REASON_LENGTH = 5000;

  private final GrantRepository grants;
  private final DossierService dossiers;
  private final DisclosureLog log;
  private final DomainEvents events;
  private final Clock clock;

  public ClientObjections(GrantRepository grants, DossierService dossiers, DisclosureLog log, DomainEvents events,
                          Clock clock) {
    this.grants = Objects.requireNonNull(grants);
    this.dossiers = Objects.requireNonNull(dossiers);
    this.log = Objects.requireNonNull(log);
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Records the client's objection to {@code grantId}.
   *
   * @param clientId the client, from their login
   * @param subject  their Keycloak subject id: the actor of the log entry
   * @param reason   their explanation, in their own words
   * @return the grant with its objection, once durable. Failure: {@link NotFoundException};
   *     {@link GrantStateException} (REVOKED, OBJECTION_EXISTS, EXPIRED); {@link InvalidInputException} for an empty
   *     or too long reason; the log's and the store's failures (then nothing was stored)
   */
  public Future<Grant> object(String clientId, String subject, String grantId, String reason) {
    Objects.requireNonNull(subject, "subject");
    // characters as JSON Schema counts them (code points), so the schema and this check agree on the limit
    if (reason == null || reason.isBlank() || reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
      return Future.failedFuture(new InvalidInputException("reason", "is empty or longer than "
          + MAX_REASON_LENGTH + " characters"));
    }
    Instant now = clock.instant();
    return ClientGrants.own(grants, clientId, grantId)
        .compose(grant -> refusal(grant, now).<Future<Grant>>map(Future::failedFuture)
            .orElseGet(() -> Future.succeededFuture(grant)))
        .compose(grant -> dossiers.sealForClient(clientId, GrantTexts.objectionReason(grantId),
                reason.getBytes(StandardCharsets.UTF_8))
            .compose(sealed -> log.append(entry(grant, subject, now))
                .compose(logged -> grants.raiseObjection(grantId, new Objection(now, sealed, Optional.empty())))))
        .onSuccess(objected -> events.publish(raised(objected)));
  }

  /** Why the grant's state does not take an objection, if it does not. */
  private static Optional<GrantStateException> refusal(Grant grant, Instant now) {
    if (grant.revokedAt().isPresent()) {
      return Optional.of(new GrantStateException(GrantStateException.Reason.REVOKED));
    }
    if (grant.objection().isPresent()) {
      return Optional.of(new GrantStateException(GrantStateException.Reason.OBJECTION_EXISTS));
    }
    if (grant.availabilityAt(now) == Grant.Availability.EXPIRED) {
      return Optional.of(new GrantStateException(GrantStateException.Reason.EXPIRED));
    }
    return Optional.empty();
  }

  /** Ids and codes only: the explanation stays in the grant record, sealed. */
  private static DisclosureEntry entry(Grant grant, String subject, Instant now) {
    return DisclosureEntry.of(DisclosureKind.OBJECTION, "objection:" + grant.grantId(), now, grant.clientId(),
            CLIENT_ORGANISATION)
        .byActor(subject)
        .about(SubjectRef.grant(grant.grantId()), SubjectRef.objection(grant.grantId()),
            SubjectRef.trajectory(grant.receivingTrajectoryId()))
        .withLegalBasis(RIGHT_TO_OBJECT);
  }

  private static DomainEvent raised(Grant grant) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("grantId", grant.grantId());
    data.put("trajectoryId", grant.receivingTrajectoryId());
    data.put("sourceTrajectoryId", grant.sourceTrajectoryId());
    data.put("clientId", grant.clientId());
    data.put("commissionerId", grant.commissionerOrganisation());
    data.put("providerId", grant.recipientOrganisation());
    Instant raisedAt = grant.objection().orElseThrow().raisedAt();
    data.put("raisedAt", raisedAt.toString());
    return DomainEvent.of(OBJECTION_RAISED, raisedAt, data);
  }
}
