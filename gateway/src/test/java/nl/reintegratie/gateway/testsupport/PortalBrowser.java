package nl.reintegratie.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a browser does in the portal's login, with plain HTTP and a cookie jar: follows the
 * gateway's redirect to Keycloak, submits Keycloak's own login form, and comes back. It trusts
 * only the dev CA, so the gateway's certificate is really checked. Each step is a method, so
 * tests can also stop half-way or replay a step, as an attacker would.
 */
public final class PortalBrowser {

  private final String gateway;
  // Keycloak's cookies are Secure even on http://127.0.0.1; browsers send them there, this jar too
  private final CookieManager cookies = new OidcBrowserlessLogin.LoopbackCookieManager();
  private final HttpClient http;

  public PortalBrowser(String gatewayUrl) {
    this.gateway = gatewayUrl;
    this.http = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(trustingDevCa())
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** A browser on {@code gatewayUrl} in which {@code account} has logged in through Keycloak (status 200 checked). */
  public static PortalBrowser loggedIn(String gatewayUrl, DemoAccounts.Account account) throws Exception {
    PortalBrowser browser = new PortalBrowser(gatewayUrl);
    HttpResponse<String> answer = browser.login(account.username(), account.password());
    if (answer.statusCode() != 200) {
      throw new AssertionError("login of " + account.username() + " answered " + answer.statusCode());
    }
    return browser;
  }

  /** Logs in from scratch and returns the portal's {@code /bff/me} answer. */
  public HttpResponse<String> login(String username, String password) throws Exception {
    String keycloakLoginPage = startLogin().headers().firstValue("Location").orElseThrow();
    String callback = submitCredentials(keycloakLoginPage, username, password);
    HttpResponse<String> back = get(callback);
    if (back.statusCode() != 302) {
      throw new IllegalStateException("callback answered " + back.statusCode() + ": " + back.body());
    }
    return get(gateway + "/bff/me");
  }

  /** {@code GET /bff/login}: the gateway's redirect to Keycloak. */
  public HttpResponse<String> startLogin() throws Exception {
    return get(gateway + "/bff/login");
  }

  /**
   * Opens Keycloak's login page and submits the form.
   *
   * @return where Keycloak sends the browser next: the gateway's callback with code and state
   */
  public String submitCredentials(String keycloakLoginPage, String username, String password) throws Exception {
    HttpResponse<String> page = get(keycloakLoginPage);
    OidcBrowserlessLogin.LoginForm loginForm = OidcBrowserlessLogin.LoginForm.parse(page.body());
    StringBuilder form = new StringBuilder("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    loginForm.hiddenFields().forEach((name, value) -> form.append('&')
        .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(loginForm.action()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    return submitted.headers().firstValue("Location").orElseThrow(() ->
        new IllegalStateException("Keycloak did not redirect after login (" + submitted.statusCode() + ")"));
  }

  public HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A POST as the portal's own page sends it (with its CSRF header). */
  public HttpResponse<String> portalPost(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(gateway + path))
        .header("X-Portal-Request", "1")
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Any request to the gateway with this browser's cookies: {@code jsonBody} (null for none) as
   * {@code application/json}, and {@code headers} as given, nothing added (no CSRF header, no Origin).
   */
  public HttpResponse<String> send(String method, String path, String jsonBody, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
        .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A POST with a JSON body (null for none) as the portal's own page sends it: with its CSRF header. */
  public HttpResponse<String> portalPost(String path, String jsonBody) throws Exception {
    return send("POST", path, jsonBody, Map.of("X-Portal-Request", "1"));
  }

  /** The current value of the gateway's session cookie, if any. */
  public Optional<String> sessionCookie() {
    return cookies.getCookieStore().get(URI.create(gateway)).stream()
        .filter(c -> c.getName().equals("__Host-portal-session"))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  private static SSLContext trustingDevCa() {
    try (InputStream in = Files.newInputStream(ProjectFiles.devCa())) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("dev-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the dev CA", e);
    }
  }
}
