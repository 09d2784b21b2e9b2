package nl.reintegratie.gateway.http;

import java.util.Optional;
import nl.reintegratie.protocol.crypto.IntegrityException;
import nl.reintegratie.gateway.dossier.ConflictException;
import nl.reintegratie.gateway.dossier.IdempotencyConflictException;
import nl.reintegratie.gateway.dossier.InvalidInputException;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.dossier.ShreddedException;
import nl.reintegratie.gateway.store.DuplicateKeyException;
import nl.reintegratie.gateway.store.StoreUnavailableException;
import nl.reintegratie.gateway.transfer.RecipientKeyMissingException;
import nl.reintegratie.gateway.transfer.ReleaseUnavailableException;

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
    if (failure instanceof IntegrityException) {
      // the dossier already logged the security event with what was affected
      return Optional.of(new ApiException(ProblemType.INTEGRITY_FAILURE,
          "Deze gegevens zijn veranderd of verplaatst sinds ze zijn opgeslagen. We tonen ze daarom niet."
              + " De beheerder is gewaarschuwd."));
    }
    if (failure instanceof NotFoundException) {
      return Optional.of(new ApiException(ProblemType.NOT_FOUND, "Dit bestaat niet, of je mag het niet zien."));
    }
    if (failure instanceof IdempotencyConflictException) {
      return Optional.of(new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED,
          "Met deze Idempotency-Key is eerder iets anders gestuurd. Er is niets opgeslagen. Gebruik voor elk nieuw"
              + " document een nieuwe sleutel, en dezelfde sleutel alleen om precies hetzelfde verzoek te herhalen."));
    }
    if (failure instanceof ShreddedException) {
      return Optional.of(new ApiException(ProblemType.GONE,
          "De bewaartermijn van deze gegevens is voorbij; ze zijn vernietigd en niet meer te lezen."));
    }
    if (failure instanceof ConflictException) {
      return Optional.of(new ApiException(ProblemType.CONFLICT,
          "Dit bestaat al, of iemand anders heeft het net gewijzigd. Haal de laatste versie op en probeer opnieuw."));
    }
    if (failure instanceof InvalidInputException invalid) {
      return Optional.of(new ApiException(ProblemType.INVALID_BODY, "Een gegeven klopt niet: " + invalid.field() + ".",
          new io.vertx.core.json.JsonObject().put("errors", new io.vertx.core.json.JsonArray()
              .add(new io.vertx.core.json.JsonObject().put("pointer", "/" + invalid.field())
                  .put("detail", invalid.getMessage()))), null));
    }
    if (failure instanceof ReleaseUnavailableException unavailable) {
      return Optional.of(switch (unavailable.availability()) {
        case AWAITING_NOTICE -> new ApiException(ProblemType.RELEASE_NOT_YET_AVAILABLE,
            "De cliënt krijgt eerst bericht over deze overdracht. Daarna is die op te halen; kijk later opnieuw in de"
                + " lijst van overdrachten.");
        case NOT_YET_AVAILABLE -> new ApiException(ProblemType.RELEASE_NOT_YET_AVAILABLE,
            "De cliënt krijgt eerst bericht en kan bezwaar maken. Kijk in de lijst van overdrachten vanaf wanneer"
                + " deze op te halen is.");
        case EXPIRED -> new ApiException(ProblemType.RELEASE_EXPIRED,
            "De termijn om deze overdracht op te halen is voorbij. Vraag de opdrachtgever zo nodig om een nieuwe.");
        case REVOKED, AVAILABLE -> new ApiException(ProblemType.RELEASE_REVOKED,
            "De opdrachtgever heeft deze overdracht ingetrokken. Er is niets meer op te halen.");
      });
    }
    if (failure instanceof RecipientKeyMissingException) {
      return Optional.of(new ApiException(ProblemType.RECIPIENT_KEY_MISSING,
          "Voor uw organisatie is geen actieve X25519-sleutel geregistreerd. Vraag de beheerder van de gateway"
              + " die te registreren; er is niets verstrekt."));
    }
    return Optional.empty();
  }
}
