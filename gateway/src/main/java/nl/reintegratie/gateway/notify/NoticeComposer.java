package nl.reintegratie.gateway.notify;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.Confidentiality;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.NoticeKind;
import nl.reintegratie.gateway.transfer.Objection;
import nl.reintegratie.gateway.transfer.GrantReasons;
import nl.reintegratie.gateway.transfer.GrantTexts;

/**
 * Gathers what a notice says from where it is kept: the selected versions' headers (their types, and whether they
 * are health information; never their content), the providers' registered names, and the officer's sealed reasons,
 * opened with the client's key. Then {@link NoticeText} puts it into words.
 */
public final class NoticeComposer {

  private final DossierService dossiers;
  private final OrganisationNames names;

  public NoticeComposer(DossierService dossiers, OrganisationNames names) {
    this.dossiers = Objects.requireNonNull(dossiers);
    this.names = Objects.requireNonNull(names);
  }

  /**
   * The text of the notice of {@code kind} about {@code grant}, which must be in the state the notice announces.
   *
   * @param noticeAt when the entry will be stored: a grant's waiting period starts then, unless its notice was
   *                 recorded as stored already
   */
  public Future<NoticeText> compose(NoticeKind kind, Grant grant, Instant noticeAt) {
    return shared(grant).compose(shared -> switch (kind) {
      case GRANTED -> dossiers.openForClient(grant.clientId(), GrantTexts.grantReasons(grant.grantId()),
              grant.reasons())
          .map(GrantReasons::fromBytes)
          .map(reasons -> {
            Instant from = grant.releasableFrom().orElse(noticeAt.plus(grant.waitingPeriod()));
            Instant noticed = grant.noticeStoredAt().orElse(noticeAt);
            return NoticeText.granted(shared, reasons, noticed, from, from.plus(grant.validFor()));
          });
      case REVOKED -> Future.succeededFuture(NoticeText.revoked(shared, grant.revokedAt().orElseThrow(
          () -> new IllegalStateException("a revocation notice for a grant that is not revoked"))));
      case OBJECTION_DECIDED -> {
        Objection.Decision decision = grant.objection().flatMap(Objection::decision).orElseThrow(
            () -> new IllegalStateException("a decision notice for an objection that is not decided"));
        yield dossiers.openForClient(grant.clientId(), GrantTexts.objectionDecision(grant.grantId()),
                decision.reasons())
            .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
            .map(reasons -> NoticeText.objectionDecided(shared, decision.upheld(), reasons, decision.decidedAt(),
                grant.releasableFrom(), grant.validUntil()));
      }
    });
  }

  /** What was shared, with whom; an unregistered organisation is named by its id rather than not at all. */
  Future<SharedData> shared(Grant grant) {
    Future<List<DocumentHeader>> headers = dossiers.headersOf(grant.clientId(), grant.documents());
    Future<String> recipient = names.nameOf(grant.recipientOrganisation())
        .map(name -> name.orElse(grant.recipientOrganisation()));
    Future<Optional<String>> source = dossiers.findTrajectory(grant.sourceTrajectoryId())
        .compose(trajectory -> trajectory.map(Trajectory::providerOrganisation)
            .map(names::nameOf)
            .orElseGet(() -> Future.succeededFuture(Optional.empty())));
    return Future.all(headers, recipient, source).map(all -> new SharedData(grant.legalBasis(), recipient.result(),
        source.result(), headers.result().stream()
        .map(header -> new SharedData.Part(header.type(),
            header.properties().confidentiality() == Confidentiality.HEALTH))
        .toList()));
  }
}
