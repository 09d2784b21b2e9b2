package nl.reintegratie.gateway.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Which methods the router serves for a path: the {@code Allow} header of a 405. */
final class AllowedMethods {

  private static final Pattern PARAM = Pattern.compile(":[A-Za-z0-9_]+");

  private AllowedMethods() {}

  static String of(Router router, String path) {
    Set<String> methods = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null || route.methods() == null || route.methods().isEmpty()) {
        continue;
      }
      if (matches(route.getPath(), path)) {
        route.methods().stream().map(HttpMethod::name).forEach(methods::add);
      }
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    return String.join(", ", methods);
  }

  private static boolean matches(String template, String path) {
    StringBuilder regex = new StringBuilder();
    java.util.regex.Matcher m = PARAM.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.matches(regex.toString(), path);
  }
}
