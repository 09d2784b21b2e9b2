package nl.reintegratie.gateway.transfer;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.Trajectory;

/**
 * What the store says about a {@link GrantRequest}, gathered before the rules run so that the rules are pure
 * functions: easy to test one by one, and the evaluation kept with the grant can be re-run on the same facts.
 *
 * @param source          the earlier trajectory, if it exists
 * @param receiving       the next provider's trajectory, if it exists
 * @param selected        the selected document versions found, by document id (missing ones are absent)
 * @param recipient       the receiving provider's registration, if it is registered
 * @param openObjection   whether the client has an objection the commissioner has not decided yet
 */
public record TransferFacts(Optional<Trajectory> source, Optional<Trajectory> receiving,
    Map<String, DocumentHeader> selected, Optional<Recipient> recipient, boolean openObjection) {

  /**
   * The receiving provider as registered.
   *
   * @param active              whether it may use the API at all
   * @param hasEncryptionKey    whether a release can be sealed to it
   * @param healthAttestation   whether it has attested the confidentiality regime for health information
   */
  public record Recipient(String organisationId, boolean active, boolean hasEncryptionKey,
      boolean healthAttestation) {

    public Recipient {
      Objects.requireNonNull(organisationId, "organisationId");
    }
  }

  public TransferFacts {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(receiving, "receiving");
    selected = Map.copyOf(selected);
    Objects.requireNonNull(recipient, "recipient");
  }
}
