package nl.reintegratie.gateway.testsupport;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real OpenID Connect authorization-code login with PKCE (S256) against Keycloak, done with plain
 * HTTP instead of a browser: GET the authorize URL, fill in Keycloak's login form, take the
 * {@code code} from the redirect, exchange it (with client secret and code verifier) for tokens.
 *
 * <p>Every {@link #authorize} call uses a new cookie jar, i.e. a fresh browser without SSO session.
 * Redirects are never followed automatically, so tests can inspect every step.
 */
public final class OidcBrowserlessLogin {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final String issuer;
  private final String clientId;
  private final String clientSecret;
  private final String redirectUri;
  private JsonObject discovery;

  public OidcBrowserlessLogin(String issuer, String clientId, String clientSecret, String redirectUri) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
  }

  /** Tokens from a successful login. */
  public record Tokens(JsonObject response) {

    public String accessToken() {
      return response.getString("access_token");
    }

    public String idToken() {
      return response.getString("id_token");
    }

    public String refreshToken() {
      return response.getString("refresh_token");
    }

    public JsonObject accessTokenClaims() {
      return Jwts.payload(accessToken());
    }

    public JsonObject idTokenClaims() {
      return Jwts.payload(idToken());
    }
  }

  /**
   * Outcome of the browser part of the flow.
   *
   * @param code          the authorization code, or null when Keycloak did not redirect back
   * @param codeVerifier  the PKCE verifier that belongs to this attempt
   * @param lastResponse  Keycloak's last response (the redirect, or e.g. the login page again)
   */
  public record Authorization(String code, String codeVerifier, HttpResponse<String> lastResponse) {

    public boolean succeeded() {
      return code != null;
    }

    /** True when Keycloak answered with its login form again (e.g. wrong password). */
    public boolean showsLoginForm() {
      return lastResponse.statusCode() == 200 && lastResponse.body().contains("kc-form-login");
    }
  }

  /** Logs in and returns the tokens; fails if any step does not go as a successful login should. */
  public Tokens login(String username, String password) {
    Authorization authorization = authorize(username, password);
    if (!authorization.succeeded()) {
      throw new IllegalStateException("Login of " + username + " did not return an authorization code; Keycloak "
          + "answered " + describe(authorization.lastResponse()));
    }
    return exchange(authorization);
  }

  /** Runs the browser part: authorize request, login form, redirect back with code and state. */
  public Authorization authorize(String username, String password) {
    HttpClient browser = newBrowser();
    String state = randomToken();
    String codeVerifier = randomToken() + randomToken();

    HttpResponse<String> loginPage = send(browser, HttpRequest.newBuilder(authorizeUri(redirectUri, state,
        codeChallenge(codeVerifier))).GET());
    if (loginPage.statusCode() != 200) {
      throw new IllegalStateException("Authorize request failed: " + describe(loginPage));
    }
    LoginForm form = LoginForm.parse(loginPage.body());
    Map<String, String> fields = new LinkedHashMap<>(form.hiddenFields());
    fields.put("username", username);
    fields.put("password", password);

    HttpResponse<String> afterLogin = send(browser, HttpRequest.newBuilder(URI.create(form.action()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formEncode(fields))));

    Optional<String> location = afterLogin.headers().firstValue("Location");
    if (afterLogin.statusCode() != 302 || location.isEmpty() || !location.get().startsWith(redirectUri + "?")) {
      return new Authorization(null, codeVerifier, afterLogin);
    }
    Map<String, String> query = parseQuery(URI.create(location.get()).getRawQuery());
    if (!state.equals(query.get("state"))) {
      throw new IllegalStateException("State mismatch in redirect: expected " + state + ", got " + query.get("state"));
    }
    if (query.containsKey("iss") && !issuer.equals(query.get("iss"))) {
      throw new IllegalStateException("Unexpected iss in redirect (RFC 9207): " + query.get("iss"));
    }
    if (query.containsKey("error")) {
      throw new IllegalStateException("Keycloak redirected with error " + query.get("error"));
    }
    return new Authorization(query.get("code"), codeVerifier, afterLogin);
  }

  /** Exchanges the code at the token endpoint, authenticating with the client secret (Basic). */
  public Tokens exchange(Authorization authorization) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", authorization.code());
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", authorization.codeVerifier());
    HttpResponse<String> response = send(newBrowser(), HttpRequest.newBuilder(
            URI.create(discovery().getString("token_endpoint")))
        .header("Authorization", basicAuth())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formEncode(form))));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Token request failed: " + describe(response));
    }
    return new Tokens(new JsonObject(response.body()));
  }

  /**
   * Only the first step, with any redirect URI: lets tests check that Keycloak refuses a redirect
   * URI that is not registered.
   */
  public HttpResponse<String> authorizeRequest(String requestedRedirectUri) {
    String verifier = randomToken() + randomToken();
    return send(newBrowser(), HttpRequest.newBuilder(authorizeUri(requestedRedirectUri, randomToken(),
        codeChallenge(verifier))).GET());
  }

  /** The userinfo endpoint's answer for an access token. */
  public JsonObject userInfo(String accessToken) {
    HttpResponse<String> response = send(newBrowser(), HttpRequest.newBuilder(
            URI.create(discovery().getString("userinfo_endpoint")))
        .header("Authorization", "Bearer " + accessToken).GET());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Userinfo request failed: " + describe(response));
    }
    return new JsonObject(response.body());
  }

  /** Keycloak's OpenID discovery document for the realm. */
  public synchronized JsonObject discovery() {
    if (discovery == null) {
      HttpResponse<String> response = send(newBrowser(),
          HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).GET());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Discovery failed: " + describe(response));
      }
      discovery = new JsonObject(response.body());
    }
    return discovery;
  }

  // ---------------------------------------------------------------------------------------------

  private URI authorizeUri(String requestedRedirectUri, String state, String codeChallenge) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", requestedRedirectUri);
    query.put("scope", "openid");
    query.put("state", state);
    query.put("nonce", randomToken());
    query.put("code_challenge", codeChallenge);
    query.put("code_challenge_method", "S256");
    return URI.create(discovery().getString("authorization_endpoint") + "?" + formEncode(query));
  }

  private String basicAuth() {
    // RFC 6749 section 2.3.1: id and secret are form-encoded before base64.
    String credentials = urlEncode(clientId) + ":" + urlEncode(clientSecret);
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpClient newBrowser() {
    return HttpClient.newBuilder()
        .cookieHandler(new LoopbackCookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(TIMEOUT)
        .build();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static String describe(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body();
    String error = extract(body, "id=\"input-error[^\"]*\"[^>]*>\\s*([^<]+)")
        .or(() -> extract(body, "class=\"[^\"]*(?:alert|feedback)[^\"]*\"[^>]*>\\s*([^<]+)"))
        .orElse("");
    return response.statusCode() + " " + response.headers().firstValue("Location").map(l -> "-> " + l).orElse("")
        + (error.isBlank() ? "" : " [" + error.trim() + "]")
        + " title=" + extract(body, "<title>([^<]*)</title>").orElse("?");
  }

  private static Optional<String> extract(String text, String regex) {
    Matcher matcher = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private static String codeChallenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String formEncode(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    fields.forEach((name, value) -> {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(urlEncode(name)).append('=').append(urlEncode(value));
    });
    return sb.toString();
  }

  private static String urlEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> result = new LinkedHashMap<>();
    if (rawQuery == null) {
      return result;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      result.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return result;
  }

  /**
   * Keycloak marks its login-session cookies {@code Secure} even on http://127.0.0.1. Browsers treat
   * loopback as a secure context and send them anyway; the JDK's CookieManager never sends a Secure
   * cookie over http. So, for plain-http loopback URIs only, the Secure flag is dropped on receipt.
   */
  static final class LoopbackCookieManager extends CookieManager {

    private static final Pattern SECURE = Pattern.compile(";\\s*Secure\\s*(?=;|$)", Pattern.CASE_INSENSITIVE);

    LoopbackCookieManager() {
      super(null, CookiePolicy.ACCEPT_ALL);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
      super.put(uri, isLoopbackHttp(uri) ? withoutSecure(responseHeaders) : responseHeaders);
    }

    private static boolean isLoopbackHttp(URI uri) {
      String host = uri.getHost();
      return "http".equalsIgnoreCase(uri.getScheme())
          && ("127.0.0.1".equals(host) || "localhost".equalsIgnoreCase(host) || "[::1]".equals(host));
    }

    private static Map<String, List<String>> withoutSecure(Map<String, List<String>> headers) {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      headers.forEach((name, values) -> {
        boolean setCookie = name != null
            && (name.equalsIgnoreCase("Set-Cookie") || name.equalsIgnoreCase("Set-Cookie2"));
        copy.put(name, setCookie
            ? values.stream().map(v -> SECURE.matcher(v).replaceAll("")).collect(Collectors.toList())
            : values);
      });
      return copy;
    }
  }

  /** The login form of Keycloak's login theme: where to POST, and its hidden fields. */
  record LoginForm(String action, Map<String, String> hiddenFields) {

    static LoginForm parse(String html) {
      Matcher forms = FORM.matcher(html);
      while (forms.find()) {
        String tag = forms.group();
        if ("kc-form-login".equals(attribute(tag, "id"))) {
          String action = attribute(tag, "action");
          if (action == null) {
            break;
          }
          int end = html.indexOf("</form>", forms.end());
          String body = html.substring(forms.end(), end < 0 ? html.length() : end);
          return new LoginForm(Html.unescape(action), hiddenFields(body));
        }
      }
      throw new IllegalStateException("No Keycloak login form (id=kc-form-login) in page: "
          + html.substring(0, Math.min(html.length(), 500)));
    }

    private static Map<String, String> hiddenFields(String formBody) {
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher inputs = INPUT.matcher(formBody);
      while (inputs.find()) {
        String tag = inputs.group();
        String name = attribute(tag, "name");
        if ("hidden".equalsIgnoreCase(attribute(tag, "type")) && name != null) {
          String value = attribute(tag, "value");
          fields.put(Html.unescape(name), value == null ? "" : Html.unescape(value));
        }
      }
      return fields;
    }

    private static String attribute(String tag, String name) {
      Matcher matcher = Pattern.compile("\\s" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')",
          Pattern.CASE_INSENSITIVE).matcher(tag);
      if (!matcher.find()) {
        return null;
      }
      return matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
    }
  }

  /** Just enough HTML entity decoding for attribute values Keycloak's FreeMarker templates emit. */
  static final class Html {

    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|apos|lt|gt);");

    private Html() {
    }

    static String unescape(String text) {
      Matcher matcher = ENTITY.matcher(text);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        String entity = matcher.group(1);
        String replacement;
        if (entity.startsWith("#x")) {
          replacement = new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
        } else if (entity.startsWith("#")) {
          replacement = new String(Character.toChars(Integer.parseInt(entity.substring(1))));
        } else {
          replacement = switch (entity) {
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "lt" -> "<";
            default -> ">";
          };
        }
        matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      matcher.appendTail(out);
      return out.toString();
    }
  }
}
