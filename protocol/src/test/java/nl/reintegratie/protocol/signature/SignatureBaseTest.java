package nl.reintegratie.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Derived components and field canonicalisation of RFC 9421 sections 2.1 and 2.2. */
class SignatureBaseTest {

  static String base(HttpMessage message, String... components) {
    return new String(SignatureBase.build(message, new SignatureParams(List.of(components), Map.of())),
        StandardCharsets.UTF_8);
  }

  @Test
  void derivedComponents_followRfc9421Section22() {
    HttpMessage request = HttpMessage.request("POST", URI.create("https://WWW.Example.com:443/a%20b/c?x=1&y=%2F"));

    assertThat(base(request, "@method", "@target-uri", "@authority", "@scheme", "@path", "@query"))
        .isEqualTo(String.join("\n",
            "\"@method\": POST",
            "\"@target-uri\": https://WWW.Example.com:443/a%20b/c?x=1&y=%2F",
            "\"@authority\": www.example.com",
            "\"@scheme\": https",
            "\"@path\": /a%20b/c",
            "\"@query\": ?x=1&y=%2F",
            "\"@signature-params\": (\"@method\" \"@target-uri\" \"@authority\" \"@scheme\" \"@path\" \"@query\")"));
  }

  @Test
  void nonDefaultPortEmptyPathAndNoQuery_areKept() {
    HttpMessage request = HttpMessage.request("GET", URI.create("http://example.com:8080"));

    assertThat(base(request, "@authority", "@path", "@query"))
        .startsWith("\"@authority\": example.com:8080\n\"@path\": /\n\"@query\": ?\n");
  }

  @Test
  void fields_areTrimmedAndMultipleValuesJoined() {
    HttpMessage request = HttpMessage.request("GET", URI.create("https://example.com/"))
        .withHeader("X-Multi", "  a ").withHeader("x-multi", "b\t").withHeader("X-Empty", "");

    assertThat(base(request, "x-multi", "x-empty")).startsWith("\"x-multi\": a, b\n\"x-empty\": \n");
  }

  @Test
  void responseStatus_isThreeDigits() {
    assertThat(base(HttpMessage.response(200).withHeader("Content-Type", "application/json"),
        "@status", "content-type")).startsWith("\"@status\": 200\n\"content-type\": application/json\n");
  }

  @Test
  void requestComponentInAResponseOrStatusInARequest_isMissingComponent() {
    assertThatThrownBy(() -> base(HttpMessage.response(200), "@method"))
        .isInstanceOfSatisfying(SignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.MISSING_COMPONENT));
    assertThatThrownBy(() -> base(HttpMessage.request("GET", URI.create("https://a.example/")), "@status"))
        .isInstanceOfSatisfying(SignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.MISSING_COMPONENT));
  }

  @Test
  void duplicateUnknownUpperCaseOrInjectedComponents_areMalformed() {
    HttpMessage request = HttpMessage.request("GET", URI.create("https://a.example/"))
        .withHeader("X-Evil", "a\n\"@method\": POST");
    for (List<String> components : List.of(List.of("@method", "@method"), List.of("@request-target"),
        List.of("Content-Type"), List.of("@signature-params"), List.of("x-evil"))) {
      assertThatThrownBy(() -> base(request, components.toArray(String[]::new))).as(components.toString())
          .isInstanceOfSatisfying(SignatureException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
    }
  }
}
