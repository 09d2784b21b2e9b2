package nl.reintegratie.gateway.http;

/** The explanation that goes with a problem when the code that failed gave none. */
final class DefaultDetails {

  private DefaultDetails() {}

  static String nl(ProblemType type) {
    return switch (type) {
      case NOT_FOUND -> "Op dit adres staat niets, of je mag het niet zien.";
      case METHOD_NOT_ALLOWED -> "Dit adres bestaat, maar niet met deze HTTP-methode.";
      case BODY_TOO_LARGE -> "Stuur minder gegevens in één keer.";
      case URI_TOO_LONG -> "Gebruik een korter webadres.";
      case HEADERS_TOO_LARGE -> "Stuur kleinere of minder kopregels (headers).";
      case UNSUPPORTED_MEDIA_TYPE -> "Stuur de gegevens als application/json.";
      case NOT_ACCEPTABLE -> "Vraag om application/json.";
      case UNAUTHENTICATED -> "Log in en probeer het opnieuw.";
      case FORBIDDEN, CSRF_REJECTED -> "Je hebt geen toestemming voor deze actie.";
      case SERVICE_UNAVAILABLE -> "Probeer het over een paar minuten opnieuw.";
      case INTERNAL_ERROR -> "Probeer het later opnieuw. Blijft het misgaan? Geef dan het nummer"
          + " bij 'instance' door aan de helpdesk.";
      default -> "Controleer het verzoek en probeer het opnieuw.";
    };
  }

  static String en(ProblemType type) {
    return switch (type) {
      case NOT_FOUND -> "There is nothing at this address, or you may not see it.";
      case METHOD_NOT_ALLOWED -> "This address exists, but not with this HTTP method.";
      case BODY_TOO_LARGE -> "Send less data at once.";
      case URI_TOO_LONG -> "Use a shorter URI.";
      case HEADERS_TOO_LARGE -> "Send smaller or fewer header fields.";
      case UNSUPPORTED_MEDIA_TYPE -> "Send the data as application/json.";
      case NOT_ACCEPTABLE -> "Ask for application/json.";
      case UNAUTHENTICATED -> "Log in and try again.";
      case FORBIDDEN, CSRF_REJECTED -> "You are not allowed to do this.";
      case SERVICE_UNAVAILABLE -> "Try again in a few minutes.";
      case INTERNAL_ERROR -> "Try again later. If it keeps failing, give the helpdesk the number"
          + " in 'instance'.";
      default -> "Check the request and try again.";
    };
  }
}
