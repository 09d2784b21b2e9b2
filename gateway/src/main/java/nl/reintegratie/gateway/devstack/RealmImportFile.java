package nl.reintegratie.gateway.devstack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Turns the committed development realm ({@code keys-dev/keycloak/realm-reintegratie.json}) into
 * the file Keycloak imports, with the {@code portal-bff} client pointing at the gateway that will
 * actually run. The committed realm is written for {@code https://localhost:8443}; tests run the
 * gateway on a random port, and a second dev stack may use another port, so the redirect URI,
 * post-logout redirect URI and web origin are rewritten per run.
 */
public final class RealmImportFile {

  /** The confidential client through which the gateway's backend-for-frontend logs users in. */
  public static final String BFF_CLIENT_ID = "portal-bff";

  /** Path on the gateway that receives the authorization code. */
  public static final String CALLBACK_PATH = "/bff/callback";

  private RealmImportFile() {
  }

  /**
   * Writes the patched realm into {@code targetDir}.
   *
   * @param realmTemplate  the realm JSON from keys-dev
   * @param targetDir      directory to write into (created if missing)
   * @param gatewayBaseUrl scheme, host and port of the gateway, e.g. {@code https://localhost:8443}
   * @return the written file, named {@code <realm>-realm.json} because Keycloak's directory import
   *     refuses any other name ("File name / realm name mismatch")
   */
  public static Path write(Path realmTemplate, Path targetDir, String gatewayBaseUrl) {
    Objects.requireNonNull(realmTemplate, "realmTemplate");
    Objects.requireNonNull(targetDir, "targetDir");
    String base = normaliseBaseUrl(gatewayBaseUrl);

    JsonObject realm = read(realmTemplate);
    patchBffClient(realm, base);

    Path target = targetDir.resolve(fileNameFor(realmName(realm)));
    try {
      Files.createDirectories(targetDir);
      Files.writeString(target, realm.encodePrettily(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write realm import file " + target, e);
    }
    return target;
  }

  /** The realm name ({@code "realm"} field) of a realm JSON file. */
  public static String realmName(Path realmFile) {
    return realmName(read(realmFile));
  }

  /** The file name Keycloak's directory import requires for a realm. */
  public static String fileNameFor(String realmName) {
    return realmName + "-realm.json";
  }

  static String realmName(JsonObject realm) {
    String name = realm.getString("realm");
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("Realm JSON has no usable \"realm\" name: " + name);
    }
    return name;
  }

  private static void patchBffClient(JsonObject realm, String base) {
    JsonObject client = findClient(realm, BFF_CLIENT_ID);
    client.put("redirectUris", new JsonArray().add(base + CALLBACK_PATH));
    client.put("webOrigins", new JsonArray().add(base));
    if (client.containsKey("rootUrl")) {
      client.put("rootUrl", base);
    }
    if (client.containsKey("baseUrl")) {
      client.put("baseUrl", base + "/");
    }
    JsonObject attributes = client.getJsonObject("attributes");
    if (attributes == null) {
      attributes = new JsonObject();
      client.put("attributes", attributes);
    }
    // Keycloak stores several post-logout redirect URIs as one "##"-separated string.
    attributes.put("post.logout.redirect.uris", base + "/*");
  }

  private static JsonObject findClient(JsonObject realm, String clientId) {
    JsonArray clients = realm.getJsonArray("clients", new JsonArray());
    for (int i = 0; i < clients.size(); i++) {
      JsonObject client = clients.getJsonObject(i);
      if (clientId.equals(client.getString("clientId"))) {
        return client;
      }
    }
    throw new IllegalArgumentException("Realm JSON has no client " + clientId);
  }

  private static String normaliseBaseUrl(String gatewayBaseUrl) {
    Objects.requireNonNull(gatewayBaseUrl, "gatewayBaseUrl");
    URI uri = URI.create(gatewayBaseUrl);
    if (uri.getScheme() == null || uri.getHost() == null
        || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
      throw new IllegalArgumentException("Gateway base URL must be an absolute http(s) URL: " + gatewayBaseUrl);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("Gateway base URL must not have a query or fragment: " + gatewayBaseUrl);
    }
    String base = gatewayBaseUrl;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base;
  }

  private static JsonObject read(Path realmFile) {
    try {
      return new JsonObject(Files.readString(realmFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read realm file " + realmFile, e);
    }
  }
}
