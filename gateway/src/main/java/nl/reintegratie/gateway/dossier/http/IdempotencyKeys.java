package nl.reintegratie.gateway.dossier.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.signature.http.ProviderSignatureHandler;

/**
 * Requires the {@code Idempotency-Key} header (draft-ietf-httpapi-idempotency-key-header) on a POST that creates
 * something: 1 to 100 characters of {@code A-Z a-z 0-9 . _ ~ : -}, typically a UUID the provider generates once per
 * document and keeps for its retries. Missing or malformed: 400 {@code idempotency-key-missing}. The limited
 * alphabet keeps the key harmless in logs and problem details. The provider's signature must cover the header.
 */
final class IdempotencyKeys implements Handler<RoutingContext> {

  static final String HEADER = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~:-]{1,100}");
  private static final String CTX_KEY = IdempotencyKeys.class.getName();

  /** The request's valid key; only behind this handler. */
  static String of(RoutingContext ctx) {
    String key = ctx.get(CTX_KEY);
    if (key == null) {
      throw new IllegalStateException("route is not behind IdempotencyKeys");
    }
    return key;
  }

  @Override
  public void handle(RoutingContext ctx) {
    java.util.List<String> values = ctx.request().headers().getAll(HEADER);
    if (values.size() != 1 || !KEY.matcher(values.get(0)).matches()) {
      ctx.fail(new ApiException(ProblemType.IDEMPOTENCY_KEY_MISSING, Language.of(ctx) == Language.EN
          ? "Send one Idempotency-Key header: 1 to 100 characters (letters, digits, . _ ~ : -), a new one per"
              + " document, the same one when you repeat the request."
          : "Stuur één Idempotency-Key mee: 1 tot 100 tekens (letters, cijfers, . _ ~ : -). Gebruik een nieuwe"
              + " sleutel per document, en dezelfde als je het verzoek herhaalt."));
      return;
    }
    // the key decides which document a request creates: it must be under the provider's signature,
    // or whoever relays the request could turn one submission into two
    if (!ProviderSignatureHandler.caller(ctx).components().contains("idempotency-key")) {
      ctx.fail(new ApiException(ProblemType.IDEMPOTENCY_KEY_MISSING, Language.of(ctx) == Language.EN
          ? "The signature must cover the Idempotency-Key header (add \"idempotency-key\" to its components)."
          : "De handtekening moet ook de Idempotency-Key dekken (zet \"idempotency-key\" bij de componenten)."));
      return;
    }
    ctx.put(CTX_KEY, values.get(0));
    ctx.next();
  }
}
