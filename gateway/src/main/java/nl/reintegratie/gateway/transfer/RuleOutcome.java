package nl.reintegratie.gateway.transfer;

import java.util.Objects;
import java.util.Optional;

/**
 * One rule's verdict on a grant request, kept with the grant. A failure says why in plain Dutch (shown to the
 * officer) and in English.
 */
public record RuleOutcome(TransferRule rule, boolean passed, Optional<String> reasonNl, Optional<String> reasonEn) {

  public RuleOutcome {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reasonNl, "reasonNl");
    Objects.requireNonNull(reasonEn, "reasonEn");
    if (passed == reasonNl.isPresent() || reasonNl.isPresent() != reasonEn.isPresent()) {
      throw new IllegalArgumentException("a failed rule, and only a failed rule, has a reason in both languages");
    }
  }

  static RuleOutcome pass(TransferRule rule) {
    return new RuleOutcome(rule, true, Optional.empty(), Optional.empty());
  }

  static RuleOutcome fail(TransferRule rule, String nl, String en) {
    return new RuleOutcome(rule, false, Optional.of(nl), Optional.of(en));
  }
}
