package nl.reintegratie.gateway.signature;

import java.util.Optional;

/**
 * Port: the registry of organisations' signing keys. Implementations return revoked and expired keys too (the
 * verifier tells those apart from unknown ones); they must be fast, since every signed request asks, so a
 * database-backed implementation caches.
 */
public interface KeyDirectory {

  /** The key registered under {@code keyId}, or empty when there is none. */
  Optional<RegisteredKey> find(String keyId);
}
