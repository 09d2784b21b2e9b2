package nl.reintegratie.gateway.http;

import io.vertx.core.json.JsonObject;

/**
 * The one exception the HTTP layer turns into problem+json: a {@link ProblemType}, a detail
 * for the caller (never containing personal data, secrets or internals), and optional extra
 * members such as a list of invalid fields. Capabilities throw or fail futures with it; the
 * failure handler writes it.
 */
public class ApiException extends RuntimeException {
  private final ProblemType type;
  private final String detail;
  private final JsonObject extensions;

  public ApiException(ProblemType type, String detail) {
    this(type, detail, new JsonObject(), null);
  }

  public ApiException(ProblemType type, String detail, JsonObject extensions, Throwable cause) {
    // no stack trace: these are expected outcomes, and the trace would only cost time
    super(type.uri() + ": " + detail, cause, false, false);
    this.type = type;
    this.detail = detail;
    this.extensions = extensions.copy();
  }

  public ProblemType type() {
    return type;
  }

  public String detail() {
    return detail;
  }

  public JsonObject extensions() {
    return extensions.copy();
  }
}
