package nl.reintegratie.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.reintegratie.protocol.crypto.IntegrityException;
import nl.reintegratie.protocol.crypto.ReleaseSealer;

/**
 * The provider API as a provider's system calls it: every request signed with the provider's key
 * ({@link RequestSigner}), every response checked against the gateway's key ({@link ResponseVerifier}) before it is
 * returned, releases opened with the provider's X25519 key. Bodies are bytes: parse the JSON with your own library.
 *
 * <p>Thread-safe and meant to be shared: one client (one HTTP/2 connection pool) serves many concurrent callers.
 * Calls block; each throws {@link IOException} when the gateway cannot be reached (a timeout included) and
 * {@link ResponseVerificationException} when the answer is not provably the gateway's.
 */
public final class ProviderClient {

  /** The media type of {@code GET /api/v1/releases/{releaseId}}: the raw sealed envelope. */
  public static final String SEALED_RELEASE = "application/vnd.nl-reintegratie.sealed-release";
  private static final String API = "/api/v1";
  private static final String USER_AGENT = "reintegratie-provider-client/1";

  private final ProviderCredentials credentials;
  private final RequestSigner signer;
  private final ResponseVerifier verifier;
  private final HttpClient http;
  private final Duration requestTimeout;

  private ProviderClient(Builder builder) {
    this.credentials = builder.credentials;
    this.signer = new RequestSigner(builder.gatewayUrl, credentials.signingKeyId(), credentials.signingKey(),
        builder.clock);
    this.verifier = new ResponseVerifier(builder.gatewayKey, builder.clockSkew, builder.clock);
    this.requestTimeout = builder.requestTimeout;
    this.http = HttpClient.newBuilder()
        .sslContext(builder.trust.sslContext())
        .version(HttpClient.Version.HTTP_2) // over TLS only when the server offers it (ALPN); else HTTP/1.1
        .connectTimeout(builder.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER) // a redirect would need a new signature for its new URI
        .build();
  }

  /**
   * Starts a client for {@code credentials} against the gateway at {@code gatewayUrl} (its public base URL,
   * {@code https://host[:port]}) whose responses are signed with {@code gatewayKey}.
   */
  public static Builder builder(ProviderCredentials credentials, URI gatewayUrl, GatewayKey gatewayKey) {
    return new Builder(credentials, gatewayUrl, gatewayKey);
  }

  /** {@code GET /api/v1/trajectories}: the trajectories commissioned to this provider, as JSON. */
  public GatewayResponse trajectories() throws IOException, InterruptedException {
    return send(ProviderRequest.get(API + "/trajectories"));
  }

  /** {@code GET /api/v1/trajectories/{trajectoryId}}; 404 problem for another provider's trajectory. */
  public GatewayResponse trajectory(String trajectoryId) throws IOException, InterruptedException {
    return send(ProviderRequest.get(trajectoryPath(trajectoryId)));
  }

  /**
   * {@code POST /api/v1/trajectories/{trajectoryId}/<kind>} with {@code json} as the body: 201 with
   * {@code {documentId, version}} and a {@code Location}. A repeat with the same {@code idempotencyKey} and body
   * answers the same document (header {@code Idempotent-Replayed: true}); the same key with another body is 422.
   * So: make the key once per document ({@link ProviderRequest#newIdempotencyKey()}), keep it, and retry with it
   * after a timeout or any other failure whose outcome you do not know.
   */
  public GatewayResponse submit(String trajectoryId, DocumentKind kind, byte[] json, String idempotencyKey)
      throws IOException, InterruptedException {
    return send(ProviderRequest.postJson(trajectoryPath(trajectoryId) + "/" + kind.pathSegment(), json,
        idempotencyKey));
  }

  /**
   * {@code GET /api/v1/trajectories/{trajectoryId}/<kind>/{documentId}}: the document's latest version, the body
   * exactly as submitted (header {@code Document-Version}).
   */
  public GatewayResponse document(String trajectoryId, DocumentKind kind, String documentId)
      throws IOException, InterruptedException {
    return send(ProviderRequest.get(trajectoryPath(trajectoryId) + "/" + kind.pathSegment() + "/"
        + PathSegments.encode(documentId)));
  }

  /** {@code GET /api/v1/releases}: the releases waiting for this provider, {@code {"releases":[{"releaseId":..}]}}. */
  public GatewayResponse releases() throws IOException, InterruptedException {
    return send(ProviderRequest.get(API + "/releases"));
  }

  /**
   * Fetches {@code GET /api/v1/releases/{releaseId}}, verifies the gateway's signature, and opens the sealed
   * envelope with this provider's X25519 key under the release's associated data (release id and this
   * organisation's id). Success: the release's plaintext (UTF-8 JSON). Failure: {@link ProblemResponseException}
   * for a non-2xx answer; {@link ReleaseOpeningException} when the verified answer is not a sealed release or does
   * not open for this release and organisation.
   */
  public byte[] fetchRelease(String releaseId) throws IOException, InterruptedException {
    GatewayResponse response = send(ProviderRequest.get(API + "/releases/" + PathSegments.encode(releaseId)));
    if (!response.isSuccessful()) {
      throw new ProblemResponseException(response);
    }
    if (response.status() != 200 || !response.mediaType().equals(SEALED_RELEASE)) {
      throw new ReleaseOpeningException("release " + releaseId + ": expected 200 " + SEALED_RELEASE + ", got "
          + response.status() + " " + (response.mediaType().isEmpty() ? "without Content-Type" : response.mediaType()));
    }
    try {
      return ReleaseSealer.open(credentials.encryptionKey(), response.bodyBytes(),
          ReleaseSealer.releaseData(releaseId, credentials.organisationId()));
    } catch (IntegrityException e) {
      throw new ReleaseOpeningException("release " + releaseId + " does not open with the key of organisation \""
          + credentials.organisationId() + "\": sealed to another organisation or release, or changed on the way");
    }
  }

  /**
   * Any request: {@code body} {@code null} for none, otherwise sent as {@code application/json}. A POST gets a
   * fresh Idempotency-Key; use {@link #send(ProviderRequest)} to set your own (and retry safely with it).
   */
  public GatewayResponse send(String method, String path, byte[] body) throws IOException, InterruptedException {
    String key = method.equals("POST") ? ProviderRequest.newIdempotencyKey() : null;
    return send(new ProviderRequest(method, path, body == null ? null : "application/json", body, key));
  }

  /** Signs and sends {@code request}, then verifies the response (see the class comment). */
  public GatewayResponse send(ProviderRequest request) throws IOException, InterruptedException {
    SignedRequest signed = signer.sign(request);
    HttpRequest.Builder builder = HttpRequest.newBuilder(signed.targetUri())
        .timeout(requestTimeout)
        .header("User-Agent", USER_AGENT)
        .method(signed.method(), signed.bodyBytes() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(signed.bodyBytes()));
    signed.headers().forEach(builder::header);
    HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":")) { // HTTP/2 pseudo-headers are no fields
        headers.put(name, values);
      }
    });
    byte[] body = response.body() == null ? new byte[0] : response.body();
    boolean verified = verifier.verify(response.statusCode(), headers, body);
    return new GatewayResponse(response.statusCode(), headers, body, verified);
  }

  /** The organisation this client speaks for. */
  public String organisationId() {
    return credentials.organisationId();
  }

  private static String trajectoryPath(String trajectoryId) {
    return API + "/trajectories/" + PathSegments.encode(trajectoryId);
  }

  /** Settings of a {@link ProviderClient}; the defaults suit the dev stack and production alike. */
  public static final class Builder {

    private final ProviderCredentials credentials;
    private final URI gatewayUrl;
    private final GatewayKey gatewayKey;
    private TlsTrust trust;
    private Duration clockSkew = Duration.ofMinutes(5);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder(ProviderCredentials credentials, URI gatewayUrl, GatewayKey gatewayKey) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      this.gatewayUrl = Objects.requireNonNull(gatewayUrl, "gatewayUrl");
      this.gatewayKey = Objects.requireNonNull(gatewayKey, "gatewayKey");
    }

    /** Which CAs to trust for the gateway's certificate; default {@link TlsTrust#jvmDefault()}. */
    public Builder trust(TlsTrust trust) {
      this.trust = Objects.requireNonNull(trust);
      return this;
    }

    /**
     * How far the {@code created} of a response signature may lie from the local clock, either way; default 5
     * minutes, the gateway's own window for requests.
     */
    public Builder clockSkew(Duration clockSkew) {
      this.clockSkew = Objects.requireNonNull(clockSkew);
      return this;
    }

    /** Default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout);
      return this;
    }

    /** Per request, until the response headers arrive; default 30 s. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Objects.requireNonNull(requestTimeout);
      return this;
    }

    /** The clock for {@code created} in requests and the skew check of responses; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Failure: {@link IllegalArgumentException} for a gateway URL other than {@code https://host[:port]}. */
    public ProviderClient build() {
      if (trust == null) {
        trust = TlsTrust.jvmDefault();
      }
      return new ProviderClient(this);
    }
  }
}
