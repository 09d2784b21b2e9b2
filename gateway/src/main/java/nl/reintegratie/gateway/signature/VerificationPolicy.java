package nl.reintegratie.gateway.signature;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a request signature must satisfy beyond being valid.
 *
 * @param clockSkew           how far {@code created} may lie from the verifier's clock, in either direction
 *                            (inclusive)
 * @param requiredComponents  components every signature must cover
 * @param requiredWithBody    components a signature must also cover when the request has a body
 */
public record VerificationPolicy(Duration clockSkew, List<String> requiredComponents, List<String> requiredWithBody) {

  /** The algorithm every registered key and every {@code alg} parameter must name. */
  public static final String ALGORITHM = "ed25519";

  public VerificationPolicy {
    Objects.requireNonNull(clockSkew);
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("clock skew must not be negative");
    }
    requiredComponents = List.copyOf(requiredComponents);
    requiredWithBody = List.copyOf(requiredWithBody);
  }

  /**
   * Requests: {@code @method} and {@code @target-uri} always, {@code content-digest} and {@code content-type} with
   * a body, {@code created} within {@code clockSkew}.
   */
  public static VerificationPolicy forRequests(Duration clockSkew) {
    return new VerificationPolicy(clockSkew, List.of("@method", "@target-uri"),
        List.of("content-digest", "content-type"));
  }
}
