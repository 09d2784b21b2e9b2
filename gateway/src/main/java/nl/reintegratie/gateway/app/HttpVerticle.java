package nl.reintegratie.gateway.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nl.reintegratie.gateway.config.GatewayConfig;
import nl.reintegratie.gateway.http.GatewayRouter;
import nl.reintegratie.gateway.http.MalformedRequestHandler;

/**
 * One HTTPS listener with its own router. Several instances share the port, one per event
 * loop; the services behind the routes are shared and thread-safe.
 */
final class HttpVerticle extends VerticleBase {

  /** Limits on what a request may be before any handler sees it (414/431 beyond these). */
  static final int MAX_REQUEST_LINE = 8 * 1024;
  static final int MAX_HEADERS = 16 * 1024;

  private final GatewayConfig.Http settings;
  private final int port;
  private final Consumer<Router> routes;
  private HttpServer server;

  HttpVerticle(GatewayConfig.Http settings, int port, Consumer<Router> routes) {
    this.settings = settings;
    this.port = port;
    this.routes = routes;
  }

  @Override
  public Future<?> start() {
    Router router = GatewayRouter.create(vertx, settings.maxBodyBytes());
    routes.accept(router);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(settings.host())
        .setPort(port)
        .setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions()
            .setCertPath(settings.tlsCertFile().toString())
            .setKeyPath(settings.tlsKeyFile().toString()))
        .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"))
        .setUseAlpn(true)
        .setMaxInitialLineLength(MAX_REQUEST_LINE)
        .setMaxHeaderSize(MAX_HEADERS)
        // compressed responses with secrets next to attacker-chosen text leak (BREACH)
        .setCompressionSupported(false)
        .setIdleTimeout(60)
        .setIdleTimeoutUnit(TimeUnit.SECONDS);
    options.getInitialSettings().setMaxHeaderListSize(MAX_HEADERS);
    server = vertx.createHttpServer(options)
        .invalidRequestHandler(new MalformedRequestHandler())
        .requestHandler(router);
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    // let requests in flight finish; new connections are refused from now on
    return server == null ? Future.succeededFuture() : server.shutdown(10, TimeUnit.SECONDS);
  }
}
