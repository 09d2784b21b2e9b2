package nl.reintegratie.gateway.transfer;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.dossier.ShreddedException;
import nl.reintegratie.protocol.crypto.AssociatedData;

/**
 * The grants about a client as the client sees them (art. 15 AVG: every recipient, what, when, why; the duty to
 * inform of art. 67 Participatiewet and the RWI advice): to whom, which documents, on which legal basis and for which
 * purpose, the officer's reasons, the release period, where the release stands, and the client's objection with the
 * commissioner's decision. The texts (the officer's reasons, the objection, the decision's reasons) are about the
 * client and are opened for them from their sealed form.
 *
 * <p><b>Not yours is not there.</b> A grant about another client fails with the same {@link NotFoundException} as a
 * missing one. The client reading their own grants is not a disclosure: nothing is appended to the log here.
 */
public final class ClientGrants {

  /**
   * A grant with what the client is shown of it.
   *
   * @param grant            as stored
   * @param status           where the release stands now ({@link Grant#availabilityAt})
   * @param canObject        whether an objection is still possible: not revoked, not objected to, not expired
   * @param reasons          the officer's reasons as sealed (a JSON object, see {@link GrantTexts#reasons}); empty
   *                         once the client's data was shredded
   * @param objectionReason  the client's own explanation of their objection, if they objected
   * @param decisionReasons  the commissioner's reasons for the decision on the objection, once decided
   * @param documentTypes    the type of each selected document, where the dossier still lists it
   */
  public record Seen(Grant grant, Grant.Availability status, boolean canObject, Optional<String> reasons,
      Optional<String> objectionReason, Optional<String> decisionReasons, Map<String, DocumentType> documentTypes) {

    public Seen {
      Objects.requireNonNull(grant, "grant");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reasons, "reasons");
      Objects.requireNonNull(objectionReason, "objectionReason");
      Objects.requireNonNull(decisionReasons, "decisionReasons");
      documentTypes = Map.copyOf(documentTypes);
    }

    /** Ids only: the texts are about the client. */
    @Override
    public String toString() {
      return "Seen[" + grant.grantId() + ", " + status.code() + "]";
    }
  }

  private final GrantRepository grants;
  private final DossierService dossiers;
  private final Clock clock;

  public ClientGrants(GrantRepository grants, DossierService dossiers, Clock clock) {
    this.grants = Objects.requireNonNull(grants);
    this.dossiers = Objects.requireNonNull(dossiers);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Success: every grant about the client, oldest first, whatever its state. */
  public Future<List<Seen>> grants(String clientId) {
    Instant now = clock.instant();
    return grants.listByClient(clientId).compose(all -> {
      List<Future<Seen>> seen = all.stream()
          .filter(grant -> grant.clientId().equals(clientId))
          .map(grant -> seen(grant, now))
          .toList();
      return Future.all(seen).map(done -> seen.stream().map(Future::result).toList());
    });
  }

  /** Success: the grant. Failure: {@link NotFoundException} when it does not exist or is about another client. */
  public Future<Seen> grant(String clientId, String grantId) {
    return own(grants, clientId, grantId).compose(grant -> seen(grant, clock.instant()));
  }

  /** What the client is shown of {@code grant} (theirs: the caller checked). */
  public Future<Seen> seen(Grant grant) {
    return seen(grant, clock.instant());
  }

  /** The grant {@code grantId} if it is about {@code clientId}; otherwise "not found", exactly like a missing one. */
  static Future<Grant> own(GrantRepository grants, String clientId, String grantId) {
    return grants.findById(grantId).compose(found -> found
        .filter(grant -> grant.clientId().equals(clientId))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException("grant"))));
  }

  /** Whether the client may still object to {@code grant} at {@code now}. */
  static boolean canObject(Grant grant, Instant now) {
    return grant.revokedAt().isEmpty() && grant.objection().isEmpty()
        && grant.availabilityAt(now) != Grant.Availability.EXPIRED;
  }

  private Future<Seen> seen(Grant grant, Instant now) {
    String clientId = grant.clientId();
    Future<Optional<String>> reasons = open(clientId, GrantTexts.grantReasons(grant.grantId()),
        Optional.of(grant.reasons()));
    Future<Optional<String>> objection = open(clientId, GrantTexts.objectionReason(grant.grantId()),
        grant.objection().map(Objection::reason));
    Future<Optional<String>> decision = open(clientId, GrantTexts.objectionDecision(grant.grantId()),
        grant.objection().flatMap(Objection::decision).map(Objection.Decision::reasons));
    Future<Map<String, DocumentType>> types = dossiers.listDocuments(grant.sourceTrajectoryId())
        .map(headers -> headers.stream()
            .filter(header -> header.clientId().equals(clientId))
            .collect(Collectors.toMap(DocumentHeader::documentId, DocumentHeader::type, (a, b) -> a)));
    return Future.all(reasons, objection, decision, types).map(all -> new Seen(grant, grant.availabilityAt(now),
        canObject(grant, now), reasons.result(), objection.result(), decision.result(), types.result()));
  }

  /** The text, or empty when there is none or the client's key is gone (shredded: the texts went with it). */
  private Future<Optional<String>> open(String clientId, AssociatedData ad, Optional<SealedText> sealed) {
    if (sealed.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return dossiers.openForClient(clientId, ad, sealed.get())
        .map(bytes -> Optional.of(new String(bytes, StandardCharsets.UTF_8)))
        .recover(failure -> failure instanceof ShreddedException
            ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(failure));
  }
}
