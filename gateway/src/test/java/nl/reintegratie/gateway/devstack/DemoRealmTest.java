package nl.reintegratie.gateway.devstack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.reintegratie.gateway.testsupport.DemoAccounts;
import nl.reintegratie.gateway.testsupport.DemoAccounts.Account;
import nl.reintegratie.gateway.testsupport.Jwts;
import nl.reintegratie.gateway.testsupport.KeycloakTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static checks of the committed development realm (no Keycloak needed): demo BSNs are valid test
 * BSNs, the demo accounts are the documented ones, and the realm avoids the known Keycloak pitfalls.
 */
class DemoRealmTest {

  private static JsonObject realm;

  @BeforeAll
  static void readRealm() throws IOException {
    realm = new JsonObject(Files.readString(KeycloakTestServer.devRealmFile(), StandardCharsets.UTF_8));
  }

  @Test
  void everyDemoClientHasADistinctBsnThatPassesTheElevenProof() {
    List<JsonObject> clients = users().stream()
        .filter(u -> realmRoles(u).contains("client"))
        .toList();
    assertThat(clients).hasSize(3);

    Set<String> seen = new HashSet<>();
    for (JsonObject client : clients) {
      String bsn = singleAttribute(client, "bsn");
      assertThat(bsn).as("BSN of %s", client.getString("username"))
          .matches("9999\\d{5}")
          .satisfies(b -> assertThat(passesElevenProof(b)).as("11-proof of %s", b).isTrue());
      assertThat(seen.add(bsn)).as("BSN %s is unique", bsn).isTrue();
    }
  }

  @Test
  void elevenProofCheckItselfWorks() {
    assertThat(passesElevenProof("999993653")).isTrue();
    assertThat(passesElevenProof("111222333")).isTrue();
    assertThat(passesElevenProof("999993654")).isFalse();
    assertThat(passesElevenProof("12345678")).isFalse();
  }

  @Test
  void onlyClientsHaveABsn() {
    for (JsonObject user : users()) {
      boolean isClient = realmRoles(user).contains("client");
      assertThat(singleAttribute(user, "bsn") != null).as(user.getString("username")).isEqualTo(isClient);
    }
  }

  @Test
  void demoAccountsMatchTheRealm() {
    List<String> usernames = users().stream().map(u -> u.getString("username")).toList();
    assertThat(usernames).containsExactlyInAnyOrderElementsOf(
        DemoAccounts.ALL.stream().map(Account::username).toList());

    for (Account account : DemoAccounts.ALL) {
      JsonObject user = user(account.username());
      assertThat(user.getBoolean("enabled")).isTrue();
      assertThat(user.getBoolean("emailVerified")).isTrue();
      assertThat(realmRoles(user)).containsExactly(account.role());
      assertThat(singleAttribute(user, "organisation")).isEqualTo(account.organisation());
      assertThat(singleAttribute(user, "bsn")).isEqualTo(account.bsn());
      assertThat(user.getString("email")).isEqualTo(account.email());
      JsonObject credential = user.getJsonArray("credentials").getJsonObject(0);
      assertThat(credential.getString("type")).isEqualTo("password");
      assertThat(credential.getString("value")).isEqualTo(account.password());
      assertThat(credential.getBoolean("temporary")).isFalse();
    }
    assertThat(DemoAccounts.ALL.stream().filter(a -> a.role().equals("client")).filter(a -> a.email() == null))
        .as("one client without e-mail").hasSize(1);
  }

  @Test
  void realmAvoidsKnownPitfallsAndHasTheAgreedSettings() {
    assertThat(realm.containsKey("clientScopes"))
        .as("a clientScopes array stops Keycloak creating its built-in scopes").isFalse();
    assertThat(realm.getString("sslRequired")).isEqualTo("external");
    assertThat(realm.getBoolean("bruteForceProtected")).isTrue();
    assertThat(realm.getBoolean("registrationAllowed")).isFalse();
    assertThat(realm.getBoolean("resetPasswordAllowed")).isFalse();
    assertThat(realm.getBoolean("internationalizationEnabled")).isTrue();
    assertThat(Jwts.strings(realm.getJsonArray("supportedLocales"))).containsExactlyInAnyOrder("nl", "en");
    assertThat(realm.getString("defaultLocale")).isEqualTo("nl");
    assertThat(realm.getInteger("accessTokenLifespan")).isEqualTo(300);
    assertThat(realm.getJsonObject("roles").getJsonArray("realm").stream()
        .map(r -> ((JsonObject) r).getString("name")).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("client", "commissioner", "supervisor");
  }

  @Test
  void userProfileDeclaresBsnAndOrganisationAsAdminOnly() {
    JsonObject provider = realm.getJsonObject("components")
        .getJsonArray("org.keycloak.userprofile.UserProfileProvider").getJsonObject(0);
    assertThat(provider.getString("providerId")).isEqualTo("declarative-user-profile");
    JsonObject profile = new JsonObject(provider.getJsonObject("config")
        .getJsonArray("kc.user.profile.config").getString(0));

    for (String name : List.of("bsn", "organisation")) {
      JsonObject attribute = profile.getJsonArray("attributes").stream().map(JsonObject.class::cast)
          .filter(a -> name.equals(a.getString("name"))).findFirst().orElseThrow();
      assertThat(Jwts.strings(attribute.getJsonObject("permissions").getJsonArray("view"))).containsExactly("admin");
      assertThat(Jwts.strings(attribute.getJsonObject("permissions").getJsonArray("edit"))).containsExactly("admin");
    }
    JsonObject bsn = profile.getJsonArray("attributes").stream().map(JsonObject.class::cast)
        .filter(a -> "bsn".equals(a.getString("name"))).findFirst().orElseThrow();
    assertThat(bsn.getJsonObject("validations").getJsonObject("pattern").getString("pattern")).isEqualTo("^[0-9]{9}$");
  }

  @Test
  void portalBffIsAConfidentialCodeFlowClientWithPkce() {
    JsonObject client = realm.getJsonArray("clients").stream().map(JsonObject.class::cast)
        .filter(c -> "portal-bff".equals(c.getString("clientId"))).findFirst().orElseThrow();
    assertThat(client.getBoolean("publicClient")).isFalse();
    assertThat(client.getString("clientAuthenticatorType")).isEqualTo("client-secret");
    assertThat(client.getString("secret")).startsWith("dev-only-").isEqualTo(KeycloakTestServer.devClientSecret());
    assertThat(client.getBoolean("standardFlowEnabled")).isTrue();
    assertThat(client.getBoolean("implicitFlowEnabled")).isFalse();
    assertThat(client.getBoolean("directAccessGrantsEnabled")).isFalse();
    assertThat(client.getBoolean("serviceAccountsEnabled")).isFalse();
    assertThat(client.getJsonObject("attributes").getString("pkce.code.challenge.method")).isEqualTo("S256");
    assertThat(Jwts.strings(client.getJsonArray("redirectUris"))).containsExactly("https://localhost:8443/bff/callback");

    JsonObject bsnMapper = mapper(client, "bsn");
    assertThat(bsnMapper.getJsonObject("config").getString("access.token.claim")).isEqualTo("true");
    assertThat(bsnMapper.getJsonObject("config").getString("id.token.claim")).isEqualTo("false");
    assertThat(bsnMapper.getJsonObject("config").getString("userinfo.token.claim")).isEqualTo("false");
  }

  // ---------------------------------------------------------------------------------------------

  /** 9*d1 + 8*d2 + 7*d3 + 6*d4 + 5*d5 + 4*d6 + 3*d7 + 2*d8 - 1*d9 must be divisible by 11. */
  static boolean passesElevenProof(String bsn) {
    if (bsn == null || !bsn.matches("\\d{9}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (9 - i) * (bsn.charAt(i) - '0');
    }
    sum -= bsn.charAt(8) - '0';
    return sum % 11 == 0;
  }

  private static List<JsonObject> users() {
    List<JsonObject> users = new ArrayList<>();
    realm.getJsonArray("users").forEach(u -> users.add((JsonObject) u));
    return users;
  }

  private static JsonObject user(String username) {
    return users().stream().filter(u -> username.equals(u.getString("username"))).findFirst().orElseThrow();
  }

  private static List<String> realmRoles(JsonObject user) {
    return Jwts.strings(user.getJsonArray("realmRoles", new JsonArray()));
  }

  private static String singleAttribute(JsonObject user, String name) {
    JsonObject attributes = user.getJsonObject("attributes", new JsonObject());
    JsonArray values = attributes.getJsonArray(name);
    if (values == null) {
      return null;
    }
    assertThat(values.size()).as("%s.%s is single-valued", user.getString("username"), name).isEqualTo(1);
    return values.getString(0);
  }

  private static JsonObject mapper(JsonObject client, String name) {
    return client.getJsonArray("protocolMappers").stream().map(JsonObject.class::cast)
        .filter(m -> name.equals(m.getString("name"))).findFirst().orElseThrow();
  }
}
