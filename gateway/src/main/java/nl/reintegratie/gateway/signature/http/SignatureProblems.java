package nl.reintegratie.gateway.signature.http;

import java.util.EnumMap;
import java.util.Map;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.protocol.signature.RejectionReason;

/**
 * The one place where a {@link RejectionReason} becomes a problem type and a detail. Every reason has its own type
 * (a test checks that none is missing), so a provider's developer can see at once what to fix. The details say
 * what to do and never repeat anything of the request.
 */
public final class SignatureProblems {

  private record Problem(ProblemType type, String detailNl, String detailEn) {
  }

  private static final Map<RejectionReason, Problem> PROBLEMS = new EnumMap<>(Map.ofEntries(
      Map.entry(RejectionReason.MALFORMED, new Problem(ProblemType.SIGNATURE_MALFORMED,
          "Signature-Input, Signature of Content-Digest volgt RFC 9421/9530 niet, of er zijn twee handtekeningen"
              + " met een bekende sleutel.",
          "Signature-Input, Signature or Content-Digest does not follow RFC 9421/9530, or two signatures name a"
              + " known key.")),
      Map.entry(RejectionReason.UNKNOWN_KEY, new Problem(ProblemType.SIGNATURE_UNKNOWN_KEY,
          "Onderteken met een sleutel die bij ons is geregistreerd, en noem die in keyid.",
          "Sign with a key registered with us, and name it in keyid.")),
      Map.entry(RejectionReason.REVOKED_KEY, new Problem(ProblemType.SIGNATURE_REVOKED_KEY,
          "Deze sleutel is ingetrokken. Onderteken met een andere geregistreerde sleutel.",
          "This key has been revoked. Sign with another registered key.")),
      Map.entry(RejectionReason.KEY_NOT_VALID_NOW, new Problem(ProblemType.SIGNATURE_KEY_NOT_VALID,
          "Deze sleutel is nog niet of niet meer geldig. Onderteken met een sleutel die nu geldig is.",
          "This key is not yet or no longer valid. Sign with a key that is valid now.")),
      Map.entry(RejectionReason.BAD_SIGNATURE, new Problem(ProblemType.SIGNATURE_INVALID,
          "De handtekening past niet bij het verzoek. Onderteken precies het verzoek dat je verstuurt, met het"
              + " volledige adres.",
          "The signature does not match the request. Sign exactly the request you send, with its full URI.")),
      Map.entry(RejectionReason.MISSING_COMPONENT, new Problem(ProblemType.SIGNATURE_MISSING_COMPONENT,
          "Onderteken altijd @method en @target-uri, en bij inhoud ook content-digest en content-type.",
          "Always cover @method and @target-uri, and with a body also content-digest and content-type.")),
      Map.entry(RejectionReason.MISSING_PARAMETER, new Problem(ProblemType.SIGNATURE_MISSING_PARAMETER,
          "Geef de handtekening de parameters created, keyid en nonce.",
          "Give the signature the parameters created, keyid and nonce.")),
      Map.entry(RejectionReason.DIGEST_MISMATCH, new Problem(ProblemType.CONTENT_DIGEST_MISMATCH,
          "Content-Digest past niet bij de inhoud. Bereken hem over precies de bytes die je verstuurt.",
          "Content-Digest does not match the body. Compute it over exactly the bytes you send.")),
      Map.entry(RejectionReason.CREATED_OUTSIDE_WINDOW, new Problem(ProblemType.SIGNATURE_CREATED_OUTSIDE_WINDOW,
          "Onderteken vlak voor het versturen, en controleer de klok van je server.",
          "Sign just before sending, and check your server's clock.")),
      Map.entry(RejectionReason.EXPIRED, new Problem(ProblemType.SIGNATURE_EXPIRED,
          "De handtekening is verlopen (expires). Onderteken het verzoek opnieuw.",
          "The signature has expired (expires). Sign the request again.")),
      Map.entry(RejectionReason.REPLAYED_NONCE, new Problem(ProblemType.SIGNATURE_REPLAYED,
          "Deze nonce is al gebruikt. Onderteken elk verzoek opnieuw, met een nieuwe nonce.",
          "This nonce was used before. Sign every request anew, with a fresh nonce.")),
      Map.entry(RejectionReason.ALGORITHM_MISMATCH, new Problem(ProblemType.SIGNATURE_ALGORITHM_MISMATCH,
          "Gebruik het algoritme ed25519, het enige dat we aannemen.",
          "Use the algorithm ed25519, the only one we accept."))));

  private SignatureProblems() {
  }

  /**
   * The problem for a request without any signature (neither Signature-Input nor Signature): the generic
   * {@code unauthenticated} (401), since nothing about a signature can be wrong when there is none.
   */
  public static ApiException unsigned(Language language) {
    return new ApiException(ProblemType.UNAUTHENTICATED, language == Language.EN
        ? "Sign the request with HTTP Message Signatures (RFC 9421) using your registered key."
        : "Onderteken het verzoek met HTTP Message Signatures (RFC 9421) en je geregistreerde sleutel.");
  }

  /** The problem for {@code reason}, with its detail in {@code language}. */
  public static ApiException of(RejectionReason reason, Language language) {
    Problem problem = PROBLEMS.get(reason);
    return new ApiException(problem.type(), language == Language.EN ? problem.detailEn() : problem.detailNl());
  }
}
