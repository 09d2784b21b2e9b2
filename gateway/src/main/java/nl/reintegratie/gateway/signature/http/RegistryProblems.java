package nl.reintegratie.gateway.signature.http;

import java.util.Optional;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.signature.ProviderRegistryException;
import nl.reintegratie.gateway.store.StoreUnavailableException;

/**
 * The one place where a refused registry change becomes a problem: a taken id or key id is 409, an unknown
 * provider or a key that is not the provider's 404, and a registration that stored the organisation but not its
 * key says so. Details say what to do in the caller's language and never repeat key material.
 */
final class RegistryProblems {

  private RegistryProblems() {
  }

  /** The problem for {@code failure}; empty for failures that are not the registry's (the store's, say). */
  static Optional<ApiException> of(Throwable failure, Language language) {
    boolean en = language == Language.EN;
    if (failure instanceof ApiException decided) {
      return Optional.of(decided);
    }
    if (failure instanceof ProviderAdminRoutes.NoSuchKeyException) {
      return Optional.of(new ApiException(ProblemType.NOT_FOUND, en
          ? "This provider has no signing key with this key id."
          : "Deze aanbieder heeft geen ondertekensleutel met deze keyId."));
    }
    if (!(failure instanceof ProviderRegistryException refused)) {
      return Optional.empty();
    }
    return Optional.of(switch (refused.kind()) {
      case ORGANISATION_EXISTS -> new ApiException(ProblemType.CONFLICT, en
          ? "A provider with this providerId or this OIN is already registered. Nothing was changed."
          : "Er staat al een aanbieder met deze providerId of dit OIN in het register. Er is niets veranderd.");
      case KEY_ID_TAKEN -> new ApiException(ProblemType.CONFLICT, en
          ? "This keyId is already in use (a revoked key keeps its id for good). Choose a new keyId."
          : "Deze keyId is al in gebruik (ook een ingetrokken sleutel houdt zijn id). Kies een nieuwe keyId.");
      case UNKNOWN_ORGANISATION -> new ApiException(ProblemType.NOT_FOUND, en
          ? "No provider with this providerId is registered."
          : "Er staat geen aanbieder met deze providerId in het register.");
      case INVALID_KEY -> new ApiException(ProblemType.BAD_REQUEST, en
          ? "The signing key is not a usable Ed25519 key with a valid key id and validity period."
          : "De ondertekensleutel is geen bruikbare Ed25519-sleutel met een geldige keyId en geldigheidsduur.");
    });
  }

  /**
   * The problem when a registration stored the organisation but not its signing key: the answer must not claim
   * that nothing was stored (as a plain 409 or 503 would), and it says how to finish. Other failures (a bug) stay
   * as they are: 500.
   */
  static Throwable registeredWithoutKey(Throwable failure, String providerId, Language language) {
    boolean en = language == Language.EN;
    if (failure instanceof ProviderRegistryException refused
        && refused.kind() == ProviderRegistryException.Kind.KEY_ID_TAKEN) {
      return new ApiException(ProblemType.CONFLICT, en
          ? "Provider " + providerId + " is registered, but without a signing key: its keyId was taken at the same"
              + " moment. Add a key with a new keyId to this provider."
          : "Aanbieder " + providerId + " is geregistreerd, maar zonder ondertekensleutel: de keyId werd op hetzelfde"
              + " moment in gebruik genomen. Voeg bij deze aanbieder een sleutel toe met een nieuwe keyId.");
    }
    if (failure instanceof StoreUnavailableException) {
      return new ApiException(ProblemType.SERVICE_UNAVAILABLE, en
          ? "Provider " + providerId + " is registered, but its signing key may not have been stored. Look at the"
              + " provider in a few minutes and add the key if it is missing."
          : "Aanbieder " + providerId + " is geregistreerd, maar de ondertekensleutel is misschien niet opgeslagen."
              + " Bekijk de aanbieder over een paar minuten en voeg de sleutel toe als hij ontbreekt.");
    }
    return failure;
  }
}
