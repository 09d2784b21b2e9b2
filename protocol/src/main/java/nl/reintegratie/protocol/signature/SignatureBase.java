package nl.reintegratie.protocol.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The signature base of RFC 9421 section 2.5: one line {@code "name": value} per covered component, in the order
 * of the Signature-Input, then {@code "@signature-params": <serialised params>}, joined with LF, no trailing LF.
 *
 * <p>Supported components: the derived {@code @method}, {@code @target-uri}, {@code @authority}, {@code @scheme},
 * {@code @path}, {@code @query} (requests) and {@code @status} (responses), and HTTP fields by lower-cased name.
 */
public final class SignatureBase {

  private SignatureBase() {
  }

  /**
   * The signature base of {@code message} for {@code params}, as UTF-8 bytes (every line is ASCII unless a field
   * value is not). Failure: {@link SignatureException} with {@link RejectionReason#MISSING_COMPONENT} when a
   * covered field is absent or a derived component does not apply to this kind of message;
   * {@link RejectionReason#MALFORMED} for a component listed twice, an unknown derived component, a name that is
   * not lower case, or a field value with a line break.
   */
  public static byte[] build(HttpMessage message, SignatureParams params) {
    StringBuilder base = new StringBuilder();
    Set<String> seen = new HashSet<>();
    for (String component : params.components()) {
      if (!seen.add(component) || component.isEmpty() || !component.equals(component.toLowerCase(Locale.ROOT))
          || component.equals("@signature-params")) {
        throw new SignatureException(RejectionReason.MALFORMED);
      }
      String value = component.startsWith("@") ? derived(message, component) : field(message, component);
      // a line break inside a value could forge an extra line of the base
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        throw new SignatureException(RejectionReason.MALFORMED);
      }
      base.append(StructuredFields.serializeBareItem(component)).append(": ").append(value).append('\n');
    }
    base.append("\"@signature-params\": ").append(params.serialize());
    return base.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String field(HttpMessage message, String name) {
    return message.field(name).orElseThrow(() -> new SignatureException(RejectionReason.MISSING_COMPONENT));
  }

  private static String derived(HttpMessage message, String name) {
    if (name.equals("@status")) {
      if (message.isRequest()) {
        throw new SignatureException(RejectionReason.MISSING_COMPONENT);
      }
      return String.format(Locale.ROOT, "%03d", message.status());
    }
    if (!Set.of("@method", "@target-uri", "@authority", "@scheme", "@path", "@query").contains(name)) {
      throw new SignatureException(RejectionReason.MALFORMED);
    }
    if (!message.isRequest()) {
      // request components in a response need the ;req parameter, which is not supported
      throw new SignatureException(RejectionReason.MISSING_COMPONENT);
    }
    URI uri = message.targetUri();
    return switch (name) {
      case "@method" -> message.method();
      case "@target-uri" -> uri.toASCIIString();
      case "@authority" -> authority(uri);
      case "@scheme" -> uri.getScheme().toLowerCase(Locale.ROOT);
      case "@path" -> uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      default -> "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery()); // @query
    };
  }

  // host[:port] lower-cased, the default port of the scheme left out (RFC 9421 section 2.2.3, RFC 9110 4.2.3)
  private static String authority(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      throw new SignatureException(RejectionReason.MALFORMED);
    }
    host = host.toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean defaultPort = port == -1 || (port == 443 && scheme.equals("https")) || (port == 80 && scheme.equals("http"));
    return defaultPort ? host : host + ":" + port;
  }
}
