package nl.reintegratie.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import nl.reintegratie.protocol.signature.ContentDigest;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.MessageSigner;
import nl.reintegratie.protocol.signature.SignatureParams;

/**
 * A stand-in for the gateway: the JDK's HTTPS server with the dev TLS certificate for {@code localhost}, answering
 * every request with what the test's responder returns, and keeping each request as it arrived on the wire.
 * {@link #signed} builds a response exactly as the gateway's {@code ResponseSigner} does, so tests can tamper with
 * one part of it.
 */
public final class FakeGateway implements AutoCloseable {

  /** A request as the server received it. */
  public record Received(String method, String rawPathAndQuery, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : String.join(", ", values);
    }
  }

  /** What to answer. */
  public record Reply(int status, Map<String, String> headers, byte[] body) {

    public Reply withStatus(int other) {
      return new Reply(other, headers, body);
    }

    public Reply withBody(byte[] other) {
      return new Reply(status, headers, other);
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Reply(status, copy, body);
    }

    public Reply withoutHeader(String name) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.remove(name);
      return new Reply(status, copy, body);
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpsServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private volatile Function<Received, Reply> responder;

  private FakeGateway(Function<Received, Reply> responder) throws Exception {
    this.responder = responder;
    server = HttpsServer.create(new InetSocketAddress("localhost", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tlsContext()));
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static FakeGateway start(Function<Received, Reply> responder) throws Exception {
    return new FakeGateway(responder);
  }

  public URI url() {
    return URI.create("https://localhost:" + server.getAddress().getPort());
  }

  public void respond(Function<Received, Reply> responder) {
    this.responder = responder;
  }

  public List<Received> received() {
    return new ArrayList<>(received);
  }

  public Received last() {
    List<Received> all = received();
    return all.get(all.size() - 1);
  }

  /** A response signed like the gateway's {@code ResponseSigner}: dev gateway key, label gateway, created now. */
  public static Reply signed(int status, String contentType, byte[] body) {
    return signed(status, contentType, body, DevKeys.gatewaySigningKey(), DevKeys.GATEWAY_KEY_ID, Instant.now(),
        List.of("@status", "content-type", "content-digest", "x-request-id"));
  }

  public static Reply signed(int status, String contentType, byte[] body, Ed25519SigningKey key, String keyId,
                             Instant created, List<String> components) {
    String requestId = UUID.randomUUID().toString();
    String digest = ContentDigest.sha256(body);
    HttpMessage response = HttpMessage.response(status).withHeader("Content-Type", contentType)
        .withHeader("Content-Digest", digest).withHeader("X-Request-ID", requestId);
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    MessageSigner.SignatureHeaders signature = new MessageSigner(key).sign(response, "gateway",
        SignatureParams.of(components, created, keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(nonce),
            null));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("X-Request-ID", requestId);
    headers.put("Content-Digest", digest);
    headers.put("Signature-Input", signature.signatureInput());
    headers.put("Signature", signature.signature());
    return new Reply(status, headers, body);
  }

  /** An unsigned problem response, as the gateway's failure handler writes them. */
  public static Reply problem(int status, String type) {
    byte[] body = ("{\"type\":\"urn:nl-reintegratie:problem:" + type + "\",\"title\":\"t\",\"status\":" + status
        + ",\"detail\":\"d\"}").getBytes(StandardCharsets.UTF_8);
    return new Reply(status, Map.of("Content-Type", "application/problem+json", "X-Request-ID",
        UUID.randomUUID().toString()), body);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
          List.copyOf(values)));
      URI uri = exchange.getRequestURI();
      Received request = new Received(exchange.getRequestMethod(),
          uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), headers, body);
      received.add(request);
      Reply reply = responder.apply(request);
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      if (reply.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }

  private static final char[] PASSWORD = "in-memory-only".toCharArray();

  // the dev certificate for localhost, the way the gateway serves it
  private static SSLContext tlsContext() throws Exception {
    Path tls = DevKeys.keysDev().resolve("tls");
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
        new PKCS8EncodedKeySpec(DevKeys.der(tls.resolve("localhost.key"))));
    Certificate certificate;
    try (InputStream in = Files.newInputStream(tls.resolve("localhost.crt"))) {
      certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("localhost", key, PASSWORD, new Certificate[] {certificate});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
