package nl.reintegratie.gateway.transfer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.SealedText;

/**
 * A client's objection to a grant (art. 21 AVG). While it is open the release is paused, whatever the clock says;
 * the commissioner decides it, and the decision with its reasons reaches the client's inbox. The client's own words
 * and the officer's reasons are sealed under the client's key.
 *
 * @param raisedAt when the client objected
 * @param reason   the client's explanation, sealed
 * @param decision the commissioner's answer, once given
 */
public record Objection(Instant raisedAt, SealedText reason, Optional<Decision> decision) {

  /**
   * The commissioner's answer to an objection.
   *
   * @param upheld    true: the client is right, the grant is revoked at the same moment; false: the release goes on
   * @param reasons   why, sealed under the client's key
   */
  public record Decision(Instant decidedAt, String decidedBy, boolean upheld, SealedText reasons) {

    public Decision {
      decidedAt = decidedAt.truncatedTo(ChronoUnit.MILLIS);
      Objects.requireNonNull(decidedBy, "decidedBy");
      Objects.requireNonNull(reasons, "reasons");
    }
  }

  public Objection {
    raisedAt = raisedAt.truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decision, "decision");
  }

  public boolean isOpen() {
    return decision.isEmpty();
  }
}
