package nl.reintegratie.gateway.dossier;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

/** Test data: realistic ids and codes, random bytes standing in for ciphertext. */
public final class Fixtures {

  public static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123Z");
  public static final String MUNICIPALITY = "gemeente-deventer";
  public static final String PROVIDER = "werkfit-oost";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Fixtures() {
  }

  public static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** A 64-character hex string, like an HMAC-SHA-256. */
  public static String bsnHash() {
    return HexFormat.of().formatHex(randomBytes(32));
  }

  public static ClientRecord client() {
    return ClientRecord.register(bsnHash(), randomBytes(300), randomBytes(60), NOW);
  }

  public static ClientKeyRecord key(String clientId) {
    return new ClientKeyRecord(clientId, 1, randomBytes(60), NOW);
  }

  public static Trajectory trajectory(String clientId) {
    return Trajectory.plan(UUID.randomUUID().toString(), clientId, MUNICIPALITY, PROVIDER, Regime.PARTICIPATIEWET,
        TrajectoryType.ACTIVATION, Goal.ladderStep(LadderStep.UNPAID_WORK), LocalDate.of(2026, 12, 1),
        LocalDate.of(2027, 6, 1), 1, NOW);
  }

  public static DocumentHeader firstHeader(Trajectory trajectory, DocumentType type) {
    return DocumentHeader.first(trajectory.trajectoryId(), trajectory.clientId(), type,
        DocumentProperties.defaultsFor(type), DocumentType.JSON, 1234, NOW, PROVIDER);
  }

  public static StoredDocument stored(DocumentHeader header) {
    return new StoredDocument(header, randomBytes(60), randomBytes(500));
  }

  public static DocumentHeader correctionOf(DocumentHeader previous) {
    return previous.correction(CorrectionReason.FACTUAL_ERROR, previous.properties(), previous.contentType(), 1500,
        NOW.plusSeconds(60), PROVIDER);
  }
}
