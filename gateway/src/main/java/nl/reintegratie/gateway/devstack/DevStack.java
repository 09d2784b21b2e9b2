package nl.reintegratie.gateway.devstack;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.app.Gateway;
import nl.reintegratie.gateway.config.ConfigException;
import nl.reintegratie.gateway.config.ConfigLoader;
import nl.reintegratie.gateway.config.GatewayConfig;

/**
 * The development stack behind {@code ./run.sh}: starts Keycloak (from the Maven Central
 * distribution, with the realm from {@code keys-dev/}), then the gateway with its embedded
 * store, prints where to go and who to log in as, and on Ctrl-C stops everything it started.
 * All state lives under {@code data/}, so a second start keeps the first one's data.
 */
public final class DevStack {

  private DevStack() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putIfAbsent("GATEWAY_PROFILE", "dev");
    if (!"dev".equalsIgnoreCase(env.get("GATEWAY_PROFILE"))) {
      System.err.println("The dev stack runs only with GATEWAY_PROFILE=dev; start the gateway jar for prod.");
      System.exit(2);
    }
    int keycloakPort = Integer.parseInt(env.getOrDefault("KEYCLOAK_PORT", "8180"));
    int managementPort = Integer.parseInt(env.getOrDefault("KEYCLOAK_MANAGEMENT_PORT", "9180"));
    env.putIfAbsent("OIDC_ISSUER", "http://127.0.0.1:" + keycloakPort + "/realms/reintegratie");
    Path data = Path.of(env.getOrDefault("DATA_DIR", "data")).toAbsolutePath();
    env.putIfAbsent("STORE_DIR", data.resolve("store").toString());

    GatewayConfig config;
    try {
      config = ConfigLoader.load(env);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }

    Path keysDev = Path.of("keys-dev").toAbsolutePath();
    Path realmTemplate = keysDev.resolve("keycloak/realm-reintegratie.json");
    Path keycloakData = data.resolve("keycloak");
    Files.createDirectories(keycloakData);
    // KeycloakProcess rebuilds its own import folder from this file at every start
    Path realmFile = KeycloakProcess.writeImportFile(realmTemplate, keycloakData.resolve("realm"),
        config.http().publicOrigin());

    System.out.println("Keycloak starten (eerste keer duurt ongeveer een minuut)...");
    KeycloakProcess keycloak = KeycloakProcess.start(new KeycloakProcess.Settings(
        Path.of(System.getProperty("keycloak.home")), keycloakData, keycloakPort, managementPort,
        realmFile, Files.readString(keysDev.resolve("keycloak/admin.secret")).trim(),
        data.resolve("logs/keycloak.log")));

    Vertx vertx = Vertx.vertx();
    Gateway gateway;
    try {
      gateway = Gateway.start(vertx, config).await(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("De gateway kon niet starten: " + e.getMessage());
      vertx.close().await();
      keycloak.close();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stoppen...");
      try {
        gateway.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("Gateway stopped with " + e.getClass().getSimpleName());
      } finally {
        keycloak.close();
      }
    }, "dev-stack-shutdown"));

    System.out.println(banner(config, keycloak, realmTemplate));
  }

  private static String banner(GatewayConfig config, KeycloakProcess keycloak, Path realm) throws Exception {
    StringBuilder out = new StringBuilder("\n");
    out.append("  Portaal:          ").append(config.http().publicOrigin()).append("/\n");
    out.append("  API (OpenAPI):    ").append(config.http().publicOrigin()).append("/api/v1/openapi.json\n");
    out.append("  Aanbieders (API): werkpad, kansrijk, startlijn; hun ondertekensleutels staan in keys-dev/providers/\n");
    out.append("  Keycloak beheer:  ").append(keycloak.baseUrl()).append("/admin/  (admin, wachtwoord in keys-dev/keycloak/admin.secret)\n");
    out.append("  Data:             ").append(config.store().embeddedDir().getParent()).append("\n\n");
    out.append("  Demo-accounts (alleen voor ontwikkeling):\n");
    out.append(String.format("    %-14s %-22s %-14s %s%n", "gebruiker", "wachtwoord", "rol", "naam / organisatie"));
    JsonArray users = new JsonObject(Files.readString(realm)).getJsonArray("users", new JsonArray());
    for (Object o : users) {
      JsonObject user = (JsonObject) o;
      JsonArray credentials = user.getJsonArray("credentials", new JsonArray());
      String password = credentials.isEmpty() ? "" : credentials.getJsonObject(0).getString("value", "");
      JsonObject attributes = user.getJsonObject("attributes", new JsonObject());
      String organisation = attributes.getJsonArray("organisation", new JsonArray()).isEmpty() ? ""
          : " / " + attributes.getJsonArray("organisation").getString(0);
      out.append(String.format("    %-14s %-22s %-14s %s%s%n", user.getString("username"), password,
          String.join(",", user.getJsonArray("realmRoles", new JsonArray()).stream().map(String::valueOf).toList()),
          user.getString("firstName", "") + " " + user.getString("lastName", ""), organisation));
    }
    out.append("\n  Stoppen: Ctrl-C (stopt ook Keycloak).\n");
    return out.toString();
  }
}
