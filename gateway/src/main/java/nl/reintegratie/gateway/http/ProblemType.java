package nl.reintegratie.gateway.http;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of error the gateway answers with, as an RFC 9457 problem type. The {@link #uri()}
 * is stable: clients may switch on it. Titles are short and in plain language, Dutch first.
 */
public enum ProblemType {
  BAD_REQUEST("bad-request", 400, "Het verzoek klopt niet", "The request is malformed"),
  INVALID_BODY("invalid-body", 400, "De gegevens in het verzoek kloppen niet", "The request body is invalid"),
  UNAUTHENTICATED("unauthenticated", 401, "Je bent niet ingelogd", "Authentication is required"),
  FORBIDDEN("forbidden", 403, "Dit mag je niet doen", "This action is not allowed"),
  CSRF_REJECTED("cross-site-request", 403, "Dit verzoek komt niet van het portaal",
      "The request did not come from the portal"),
  NOT_FOUND("not-found", 404, "Niet gevonden", "Not found"),
  // a client login whose BSN has no registered dossier (or no BSN at all): the client API has nothing to show them
  CLIENT_UNKNOWN("client-unknown", 404, "Er is geen dossier van je bekend", "No dossier is known for you"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Deze methode kan hier niet", "Method not allowed"),
  NOT_ACCEPTABLE("not-acceptable", 406, "Dit antwoordformaat kunnen we niet geven", "Not acceptable"),
  CONFLICT("conflict", 409, "Dit botst met de huidige gegevens", "Conflict with the current state"),
  // a change the trajectory's state does not allow (ending an ended trajectory): unlike conflict, a retry won't help
  TRAJECTORY_STATE_CONFLICT("trajectory-state-conflict", 409, "Dit kan niet in deze fase van het traject",
      "Not possible in the trajectory's current state"),
  GRANT_STATE_CONFLICT("grant-state-conflict", 409, "Dit kan niet meer bij deze overdracht",
      "The grant's state does not allow this"),
  // a grant request that the transfer rules refuse: every failed rule is listed in the member "rules"
  TRANSFER_REFUSED("transfer-refused", 422, "Deze overdracht mag niet", "This transfer is not allowed"),
  BODY_TOO_LARGE("body-too-large", 413, "Het verzoek is te groot", "The request body is too large"),
  URI_TOO_LONG("uri-too-long", 414, "Het webadres is te lang", "The URI is too long"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Dit soort inhoud nemen we niet aan",
      "Unsupported content type"),
  HEADERS_TOO_LARGE("headers-too-large", 431, "De kopregels van het verzoek zijn te groot",
      "Request header fields too large"),
  LOGIN_FAILED("login-failed", 401, "Inloggen is niet gelukt", "Login failed"),
  // an API route for logged-in people (identity.StaffAccess) without a live portal session: log in, then retry
  LOGIN_REQUIRED("login-required", 401, "Je bent niet (meer) ingelogd", "A portal login is required"),
  GONE("gone", 410, "Deze gegevens zijn vernietigd", "This data has been destroyed"),
  INTEGRITY_FAILURE("integrity-failure", 500, "Opgeslagen gegevens zijn niet te vertrouwen",
      "Stored data failed its integrity check"),
  SERVICE_UNAVAILABLE("service-unavailable", 503, "De dienst is even niet beschikbaar",
      "The service is temporarily unavailable"),
  INTERNAL_ERROR("internal-error", 500, "Er ging iets mis bij ons", "Something went wrong on our side"),

  // RFC 9421 request signatures of the provider API, one type per signature.RejectionReason (mapped in
  // signature.http.SignatureProblems). 401: the signature does not prove who is calling; 400: the request is
  // incomplete or malformed, so the client must change the request, not its key.
  SIGNATURE_MALFORMED("signature-malformed", 400, "De handtekening van het verzoek is onleesbaar",
      "The request signature is malformed"),
  SIGNATURE_UNKNOWN_KEY("signature-unknown-key", 401, "De sleutel van de handtekening kennen we niet",
      "The signing key is unknown"),
  SIGNATURE_REVOKED_KEY("signature-revoked-key", 401, "De sleutel van de handtekening is ingetrokken",
      "The signing key has been revoked"),
  SIGNATURE_KEY_NOT_VALID("signature-key-not-valid", 401, "De sleutel van de handtekening is nu niet geldig",
      "The signing key is not valid at this time"),
  SIGNATURE_INVALID("signature-invalid", 401, "De handtekening klopt niet", "The signature does not verify"),
  SIGNATURE_MISSING_COMPONENT("signature-missing-component", 400, "De handtekening dekt niet alles wat nodig is",
      "The signature does not cover every required component"),
  SIGNATURE_MISSING_PARAMETER("signature-missing-parameter", 400, "Er ontbreekt een gegeven in de handtekening",
      "A required signature parameter is missing"),
  CONTENT_DIGEST_MISMATCH("content-digest-mismatch", 400, "De inhoud past niet bij de controlewaarde",
      "The body does not match its Content-Digest"),
  SIGNATURE_CREATED_OUTSIDE_WINDOW("signature-created-outside-window", 401,
      "Het tijdstip van de handtekening ligt te ver van nu", "The signature's creation time is outside the window"),
  SIGNATURE_EXPIRED("signature-expired", 401, "De handtekening is verlopen", "The signature has expired"),
  SIGNATURE_REPLAYED("signature-replayed", 401, "Dit verzoek is al eerder ontvangen",
      "This request was received before"),
  SIGNATURE_ALGORITHM_MISMATCH("signature-algorithm-mismatch", 401,
      "De handtekening gebruikt een algoritme dat we niet aannemen", "The signature algorithm is not accepted"),

  // Idempotency-Key of the provider API's POST requests
  IDEMPOTENCY_KEY_MISSING("idempotency-key-missing", 400, "De Idempotency-Key ontbreekt of klopt niet",
      "The Idempotency-Key is missing or malformed"),
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Deze Idempotency-Key is al gebruikt voor iets anders",
      "This Idempotency-Key was already used for a different request"),

  // releases of the provider API: the caller's own release, which cannot be fetched now
  RELEASE_NOT_YET_AVAILABLE("release-not-yet-available", 409, "Deze overdracht is nog niet op te halen",
      "This release cannot be fetched yet"),
  RELEASE_EXPIRED("release-expired", 410, "Deze overdracht is verlopen", "This release has expired"),
  RELEASE_REVOKED("release-revoked", 410, "Deze overdracht is ingetrokken", "This release has been revoked"),
  RECIPIENT_KEY_MISSING("recipient-key-missing", 409, "Er is geen sleutel om de overdracht voor te versleutelen",
      "There is no encryption key to seal the release to");

  /** Prefix of every problem type URI; a URN, so it never depends on where the gateway runs. */
  public static final String URI_PREFIX = "urn:nl-reintegratie:problem:";

  private final String slug;
  private final int status;
  private final String titleNl;
  private final String titleEn;

  ProblemType(String slug, int status, String titleNl, String titleEn) {
    this.slug = slug;
    this.status = status;
    this.titleNl = titleNl;
    this.titleEn = titleEn;
  }

  public String uri() {
    return URI_PREFIX + slug;
  }

  public int status() {
    return status;
  }

  public String title(Language language) {
    return language == Language.EN ? titleEn : titleNl;
  }

  /** The problem type the gateway uses for a bare HTTP status that carries no type of its own. */
  public static ProblemType forStatus(int status) {
    Optional<ProblemType> exact = Arrays.stream(values())
        .filter(t -> t.status == status && t != INVALID_BODY && t != CSRF_REJECTED && t != LOGIN_FAILED
            && t != LOGIN_REQUIRED
            && t != INTEGRITY_FAILURE && t != IDEMPOTENCY_KEY_MISSING && t != IDEMPOTENCY_KEY_REUSED
            && t != TRAJECTORY_STATE_CONFLICT && t != GRANT_STATE_CONFLICT && t != TRANSFER_REFUSED
            && t != CLIENT_UNKNOWN)
        .findFirst();
    if (exact.isPresent()) {
      return exact.get();
    }
    return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
  }
}
