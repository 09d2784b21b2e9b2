package nl.reintegratie.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI 3.1 document of the provider and client APIs at
 * {@code /api/v1/openapi.json}. The document is the contract and lives in the {@code schemas}
 * module; a test fails when a registered API route is missing from it.
 */
public final class OpenApiRoute {

  public static final String PATH = "/api/v1/openapi.json";
  static final String RESOURCE = "openapi/openapi.json";

  private final Buffer document;

  public OpenApiRoute() {
    this.document = load().toBuffer();
  }

  /** The document as served; read from the classpath once, at start-up. */
  public static JsonObject load() {
    try (InputStream in = OpenApiRoute.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
      }
      return new JsonObject(Buffer.buffer(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void mount(Router router) {
    router.get(PATH).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache")
        .end(document));
  }
}
