package nl.reintegratie.client;

import java.util.Objects;

/**
 * The gateway answered a call that returns a value (such as {@link ProviderClient#fetchRelease}) with a non-2xx
 * response, usually an RFC 9457 problem: {@link #response()} has the status and the problem+json body.
 */
public final class ProblemResponseException extends RuntimeException {

  private final transient GatewayResponse response;

  public ProblemResponseException(GatewayResponse response) {
    super("the gateway answered " + Objects.requireNonNull(response).status()
        + (response.isProblem() ? " with a problem" : "") + response.requestId().map(id -> " (request " + id + ")")
        .orElse(""));
    this.response = response;
  }

  public GatewayResponse response() {
    return response;
  }
}
