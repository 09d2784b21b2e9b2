package nl.reintegratie.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.reintegratie.client.GatewayKey;
import nl.reintegratie.client.ProviderClient;
import nl.reintegratie.client.ProviderCredentials;
import nl.reintegratie.client.TlsTrust;
import nl.reintegratie.gateway.app.Gateway;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.dossier.Goal;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryType;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.LegalBasis;
import nl.reintegratie.gateway.transfer.RuleOutcome;
import nl.reintegratie.gateway.transfer.GrantTexts;
import nl.reintegratie.gateway.transfer.TransferRule;

/**
 * What tests and benchmarks of a handover share: a gemeente-deventer trajectory with a demo provider, and that
 * provider's reference client against a {@link TestGateway} (dev keys of {@code keys-dev/providers/<id>}).
 */
public final class Handovers {

  private Handovers() {
  }

  /** A planned Participatiewet placement trajectory of {@code clientId} with {@code provider}; its id. */
  public static String trajectory(DossierService dossiers, String clientId, String provider, int sequenceNumber) {
    return dossiers.createTrajectory(Trajectory.plan(UUID.randomUUID().toString(), clientId, "gemeente-deventer",
        provider, Regime.PARTICIPATIEWET, TrajectoryType.PLACEMENT, Goal.paidWork(), LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 7, 5), sequenceNumber, Instant.now())).await().trajectoryId();
  }

  /** The reference client of the demo provider {@code provider}, trusting the dev CA and the gateway's dev key. */
  public static ProviderClient client(TestGateway gateway, String provider) {
    try {
      return ProviderClient.builder(
              ProviderCredentials.fromFolder(ProjectFiles.keysDev().resolve("providers").resolve(provider)),
              URI.create(gateway.url()), GatewayKey.fromFolder(ProjectFiles.keysDev().resolve("gateway")))
          .trust(TlsTrust.fromCaPem(ProjectFiles.devCa()))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A grant made directly in the repository, as the commissioner's rules would have let it pass (each rule
   * recorded as passed), with the client's notice stored at {@code noticeStoredAt} (empty: not yet).
   */
  public static Grant grant(Gateway gateway, String clientId, String from, String to, String recipient,
                            List<DocumentRef> documents, Optional<Instant> noticeStoredAt, Duration waitingPeriod,
                            Duration validFor, Optional<Instant> revokedAt) {
    String grantId = UUID.randomUUID().toString();
    SealedText reasons = gateway.dossiers().sealForClient(clientId,
        GrantTexts.grantReasons(grantId),
        "{\"necessityReason\":\"Zodat de nieuwe coach niet opnieuw begint.\"}".getBytes(StandardCharsets.UTF_8))
        .await();
    List<RuleOutcome> allPassed = Arrays.stream(TransferRule.values())
        .map(rule -> new RuleOutcome(rule, true, Optional.empty(), Optional.empty())).toList();
    Instant grantedAt = noticeStoredAt.orElse(Instant.now()).minusSeconds(1);
    Grant grant = new Grant(grantId, clientId, "gemeente-deventer", "officer-test", from, recipient, to,
        LegalBasis.PARTICIPATIEWET_ART_67, documents, allPassed, reasons, grantedAt, waitingPeriod, validFor,
        noticeStoredAt, revokedAt, Optional.empty());
    gateway.grants().create(grant).await();
    return grant;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
