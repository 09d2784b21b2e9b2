package nl.reintegratie.gateway.transfer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a commissioner's officer asks for when handing an earlier dossier to the next provider. Nothing here is
 * trusted: {@link TransferRules} judges it against the facts in the store.
 *
 * @param commissionerOrganisation the officer's own organisation (from their login, never from the body)
 * @param decidedBy                the officer's Keycloak subject id: a person decides, not a system
 * @param sourceTrajectoryId       the earlier trajectory whose documents go
 * @param receivingTrajectoryId    the next provider's trajectory for the same client
 * @param legalBasis               the ground the officer states
 * @param necessityReason          why the next provider needs these parts (art. 65 lid 4 Participatiewet, art. 74
 *                                 Wet SUWI: no more than necessary)
 * @param documents                the selected document versions, each with a justification where its
 *                                 transferability asks for one
 * @param healthJustification      the extra reason when health information is selected
 * @param waitingPeriod            between the client's notice and the release, so the client can object first
 * @param validFor                 how long the recipient may fetch, counted from the end of the waiting period
 */
public record GrantRequest(String commissionerOrganisation, String decidedBy, String sourceTrajectoryId,
    String receivingTrajectoryId, LegalBasis legalBasis, String necessityReason, List<Selection> documents,
    Optional<String> healthJustification, Duration waitingPeriod, Duration validFor) {

  /** One selected document version and, if needed, why this one goes too. */
  public record Selection(String documentId, int version, Optional<String> justification) {

    public Selection {
      Objects.requireNonNull(documentId, "documentId");
      Objects.requireNonNull(justification, "justification");
    }
  }

  public GrantRequest {
    Objects.requireNonNull(commissionerOrganisation, "commissionerOrganisation");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(sourceTrajectoryId, "sourceTrajectoryId");
    Objects.requireNonNull(receivingTrajectoryId, "receivingTrajectoryId");
    Objects.requireNonNull(legalBasis, "legalBasis");
    Objects.requireNonNull(necessityReason, "necessityReason");
    documents = List.copyOf(documents);
    Objects.requireNonNull(healthJustification, "healthJustification");
    Objects.requireNonNull(waitingPeriod, "waitingPeriod");
    Objects.requireNonNull(validFor, "validFor");
  }
}
