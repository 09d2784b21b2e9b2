package nl.reintegratie.gateway.dossier;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a client's data is kept after their last trajectory ended, per regime. The actual
 * periods are each organisation's archival decision (selectielijst); the gateway only enforces
 * what it is configured with.
 */
public record RetentionPolicy(Map<Regime, Period> periods) {

  public RetentionPolicy {
    periods = Map.copyOf(new EnumMap<>(periods));
    for (Regime regime : Regime.values()) {
      if (!periods.containsKey(regime)) {
        throw new IllegalArgumentException("no retention period for " + regime.code());
      }
    }
  }

  /** The same period for every regime. */
  public static RetentionPolicy uniform(Period period) {
    Map<Regime, Period> all = new EnumMap<>(Regime.class);
    for (Regime regime : Regime.values()) {
      all.put(regime, period);
    }
    return new RetentionPolicy(all);
  }

  public LocalDate keepUntil(Regime regime, LocalDate trajectoryEnded) {
    return trajectoryEnded.plus(periods.get(regime));
  }
}
