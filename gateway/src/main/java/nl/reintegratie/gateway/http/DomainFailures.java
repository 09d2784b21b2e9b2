package nl.reintegratie.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import nl.reintegratie.protocol.crypto.IntegrityException;
import nl.reintegratie.gateway.dossier.ConflictException;
import nl.reintegratie.gateway.dossier.IdempotencyConflictException;
import nl.reintegratie.gateway.dossier.InvalidInputException;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.dossier.RefusedInputException;
import nl.reintegratie.gateway.dossier.ShreddedException;
import nl.reintegratie.gateway.dossier.TrajectoryStateException;
import nl.reintegratie.gateway.transfer.GrantStateException;
import nl.reintegratie.gateway.store.DuplicateKeyException;
import nl.reintegratie.gateway.store.StoreUnavailableException;
import nl.reintegratie.gateway.transfer.RecipientKeyMissingException;
import nl.reintegratie.gateway.transfer.ReleaseUnavailableException;
import nl.reintegratie.gateway.transfer.TransferRefusedException;

/**
 * The one place where failures of the layers below (store, crypto, domain) become problem
 * types, so capabilities can let those failures travel up their future chains untouched.
 * Details are in the caller's language.
 */
final class DomainFailures {

  private DomainFailures() {}

  static Optional<ApiException> asProblem(Throwable failure, Language language) {
    boolean en = language == Language.EN;
    if (failure instanceof StoreUnavailableException) {
      return Optional.of(new ApiException(ProblemType.SERVICE_UNAVAILABLE, en
          ? "The store cannot be reached at the moment. Nothing was stored; try again."
          : "De opslag is even niet bereikbaar. Er is niets opgeslagen; probeer het opnieuw."));
    }
    if (failure instanceof DuplicateKeyException) {
      return Optional.of(new ApiException(ProblemType.CONFLICT, en
          ? "This exists already, or someone else has just changed it."
          : "Dit bestaat al, of iemand anders heeft het net gewijzigd."));
    }
    if (failure instanceof IntegrityException) {
      // the dossier already logged the security event with what was affected
      return Optional.of(new ApiException(ProblemType.INTEGRITY_FAILURE, en
          ? "This data was changed or moved after it was stored, so it is not shown. The administrator has been"
              + " warned."
          : "Deze gegevens zijn veranderd of verplaatst sinds ze zijn opgeslagen. We tonen ze daarom niet."
              + " De beheerder is gewaarschuwd."));
    }
    if (failure instanceof NotFoundException) {
      return Optional.of(new ApiException(ProblemType.NOT_FOUND, en
          ? "This does not exist, or you may not see it." : "Dit bestaat niet, of je mag het niet zien."));
    }
    if (failure instanceof IdempotencyConflictException) {
      return Optional.of(new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED, en
          ? "Something else was sent with this Idempotency-Key before. Nothing was stored. Use a new key for every"
              + " new document, and the same key only to repeat exactly the same request."
          : "Met deze Idempotency-Key is eerder iets anders gestuurd. Er is niets opgeslagen. Gebruik voor elk nieuw"
              + " document een nieuwe sleutel, en dezelfde sleutel alleen om precies hetzelfde verzoek te herhalen."));
    }
    if (failure instanceof ShreddedException) {
      return Optional.of(new ApiException(ProblemType.GONE, en
          ? "The retention period of this data is over; it was destroyed and cannot be read any more."
          : "De bewaartermijn van deze gegevens is voorbij; ze zijn vernietigd en niet meer te lezen."));
    }
    if (failure instanceof TrajectoryStateException refused) {
      return Optional.of(new ApiException(ProblemType.TRAJECTORY_STATE_CONFLICT, trajectoryState(refused, en)));
    }
    if (failure instanceof GrantStateException refused) {
      return Optional.of(new ApiException(ProblemType.GRANT_STATE_CONFLICT, grantState(refused, en)));
    }
    if (failure instanceof ConflictException) {
      return Optional.of(new ApiException(ProblemType.CONFLICT, en
          ? "This exists already, or someone else has just changed it. Fetch the latest version and try again."
          : "Dit bestaat al, of iemand anders heeft het net gewijzigd. Haal de laatste versie op en probeer opnieuw."));
    }
    if (failure instanceof InvalidInputException invalid) {
      return Optional.of(new ApiException(ProblemType.INVALID_BODY, en
          ? "A value is not right: " + invalid.field() + "." : "Een gegeven klopt niet: " + invalid.field() + ".",
          new JsonObject().put("errors", new JsonArray()
              .add(new JsonObject().put("pointer", "/" + invalid.field())
                  .put("detail", invalid.getMessage()))), null));
    }
    if (failure instanceof RefusedInputException refused) {
      JsonArray errors = new JsonArray();
      refused.refusals().forEach(refusal -> errors.add(new JsonObject()
          .put("pointer", "/" + refusal.field())
          .put("detail", refusal(refusal, en))));
      return Optional.of(new ApiException(ProblemType.INVALID_BODY, en
          ? "Some of the data does not fit the stored facts. 'errors' says what is wrong, per field. Nothing was"
              + " changed."
          : "Niet alle gegevens passen bij wat er al bekend is. Bij 'errors' staat per veld wat er mis is. Er is"
              + " niets veranderd.",
          new JsonObject().put("errors", errors), null));
    }
    if (failure instanceof TransferRefusedException refused) {
      JsonArray rules = new JsonArray();
      refused.failed().forEach(outcome -> rules.add(new JsonObject()
          .put("rule", outcome.rule().code())
          .put("reason", (en ? outcome.reasonEn() : outcome.reasonNl()).orElseThrow())));
      return Optional.of(new ApiException(ProblemType.TRANSFER_REFUSED, en
          ? "The transfer does not meet every legal condition. 'rules' says which rules refuse it and why. Nothing"
              + " was stored."
          : "De overdracht voldoet niet aan alle wettelijke voorwaarden. Bij 'rules' staat welke regels haar"
              + " tegenhouden en waarom. Er is niets opgeslagen.",
          new JsonObject().put("rules", rules), null));
    }
    if (failure instanceof ReleaseUnavailableException unavailable) {
      return Optional.of(switch (unavailable.availability()) {
        case AWAITING_NOTICE -> new ApiException(ProblemType.RELEASE_NOT_YET_AVAILABLE, en
            ? "The client is told about this release first. Then it can be fetched; look in the list of releases"
                + " again later."
            : "De cliënt krijgt eerst bericht over deze overdracht. Daarna is die op te halen; kijk later opnieuw in de"
                + " lijst van overdrachten.");
        case NOT_YET_AVAILABLE -> new ApiException(ProblemType.RELEASE_NOT_YET_AVAILABLE, en
            ? "The client is told first and can object. The list of releases says from when this one can be"
                + " fetched."
            : "De cliënt krijgt eerst bericht en kan bezwaar maken. Kijk in de lijst van overdrachten vanaf wanneer"
                + " deze op te halen is.");
        case PAUSED_BY_OBJECTION -> new ApiException(ProblemType.RELEASE_NOT_YET_AVAILABLE, en
            ? "The client has objected. The release is paused until the commissioner decides; the list of releases"
                + " shows when it goes on."
            : "De cliënt heeft bezwaar gemaakt. De overdracht staat stil tot de opdrachtgever beslist; de lijst van"
                + " overdrachten laat zien wanneer die verdergaat.");
        case EXPIRED -> new ApiException(ProblemType.RELEASE_EXPIRED, en
            ? "The period to fetch this release is over. Ask the commissioner for a new one if needed."
            : "De termijn om deze overdracht op te halen is voorbij. Vraag de opdrachtgever zo nodig om een nieuwe.");
        case REVOKED, AVAILABLE -> new ApiException(ProblemType.RELEASE_REVOKED, en
            ? "The commissioner revoked this release. There is nothing left to fetch."
            : "De opdrachtgever heeft deze overdracht ingetrokken. Er is niets meer op te halen.");
      });
    }
    if (failure instanceof RecipientKeyMissingException) {
      return Optional.of(new ApiException(ProblemType.RECIPIENT_KEY_MISSING, en
          ? "No active X25519 key is registered for your organisation. Ask the gateway's administrator to register"
              + " one; nothing was released."
          : "Voor uw organisatie is geen actieve X25519-sleutel geregistreerd. Vraag de beheerder van de gateway"
              + " die te registreren; er is niets verstrekt."));
    }
    return Optional.empty();
  }

  /** Why one field does not fit the stored facts, and what would. */
  private static String refusal(RefusedInputException.Refusal refusal, boolean en) {
    return switch (refusal) {
      case PLANNED_END_BEFORE_START -> en ? "The planned end date is before the planned start date."
          : "De geplande einddatum ligt voor de geplande startdatum.";
      case PROVIDER_NOT_REGISTERED -> en ? "No active provider with this id is registered."
          : "Er is geen actieve aanbieder met deze id geregistreerd.";
      case CLIENT_NOT_REGISTERED -> en ? "No client with this id is registered (or their data was destroyed)."
          : "Er is geen cliënt met deze id geregistreerd (of de gegevens zijn vernietigd).";
      case END_DATE_OUT_OF_RANGE -> en
          ? "The end date cannot be in the future, nor before the day the trajectory started."
          : "De einddatum kan niet in de toekomst liggen, en ook niet voor de dag waarop het traject begon.";
      case DECISION_DATE_OUT_OF_RANGE -> en
          ? "The decision date cannot be in the future, nor before what it decides about (the report-back's"
              + " arrival, the trajectory's start or end)."
          : "De datum van het besluit kan niet in de toekomst liggen, en ook niet voor waarover het gaat (de"
              + " terugmelding, het begin of het einde van het traject).";
      case DUE_DATE_BEFORE_END -> en ? "The due date cannot be before the trajectory ended."
          : "De uiterste datum kan niet liggen voor de dag waarop het traject eindigde.";
      case NEW_TRAJECTORY_UNKNOWN -> en
          ? "Your organisation has no other trajectory with this id for the same client."
          : "Je organisatie heeft geen ander traject met deze id voor dezelfde cliënt.";
      case NEW_TRAJECTORY_SAME_PROVIDER -> en
          ? "At UWV a new trajectory goes to another provider than the one that ended."
          : "Bij UWV gaat een nieuw traject naar een andere aanbieder dan die van het beëindigde traject.";
    };
  }

  /** What the trajectory's state does not allow, and what to do instead. */
  private static String trajectoryState(TrajectoryStateException refused, boolean en) {
    return switch (refused.reason()) {
      case NOT_PLANNED -> en ? "The trajectory has already started." : "Het traject is al begonnen.";
      case ALREADY_ENDED -> en
          ? "The trajectory has already ended. Nothing about it changes any more, except the follow-up decision."
          : "Het traject is al beëindigd. Daar verandert niets meer aan, behalve het besluit over het vervolg.";
      case REPORT_BACK_PENDING -> en
          ? "A report-back is already waiting for the commissioner's decision. Send a new one after that decision."
          : "Er ligt al een terugmelding bij de opdrachtgever. Stuur een nieuwe terugmelding als daarover besloten is.";
      case REPORT_BACK_DECIDED -> en
          ? "This report-back has already been decided." : "Over deze terugmelding is al besloten.";
      case NOT_ENDED -> en
          ? "The follow-up can be decided only once the trajectory has ended."
          : "Over het vervolg besluit je pas als het traject is beëindigd.";
      case FOLLOW_UP_DECIDED -> en
          ? "The follow-up of this trajectory has already been decided."
          : "Het besluit over het vervolg van dit traject is al vastgelegd.";
    };
  }

  /** What the grant's state does not allow. */
  private static String grantState(GrantStateException refused, boolean en) {
    return switch (refused.reason()) {
      case REVOKED -> en ? "This grant has been revoked. Nothing about it changes any more."
          : "Deze overdracht is ingetrokken. Daar verandert niets meer aan.";
      case OBJECTION_EXISTS -> en
          ? "An objection to this grant has already been made. The commissioner decides on it."
          : "Tegen deze overdracht is al bezwaar gemaakt. De opdrachtgever beslist daarover.";
      case NO_OPEN_OBJECTION -> en ? "There is no objection waiting for a decision."
          : "Er is geen bezwaar waarover nog beslist moet worden.";
      case EXPIRED -> en ? "The period of this grant is over. There is nothing left to change."
          : "De termijn van deze overdracht is voorbij. Er valt niets meer te veranderen.";
    };
  }
}
