package nl.reintegratie.gateway.notify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.transfer.LegalBasis;

/**
 * What every notice about a grant names: which parts of the dossier, from which trajectory, to whom, on which legal
 * basis. Gathered by {@link NoticeComposer}; {@link NoticeText} puts it into words.
 *
 * @param legalBasis         the statutory ground; also tells who decided (a municipality or UWV)
 * @param recipientName      the receiving provider's registered name
 * @param sourceProviderName the name of the provider of the earlier trajectory the parts come from, if known
 * @param parts              the selected document versions, in the grant's order
 */
public record SharedData(LegalBasis legalBasis, String recipientName, Optional<String> sourceProviderName,
    List<Part> parts) {

  /**
   * One selected document version.
   *
   * @param health whether it is in the health compartment
   */
  public record Part(DocumentType type, boolean health) {

    public Part {
      Objects.requireNonNull(type, "type");
    }
  }

  public SharedData {
    Objects.requireNonNull(legalBasis, "legalBasis");
    Objects.requireNonNull(recipientName, "recipientName");
    Objects.requireNonNull(sourceProviderName, "sourceProviderName");
    parts = List.copyOf(parts);
  }

  public boolean includesHealthData() {
    return parts.stream().anyMatch(Part::health);
  }
}
