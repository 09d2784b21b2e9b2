package nl.reintegratie.gateway.audit;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Instant;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;

/** Keys and entries for the log's tests. */
public final class AuditFixtures {

  public static final String ORIGIN = "test.example/disclosure-log";
  public static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

  private AuditFixtures() {
  }

  /** A fresh Ed25519 key (the JDK generates it; Bouncy Castle signs with it). */
  public static Ed25519SigningKey newKey() {
    try {
      return Ed25519SigningKey.fromPkcs8(
          KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static CheckpointSigner newSigner() {
    return new CheckpointSigner(ORIGIN, newKey());
  }

  /** Entry number {@code n} about {@code clientId}: a release fetch by werkpad, with a few subjects and codes. */
  public static DisclosureEntry entry(int n, String clientId) {
    return DisclosureEntry.of(DisclosureKind.RELEASE_FETCH, "fetch-" + n, T0.plusSeconds(n), clientId, "werkpad")
        .about(SubjectRef.grant("g-" + clientId), SubjectRef.trajectory("t-" + clientId))
        .withPurpose("reintegration")
        .withLegalBasis("participatiewet-art-67-lid-1-e");
  }
}
