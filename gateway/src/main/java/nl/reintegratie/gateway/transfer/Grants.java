package nl.reintegratie.gateway.transfer;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.dossier.ReadDisclosures;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.dossier.ShreddedException;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.events.DomainEvents;
import nl.reintegratie.protocol.crypto.AssociatedData;

/**
 * What a commissioner's officer does with transfers: grant one after the {@link TransferRule}s judged it, revoke it,
 * and decide the client's objection to it. Who acts comes from their login (organisation and subject id); this class
 * decides everything else.
 *
 * <p><b>Not yours is not there.</b> A grant another organisation made fails with the same {@link NotFoundException}
 * as one that does not exist. For a grant request, a trajectory another organisation commissioned is treated as
 * missing, and a selected document outside the (own) earlier trajectory as not found: the rules' refusal is then the
 * same as for an id that does not exist, so a refusal tells nothing about other organisations' dossiers.
 *
 * <p><b>Logged first.</b> Every grant, revocation and objection decision is appended to the {@link DisclosureLog}
 * <em>before</em> it is stored (write-ahead, as the log requires): when the append fails the action fails and
 * nothing is stored. The reverse can happen: an entry whose write then failed (the store went down in between)
 * stays in the log as a decision that was not carried out; a retried revocation or decision reuses its event id and
 * is logged once.
 *
 * <p><b>Texts sealed.</b> The officer's reasons and the client's objection are about the client: sealed under the
 * client's key ({@link GrantTexts}) before anything is written, never in a log entry, event or application log.
 *
 * <p><b>Events</b> ({@link GrantEvents}) are published once the change is durable.
 */
public final class Grants {

  /** The purpose code of every transfer: the client's re-integration in the receiving trajectory. */
  public static final String PURPOSE = ReadDisclosures.PURPOSE;

  /**
   * Log entries have at most {@link DisclosureEntry#MAX_SUBJECTS} subjects: the grant and its two trajectories, and
   * every document version when they fit; a larger grant's entry names the grant, whose record lists them.
   */
  private static final int DOCUMENT_SUBJECTS = DisclosureEntry.MAX_SUBJECTS - 3;

  /**
   * A grant with its texts opened, for the commissioner who must stand by them and decide on the objection. Texts
   * are empty when the client was shredded (the grant's metadata stays) or there are none.
   */
  public record Explained(Grant grant, Optional<GrantReasons> reasons, Optional<String> objectionReason,
      Optional<String> decisionReasons) {

    public Explained {
      Objects.requireNonNull(grant, "grant");
      Objects.requireNonNull(reasons, "reasons");
      Objects.requireNonNull(objectionReason, "objectionReason");
      Objects.requireNonNull(decisionReasons, "decisionReasons");
    }

    /** Without the texts. */
    @Override
    public String toString() {
      return "Explained[" + grant.grantId() + "]";
    }
  }

  private final DossierService dossiers;
  private final GrantRepository grants;
  private final DisclosureLog log;
  private final ReadDisclosures reads;
  private final RecipientRegistry recipients;
  private final DomainEvents events;
  private final Clock clock;

  public Grants(DossierService dossiers, GrantRepository grants, DisclosureLog log, RecipientRegistry recipients,
                DomainEvents events, Clock clock) {
    this.dossiers = Objects.requireNonNull(dossiers);
    this.grants = Objects.requireNonNull(grants);
    this.log = Objects.requireNonNull(log);
    this.reads = new ReadDisclosures(log, clock);
    this.recipients = Objects.requireNonNull(recipients);
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The moment availability is judged against, for views. */
  public Instant now() {
    return clock.instant();
  }

  // ------------------------------------------------------------------------------------------ granting

  /**
   * Judges {@code request} by every {@link TransferRule} on the facts in the store and, when all pass, seals the
   * officer's reasons, logs the grant ({@link DisclosureKind#GRANT}, event id {@code grant:<grantId>}) and stores it
   * with its client notice pending. Success: the stored grant with the reasons as written.
   *
   * <p>Failure: {@link TransferRefusedException} with every failed rule (nothing sealed, logged or stored); the log's
   * failure when the entry cannot be appended (nothing stored); the repository's when the grant cannot be stored
   * (the entry stays, see the class comment); {@code ShreddedException} when the client's key is gone.
   */
  public Future<Explained> decide(GrantRequest request) {
    return facts(request).compose(facts -> {
      List<RuleOutcome> evaluation = TransferRule.evaluate(request, facts);
      List<RuleOutcome> failed = evaluation.stream().filter(outcome -> !outcome.passed()).toList();
      if (!failed.isEmpty()) {
        return Future.failedFuture(new TransferRefusedException(failed));
      }
      Trajectory source = facts.source().orElseThrow();
      Trajectory receiving = facts.receiving().orElseThrow();
      String grantId = UUID.randomUUID().toString();
      GrantReasons reasons = GrantReasons.of(request);
      return dossiers.sealForClient(source.clientId(), GrantTexts.grantReasons(grantId), reasons.toBytes())
          .compose(sealed -> {
            // built before logging: a grant the record refuses must not leave an entry behind
            Grant grant = new Grant(grantId, source.clientId(), request.commissionerOrganisation(),
                request.decidedBy(), source.trajectoryId(), receiving.providerOrganisation(),
                receiving.trajectoryId(), request.legalBasis(), request.documents().stream()
                .map(selection -> new DocumentRef(selection.documentId(), selection.version())).toList(),
                evaluation, sealed, clock.instant(), request.waitingPeriod(), request.validFor(), Optional.empty(),
                Optional.empty(), Optional.empty());
            return log.append(grantEntry(grant))
                .compose(logged -> grants.create(grant))
                .map(new Explained(grant, Optional.of(reasons), Optional.empty(), Optional.empty()));
          });
    }).onSuccess(made -> events.publish(GrantEvents.made(made.grant(), clock.instant())));
  }

  /** What the store says about {@code request}, seen from the requesting organisation (see the class comment). */
  Future<TransferFacts> facts(GrantRequest request) {
    Future<Optional<Trajectory>> source = ownTrajectory(request.commissionerOrganisation(),
        request.sourceTrajectoryId());
    Future<Optional<Trajectory>> receiving = ownTrajectory(request.commissionerOrganisation(),
        request.receivingTrajectoryId());
    return Future.all(source, receiving).compose(both -> {
      Future<Map<String, DocumentHeader>> selected = selectedHeaders(request, source.result());
      Future<Optional<TransferFacts.Recipient>> recipient = receiving.result()
          .map(trajectory -> recipients.recipient(trajectory.providerOrganisation()))
          .orElseGet(() -> Future.succeededFuture(Optional.empty()));
      Future<Boolean> openObjection = source.result().or(receiving::result)
          .map(trajectory -> hasOpenObjection(trajectory.clientId()))
          .orElseGet(() -> Future.succeededFuture(false));
      return Future.all(selected, recipient, openObjection).map(all -> new TransferFacts(source.result(),
          receiving.result(), selected.result(), recipient.result(), openObjection.result()));
    });
  }

  private Future<Optional<Trajectory>> ownTrajectory(String organisation, String trajectoryId) {
    return dossiers.findTrajectory(trajectoryId)
        .map(found -> found.filter(trajectory -> trajectory.commissionerOrganisation().equals(organisation)));
  }

  /**
   * The headers of the selected versions that belong to the (own) earlier trajectory, by document id. Nothing is
   * looked up without an earlier trajectory, or for more documents than a grant may hold (the rules refuse both).
   */
  private Future<Map<String, DocumentHeader>> selectedHeaders(GrantRequest request, Optional<Trajectory> source) {
    if (source.isEmpty() || request.documents().size() > TransferRule.MAX_DOCUMENTS) {
      return Future.succeededFuture(Map.of());
    }
    Trajectory trajectory = source.get();
    List<Future<Optional<DocumentHeader>>> lookups = request.documents().stream()
        .map(selection -> dossiers.documentHeader(selection.documentId(), selection.version()))
        .toList();
    return Future.all(lookups).map(all -> {
      Map<String, DocumentHeader> found = new LinkedHashMap<>();
      lookups.forEach(lookup -> lookup.result()
          .filter(header -> header.trajectoryId().equals(trajectory.trajectoryId())
              && header.clientId().equals(trajectory.clientId()))
          .ifPresent(header -> found.putIfAbsent(header.documentId(), header)));
      return found;
    });
  }

  /**
   * Whether the client has an objection the commissioner has not decided. An objection to a revoked grant does not
   * count: a revoked grant releases nothing, and its objection can no longer be decided, so it would block the
   * client's transfers for good.
   */
  private Future<Boolean> hasOpenObjection(String clientId) {
    return grants.listByClient(clientId)
        .map(all -> all.stream().anyMatch(grant -> grant.revokedAt().isEmpty() && grant.hasOpenObjection()));
  }

  private static DisclosureEntry grantEntry(Grant grant) {
    List<SubjectRef> subjects = new ArrayList<>(List.of(SubjectRef.grant(grant.grantId()),
        SubjectRef.trajectory(grant.sourceTrajectoryId()), SubjectRef.trajectory(grant.receivingTrajectoryId())));
    if (grant.documents().size() <= DOCUMENT_SUBJECTS) {
      grant.documents().forEach(ref -> subjects.add(SubjectRef.document(ref.documentId(), ref.version())));
    }
    return DisclosureEntry.of(DisclosureKind.GRANT, "grant:" + grant.grantId(), grant.grantedAt(), grant.clientId(),
            grant.commissionerOrganisation())
        .byActor(grant.decidedBy())
        .about(subjects.toArray(SubjectRef[]::new))
        .withPurpose(PURPOSE)
        .withLegalBasis(grant.legalBasis().code());
  }

  // ------------------------------------------------------------------------------------------ reading

  /** Success: every grant {@code organisation} made, newest first. */
  public Future<List<Grant>> grantsOf(String organisation) {
    return grants.listByCommissioner(organisation).map(all -> all.stream()
        .sorted(Comparator.comparing(Grant::grantedAt).reversed().thenComparing(Grant::grantId))
        .toList());
  }

  /** Success: the grant. Failure: {@link NotFoundException} when it does not exist or another organisation made it. */
  public Future<Grant> grant(String organisation, String grantId) {
    return grants.findById(grantId).compose(found -> found
        .filter(grant -> grant.commissionerOrganisation().equals(organisation))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException("grant"))));
  }

  /**
   * {@code organisation}'s grant with its texts opened, for the officer {@code officer} to read. The client's own
   * words (their objection) are client data: when they are shown, the read is in the client's disclosure log first
   * ({@code client-data-read}, reason {@code objection-review}), and if the log cannot be written nothing is shown.
   *
   * <p>Failure: {@link NotFoundException} for a missing or another organisation's grant; the log's.
   */
  public Future<Explained> read(String organisation, String officer, String grantId) {
    return grant(organisation, grantId).compose(this::explain)
        .compose(explained -> shownTo(organisation, officer, explained));
  }

  /** {@code explained} once the showing of the client's own words, if it has them, is in the log. */
  private Future<Explained> shownTo(String organisation, String officer, Explained explained) {
    if (explained.objectionReason().isEmpty()) {
      return Future.succeededFuture(explained);
    }
    String grantId = explained.grant().grantId();
    return reads.logged(explained.grant().clientId(), organisation, Optional.of(officer), "objection-review",
        SubjectRef.grant(grantId), SubjectRef.objection(grantId)).map(explained);
  }

  /**
   * For the officer's answer to a change that is already durable: {@code grant} with its texts opened (the
   * client's words logged as shown, as in {@link #read}), or without them when they cannot be read or logged now
   * (the change must not look failed; reading the grant again shows why).
   */
  public Future<Explained> explainAfterChange(String organisation, String officer, Grant grant) {
    return explain(grant).compose(explained -> shownTo(organisation, officer, explained))
        .recover(failure -> Future.succeededFuture(
            new Explained(grant, Optional.empty(), Optional.empty(), Optional.empty())));
  }

  /** {@code grant} with its texts opened (empty when the client's key was destroyed). */
  public Future<Explained> explain(Grant grant) {
    Future<GrantReasons> reasons = open(grant, GrantTexts.grantReasons(grant.grantId()), grant.reasons())
        .map(GrantReasons::fromBytes);
    Optional<Objection> objection = grant.objection();
    Future<Optional<String>> objectionReason = objection
        .map(raised -> open(grant, GrantTexts.objectionReason(grant.grantId()), raised.reason()).map(Grants::text))
        .orElseGet(() -> Future.succeededFuture(Optional.empty()));
    Future<Optional<String>> decisionReasons = objection.flatMap(Objection::decision)
        .map(decision -> open(grant, GrantTexts.objectionDecision(grant.grantId()), decision.reasons())
            .map(Grants::text))
        .orElseGet(() -> Future.succeededFuture(Optional.empty()));
    return Future.all(reasons, objectionReason, decisionReasons)
        .map(all -> new Explained(grant, Optional.of(reasons.result()), objectionReason.result(),
            decisionReasons.result()))
        // the client's key is gone: the grant's metadata stays, its texts went with the key
        .recover(failure -> failure instanceof ShreddedException
            ? Future.succeededFuture(new Explained(grant, Optional.empty(), Optional.empty(), Optional.empty()))
            : Future.failedFuture(failure));
  }

  private Future<byte[]> open(Grant grant, AssociatedData ad, SealedText sealed) {
    return dossiers.openForClient(grant.clientId(), ad, sealed);
  }

  private static Optional<String> text(byte[] utf8) {
    return Optional.of(new String(utf8, StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------------------------------ changing

  /**
   * Revokes {@code organisation}'s grant: logged first ({@link DisclosureKind#REVOCATION}, event id
   * {@code revocation:<grantId>:<officer>}), then one compare-and-set that also announces the client's notice; from
   * then on the release cannot be fetched.
   *
   * <p>Failure: {@link NotFoundException} for a missing or another organisation's grant; {@link GrantStateException}
   * ({@code REVOKED}) when it was revoked already (also by a concurrent revocation or an upheld objection),
   * ({@code EXPIRED}) when its release period is over; the log's failure (nothing changed).
   */
  public Future<Grant> revoke(String organisation, String officer, String grantId) {
    return grant(organisation, grantId).compose(grant -> {
      Instant now = clock.instant();
      if (grant.revokedAt().isPresent()) {
        return Future.failedFuture(new GrantStateException(GrantStateException.Reason.REVOKED));
      }
      if (grant.validUntil().filter(until -> !now.isBefore(until)).isPresent()) {
        return Future.failedFuture(new GrantStateException(GrantStateException.Reason.EXPIRED));
      }
      // per officer: a retry by the same officer is logged once; another officer retrying after a failed write is
      // another action (one id for all would refuse them for good, the log keeping the first officer's entry)
      DisclosureEntry entry = DisclosureEntry.of(DisclosureKind.REVOCATION, "revocation:" + grantId + ":" + officer,
              now, grant.clientId(), organisation)
          .byActor(officer)
          .about(SubjectRef.grant(grantId), SubjectRef.trajectory(grant.receivingTrajectoryId()))
          .withPurpose(PURPOSE)
          .withLegalBasis(grant.legalBasis().code());
      return log.append(entry).compose(logged -> grants.revoke(grantId, now));
    }).onSuccess(revoked -> events.publish(GrantEvents.revoked(revoked, clock.instant())));
  }

  /**
   * Decides the client's open objection to {@code organisation}'s grant: the reasons sealed under the client's key,
   * logged first ({@link DisclosureKind#OBJECTION_DECISION}, reason code {@code objection-upheld} or
   * {@code objection-rejected}), then one compare-and-set that also announces the client's notice. Upheld revokes the
   * grant in the same write; rejected lets the release go on.
   *
   * <p>Failure: {@link NotFoundException}; {@link GrantStateException} ({@code NO_OPEN_OBJECTION} when there is no
   * objection or it was decided, also concurrently; {@code REVOKED}); the log's failure (nothing changed).
   */
  public Future<Grant> decideObjection(String organisation, String officer, String grantId, boolean upheld,
                                       String reasons) {
    Objects.requireNonNull(reasons, "reasons");
    return grant(organisation, grantId).compose(grant -> {
      if (grant.revokedAt().isPresent()) {
        return Future.failedFuture(new GrantStateException(GrantStateException.Reason.REVOKED));
      }
      if (!grant.hasOpenObjection()) {
        return Future.failedFuture(new GrantStateException(GrantStateException.Reason.NO_OPEN_OBJECTION));
      }
      String outcome = upheld ? "objection-upheld" : "objection-rejected";
      return dossiers.sealForClient(grant.clientId(), GrantTexts.objectionDecision(grantId),
              reasons.getBytes(StandardCharsets.UTF_8))
          .compose(sealed -> {
            Instant now = clock.instant();
            DisclosureEntry entry = DisclosureEntry.of(DisclosureKind.OBJECTION_DECISION,
                    // per outcome and officer: a retry of the same decision is logged once; a different decision, or
                    // another officer, after a failed write is a different action with its own entry
                    "objection-decision:" + grantId + ":" + outcome + ":" + officer, now, grant.clientId(),
                    organisation)
                .byActor(officer)
                .about(SubjectRef.grant(grantId), SubjectRef.objection(grantId))
                .withPurpose(PURPOSE)
                .withLegalBasis(grant.legalBasis().code())
                .withReason(outcome);
            return log.append(entry)
                .compose(logged -> grants.decideObjection(grantId, new Objection.Decision(now, officer, upheld,
                    sealed)));
          });
    }).onSuccess(decided -> events.publish(GrantEvents.objectionDecided(decided, clock.instant())));
  }
}
