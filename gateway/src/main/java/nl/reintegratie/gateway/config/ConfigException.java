package nl.reintegratie.gateway.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used. Names every wrong setting at once, so an operator fixes
 * them in one go instead of one restart per mistake. Never contains a secret value.
 */
public final class ConfigException extends RuntimeException {

  /** One wrong setting: its environment variable name and what is wrong with it. */
  public record Problem(String setting, String reason) {
    @Override
    public String toString() {
      return setting + ": " + reason;
    }
  }

  private final List<Problem> problems;

  public ConfigException(List<Problem> problems) {
    super("Invalid configuration:\n" + problems.stream()
        .map(p -> "  - " + p)
        .collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
