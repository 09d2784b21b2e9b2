package nl.reintegratie.gateway.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, as Keycloak vouched for it: the stable subject id, display name, realm roles,
 * organisation (commissioners, supervisors) and BSN (clients). {@code toString} shows only the
 * subject and roles: names and BSNs never reach a log through this object.
 */
public record Principal(String subject, String name, String givenName, Set<Role> roles,
                        Optional<String> organisation, Optional<String> bsn) {

  /** The realm roles the gateway knows; other roles in a token are ignored. */
  public enum Role {
    CLIENT("client"), COMMISSIONER("commissioner"), SUPERVISOR("supervisor");

    private final String claim;

    Role(String claim) {
      this.claim = claim;
    }

    public String claim() {
      return claim;
    }

    static Optional<Role> fromClaim(String value) {
      for (Role role : values()) {
        if (role.claim.equals(value)) {
          return Optional.of(role);
        }
      }
      return Optional.empty();
    }
  }

  public Principal {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * Reads a principal from validated token claims: the ID token for name and subject, the
   * access token for roles, organisation and BSN (which Keycloak puts only there).
   */
  public static Principal fromClaims(JsonObject idToken, JsonObject accessToken) {
    String subject = idToken.getString("sub");
    if (subject == null || !subject.equals(accessToken.getString("sub"))) {
      throw new IllegalArgumentException("ID token and access token name different subjects");
    }
    JsonArray rawRoles = accessToken.getJsonArray("roles", new JsonArray());
    Set<Role> roles = rawRoles.stream()
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .map(Role::fromClaim)
        .flatMap(Optional::stream)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    String name = idToken.getString("name", idToken.getString("preferred_username", ""));
    String givenName = idToken.getString("given_name", name);
    return new Principal(subject, name, givenName, roles,
        Optional.ofNullable(accessToken.getString("organisation")),
        Optional.ofNullable(accessToken.getString("bsn")));
  }

  /** The role names as Keycloak spells them, sorted. */
  public List<String> roleClaims() {
    return roles.stream().map(Role::claim).sorted().toList();
  }

  /** For keeping in a server-side session. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("sub", subject)
        .put("name", name)
        .put("givenName", givenName)
        .put("roles", new JsonArray(roleClaims()));
    organisation.ifPresent(o -> json.put("organisation", o));
    bsn.ifPresent(b -> json.put("bsn", b));
    return json;
  }

  public static Principal fromJson(JsonObject json) {
    List<String> roleClaims = json.getJsonArray("roles", new JsonArray()).stream()
        .map(String.class::cast).toList();
    return new Principal(json.getString("sub"), json.getString("name"), json.getString("givenName"),
        roleClaims.stream().map(Role::fromClaim).flatMap(Optional::stream)
            .collect(java.util.stream.Collectors.toUnmodifiableSet()),
        Optional.ofNullable(json.getString("organisation")),
        Optional.ofNullable(json.getString("bsn")));
  }

  @Override
  public String toString() {
    return "Principal[subject=" + subject + ", roles=" + roles + "]";
  }
}
