package nl.reintegratie.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import nl.reintegratie.schemas.SchemaCatalog;
import nl.reintegratie.schemas.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a request body against a JSON Schema before the route's own handler sees it:
 *
 * <pre>{@code
 * router.post("/api/v1/trajectories/:id/end-report")
 *     .handler(BodyValidation.against(catalog, "end-report-submission"))
 *     .handler(ctx -> save(BodyValidation.body(ctx)));
 * }</pre>
 *
 * <ul>
 *   <li>{@code Content-Type} must be {@code application/json} (a charset parameter, if any, must
 *       be UTF-8): otherwise 415 {@code unsupported-media-type}.
 *   <li>The body must be one strict JSON value: no comments, no key twice in an object, nested at
 *       most {@value StrictJson#MAX_DEPTH} levels: otherwise 400 {@code bad-request}.
 *   <li>It must satisfy the schema: otherwise 400 {@code invalid-body} with an {@code errors}
 *       member listing every failing field as {@code {"pointer": "/content/result", "detail":
 *       "..."}}, at most {@value #MAX_ERRORS}; the pointer is an RFC 6901 JSON pointer into the
 *       body, the detail is in the caller's language.
 * </ul>
 *
 * <p>Only then does the next handler run, and {@link #body(RoutingContext)} gives it the parsed
 * body. Mount it after {@link GatewayRouter}'s body handler, which has already refused bodies over
 * the size limit.
 */
public final class BodyValidation implements Handler<RoutingContext> {

  /** Enough to fix a body in one go, small enough to keep the answer small whatever is sent. */
  static final int MAX_ERRORS = 100;
  private static final String KEY = BodyValidation.class.getName() + ".body";
  private static final Logger LOG = LoggerFactory.getLogger(BodyValidation.class);

  private final SchemaCatalog catalog;
  private final String schemaName;

  private BodyValidation(SchemaCatalog catalog, String schemaName) {
    this.catalog = catalog;
    this.schemaName = schemaName;
  }

  /**
   * @param schemaName a schema in the catalog, e.g. {@code end-report-submission}; checked now,
   *     so a typo fails when the route is mounted rather than on the first request
   * @throws IllegalArgumentException when the catalog has no such schema
   */
  public static Handler<RoutingContext> against(SchemaCatalog catalog, String schemaName) {
    if (!catalog.contains(schemaName)) {
      throw new IllegalArgumentException("no schema named '" + schemaName + "'");
    }
    return new BodyValidation(catalog, schemaName);
  }

  /**
   * The body that passed validation, as parsed; the same object on every call.
   *
   * @throws IllegalStateException when no {@code BodyValidation} ran before this handler, or the
   *     schema allowed something other than an object
   */
  public static JsonObject body(RoutingContext ctx) {
    Object body = ctx.get(KEY);
    if (!(body instanceof JsonObject json)) {
      throw new IllegalStateException("no validated JSON object body: mount BodyValidation.against(...) first");
    }
    return json;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Language language = Language.of(ctx);
    if (!isJson(ctx.request().getHeader("Content-Type"))) {
      ctx.fail(new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, language == Language.EN
          ? DefaultDetails.en(ProblemType.UNSUPPORTED_MEDIA_TYPE) : DefaultDetails.nl(ProblemType.UNSUPPORTED_MEDIA_TYPE)));
      return;
    }
    Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
    Object json;
    try {
      if (raw == null || raw.length() == 0) {
        ctx.fail(badRequest(language, "Het verzoek heeft geen gegevens. Stuur ze mee als JSON.",
            "The request has no body. Send the data as JSON."));
        return;
      }
      json = StrictJson.parse(raw);
    } catch (StrictJson.MalformedJsonException e) {
      ctx.fail(malformed(e.problem(), language));
      return;
    }
    List<Violation> violations = catalog.validate(schemaName, json);
    if (!violations.isEmpty()) {
      // the count and the schema, never pointers: an unknown field's name is whatever was sent
      LOG.info("event=invalid-body requestId={} schema={} violations={}", RequestIds.of(ctx), schemaName,
          violations.size());
      ctx.fail(invalid(violations, language));
      return;
    }
    ctx.put(KEY, json);
    ctx.next();
  }

  /** {@code application/json}, optionally with {@code charset=utf-8}; nothing else. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";");
    if (!"application/json".equals(parts[0].trim().toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      String name = parameter[0].trim();
      String value = parameter.length == 2 ? parameter[1].trim().replace("\"", "") : "";
      if ("charset".equalsIgnoreCase(name) && !"utf-8".equalsIgnoreCase(value)) {
        return false; // RFC 8259: JSON between systems is UTF-8
      }
    }
    return true;
  }

  private static ApiException invalid(List<Violation> violations, Language language) {
    JsonArray errors = new JsonArray();
    violations.stream().limit(MAX_ERRORS).forEach(v -> errors.add(new JsonObject()
        .put("pointer", v.pointer())
        .put("detail", ViolationTexts.of(v, language))));
    boolean cut = violations.size() > MAX_ERRORS;
    String detail = language == Language.EN
        ? "Some of the data is not right. 'errors' says what is wrong, per field."
            + (cut ? " Only the first " + MAX_ERRORS + " problems are listed." : "")
        : "Niet alle gegevens kloppen. Bij 'errors' staat per veld wat er mis is."
            + (cut ? " Alleen de eerste " + MAX_ERRORS + " fouten staan erbij." : "");
    return new ApiException(ProblemType.INVALID_BODY, detail, new JsonObject().put("errors", errors), null);
  }

  private static ApiException malformed(StrictJson.Problem problem, Language language) {
    return switch (problem) {
      case DUPLICATE_KEY -> badRequest(language,
          "Een veld staat twee keer in hetzelfde object. Stuur elk veld één keer.",
          "A field appears twice in the same object. Send each field once.");
      case TOO_DEEP -> badRequest(language,
          "De gegevens zijn te diep genest: meer dan " + StrictJson.MAX_DEPTH + " niveaus.",
          "The data is nested too deeply: more than " + StrictJson.MAX_DEPTH + " levels.");
      case NUMBER_TOO_LARGE -> badRequest(language, "Er staat een getal in dat te groot is.",
          "A number in the data is too large.");
      case SYNTAX -> badRequest(language,
          "De gegevens zijn geen geldige JSON. Kijk bijvoorbeeld of alle haakjes en aanhalingstekens kloppen.",
          "The data is not valid JSON. Check, for example, that all brackets and quotes match.");
    };
  }

  private static ApiException badRequest(Language language, String nl, String en) {
    return new ApiException(ProblemType.BAD_REQUEST, language == Language.EN ? en : nl);
  }
}
