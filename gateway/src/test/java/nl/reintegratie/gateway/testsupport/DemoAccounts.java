package nl.reintegratie.gateway.testsupport;

import java.util.List;
import java.util.Optional;

/**
 * The demo users of the development realm ({@code keys-dev/keycloak/realm-reintegratie.json}), for
 * tests that log in. Kept in sync with the realm by {@code DemoRealmTest}, and documented in
 * {@code keys-dev/README.md}.
 */
public final class DemoAccounts {

  /** One demo user. {@code organisation} and {@code bsn} are null where the user has none. */
  public record Account(String username, String password, String role, String organisation, String bsn,
                        String email) {

    public Optional<String> bsnIfAny() {
      return Optional.ofNullable(bsn);
    }
  }

  public static final Account FATIMA = new Account("fatima", "fatima-demo-2026", "client", null, "999993653",
      "fatima.elamrani@example.org");
  public static final Account JAN = new Account("jan", "jan-demo-2026", "client", null, "999991772",
      "jan.devries@example.com");
  /** The client without an e-mail address. */
  public static final Account SANNE = new Account("sanne", "sanne-demo-2026", "client", null, "999990019", null);
  public static final Account CASE_MANAGER = new Account("casemanager", "casemanager-demo-2026", "commissioner",
      "gemeente-deventer", null, "marieke.visser@example.org");
  public static final Account UWV_COACH = new Account("uwvcoach", "uwvcoach-demo-2026", "commissioner", "uwv", null,
      "pieter.deboer@example.org");
  public static final Account SUPERVISOR = new Account("supervisor", "supervisor-demo-2026", "supervisor",
      "gemeente-deventer", null, "anouk.smit@example.org");

  public static final List<Account> ALL = List.of(FATIMA, JAN, SANNE, CASE_MANAGER, UWV_COACH, SUPERVISOR);

  private DemoAccounts() {
  }

  public static Account byUsername(String username) {
    return ALL.stream().filter(a -> a.username().equals(username)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo account " + username));
  }
}
