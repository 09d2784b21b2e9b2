package nl.reintegratie.gateway.config;

import java.util.Objects;

/**
 * A configured secret. Its {@code toString} never shows the value, so a secret that ends up in
 * a log line or an exception message by accident stays secret.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value);
  }

  /** The secret itself; call only where it is handed to the component that needs it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "Secret[***]";
  }
}
