package nl.reintegratie.gateway.devstack;

import io.vertx.core.json.JsonObject;
import nl.reintegratie.gateway.testsupport.Jwts;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealmImportFileTest {

  @TempDir
  Path tmp;

  @Test
  void rewritesPortalBffUrlsForTheGivenGateway() throws IOException {
    Path template = KeycloakTestServer.devRealmFile();
    String original = Files.readString(template, StandardCharsets.UTF_8);

    Path written = KeycloakProcess.writeImportFile(template, tmp.resolve("import"), "https://localhost:9123/");

    assertThat(written.getFileName()).hasToString("reintegratie-realm.json");
    JsonObject client = portalBff(new JsonObject(Files.readString(written, StandardCharsets.UTF_8)));
    assertThat(Jwts.strings(client.getJsonArray("redirectUris"))).containsExactly("https://localhost:9123/bff/callback");
    assertThat(Jwts.strings(client.getJsonArray("webOrigins"))).containsExactly("https://localhost:9123");
    assertThat(client.getJsonObject("attributes").getString("post.logout.redirect.uris"))
        .isEqualTo("https://localhost:9123/*");
    assertThat(client.getJsonObject("attributes").getString("pkce.code.challenge.method")).isEqualTo("S256");
    assertThat(client.getString("rootUrl")).isEqualTo("https://localhost:9123");
    assertThat(client.getString("baseUrl")).isEqualTo("https://localhost:9123/");
    assertThat(Files.readString(template, StandardCharsets.UTF_8)).as("template untouched").isEqualTo(original);
  }

  @Test
  void keepsEverythingElse() throws IOException {
    Path template = KeycloakTestServer.devRealmFile();
    JsonObject before = new JsonObject(Files.readString(template, StandardCharsets.UTF_8));

    Path written = RealmImportFile.write(template, tmp, "https://localhost:8443");
    JsonObject after = new JsonObject(Files.readString(written, StandardCharsets.UTF_8));

    assertThat(after).isEqualTo(before);
  }

  @Test
  void rejectsUnusableBaseUrls() {
    Path template = KeycloakTestServer.devRealmFile();
    assertThatThrownBy(() -> RealmImportFile.write(template, tmp, "localhost:8443"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RealmImportFile.write(template, tmp, "https://localhost:8443/?x=1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static JsonObject portalBff(JsonObject realm) {
    return realm.getJsonArray("clients").stream().map(JsonObject.class::cast)
        .filter(c -> "portal-bff".equals(c.getString("clientId"))).findFirst().orElseThrow();
  }
}
