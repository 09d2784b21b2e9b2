package nl.reintegratie.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.reintegratie.client.GatewayKey;
import nl.reintegratie.client.ProviderClient;
import nl.reintegratie.client.ProviderCredentials;
import nl.reintegratie.client.TlsTrust;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.Goal;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryType;

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

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
