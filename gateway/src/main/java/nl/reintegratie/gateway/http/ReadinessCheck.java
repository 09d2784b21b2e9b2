package nl.reintegratie.gateway.http;

import io.vertx.core.Future;

/** Something the gateway needs in order to serve requests, checked by {@code /health/ready}. */
public interface ReadinessCheck {

  /** Short stable name shown in the readiness answer, e.g. {@code store}. */
  String name();

  /** Succeeds when the dependency answers in time; fails otherwise. Must not block. */
  Future<Void> check();

  static ReadinessCheck of(String name, java.util.function.Supplier<Future<Void>> probe) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Future<Void> check() {
        return probe.get();
      }
    };
  }
}
