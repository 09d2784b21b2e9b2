package nl.reintegratie.gateway.app;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.config.ConfigException;
import nl.reintegratie.gateway.config.ConfigLoader;
import nl.reintegratie.gateway.config.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the gateway alone, configured by the environment (see README). Exit code 2 means
 * the configuration is wrong; the message names every wrong setting.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    GatewayConfig config = configOrExit();
    Vertx vertx = Vertx.vertx();
    try {
      Gateway gateway = Gateway.start(vertx, config).await(120, TimeUnit.SECONDS);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(gateway, vertx), "gateway-shutdown"));
      LOG.info("event=gateway-started profile={} url={}", config.profile(), gateway.url());
    } catch (Exception e) {
      LOG.error("event=gateway-start-failed", e);
      vertx.close();
      System.exit(1);
    }
  }

  /** The configuration from the environment; on a wrong one, says what is wrong and exits with 2. */
  static GatewayConfig configOrExit() {
    try {
      return ConfigLoader.fromEnvironment();
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      throw e; // not reached
    }
  }

  static void stop(Gateway gateway, Vertx vertx) {
    try {
      gateway.stop().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("event=gateway-stop-incomplete cause={}", e.getClass().getSimpleName());
    }
    vertx.close().await();
  }
}
