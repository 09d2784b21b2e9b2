package nl.reintegratie.gateway.http;

import java.util.Optional;
import nl.reintegratie.gateway.store.DuplicateKeyException;
import nl.reintegratie.gateway.store.StoreUnavailableException;

/**
 * The one place where failures of the layers below (store, crypto, domain) become problem
 * types, so capabilities can let those failures travel up their future chains untouched.
 */
final class DomainFailures {

  private DomainFailures() {}

  static Optional<ApiException> asProblem(Throwable failure) {
    if (failure instanceof StoreUnavailableException) {
      return Optional.of(new ApiException(ProblemType.SERVICE_UNAVAILABLE,
          "De opslag is even niet bereikbaar. Er is niets opgeslagen; probeer het opnieuw."));
    }
    if (failure instanceof DuplicateKeyException) {
      return Optional.of(new ApiException(ProblemType.CONFLICT,
          "Dit bestaat al, of iemand anders heeft het net gewijzigd."));
    }
    return Optional.empty();
  }
}
