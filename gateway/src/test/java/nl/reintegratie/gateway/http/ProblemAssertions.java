package nl.reintegratie.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** Assertions on what every gateway response must look like. */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  public static void assertProblem(HttpResponse<Buffer> response, int status, String type) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("type")).isEqualTo(type);
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertSecurityHeaders(response);
  }

  public static void assertSecurityHeaders(HttpResponse<Buffer> response) {
    assertThat(response.getHeader("API-Version")).isEqualTo(ResponseHeaders.API_VERSION);
    assertThat(response.getHeader("Strict-Transport-Security")).startsWith("max-age=31536000");
    assertThat(response.getHeader("Content-Security-Policy"))
        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.getHeader(RequestIds.HEADER)).isNotBlank();
  }
}
