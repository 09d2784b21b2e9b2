package nl.reintegratie.gateway.config;

import java.util.Locale;

/** The two ways the gateway runs. Only {@link #DEV} accepts the key material in {@code keys-dev/}. */
public enum Profile {
  DEV,
  PROD;

  static Profile parse(String value) {
    try {
      return Profile.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(java.util.List.of(
          new ConfigException.Problem("GATEWAY_PROFILE", "must be 'dev' or 'prod', was '" + value + "'")));
    }
  }
}
