package nl.reintegratie.gateway.transfer;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A grant request that one or more {@link TransferRule}s refuse. Carries every failed rule with its reasons (Dutch
 * and English), so the officer sees all that must change at once. Nothing was stored or logged; the HTTP layer
 * answers 422 {@code transfer-refused} listing the rules. The message holds rule codes only.
 */
public final class TransferRefusedException extends RuntimeException {

  private final List<RuleOutcome> failed;

  public TransferRefusedException(List<RuleOutcome> failed) {
    super("transfer refused by " + failed.stream().map(outcome -> outcome.rule().code())
        .collect(Collectors.joining(",")), null, false, false);
    if (failed.isEmpty() || failed.stream().anyMatch(RuleOutcome::passed)) {
      throw new IllegalArgumentException("a refusal names at least one rule, and only failed ones");
    }
    this.failed = List.copyOf(failed);
  }

  /** The failed rules, in the order of {@link TransferRule}. */
  public List<RuleOutcome> failed() {
    return failed;
  }
}
