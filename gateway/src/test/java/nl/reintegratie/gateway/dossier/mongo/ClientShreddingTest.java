package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.dossier.Fixtures.NOW;
import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import nl.reintegratie.gateway.dossier.ClientRecord;
import nl.reintegratie.gateway.dossier.ClientShredding;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.Fixtures;
import nl.reintegratie.gateway.dossier.Trajectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientShreddingTest extends EmbeddedStoreTestBase {

  private MongoClientRepository clients;
  private MongoClientKeyRepository keys;
  private MongoTrajectoryRepository trajectories;
  private MongoDocumentRepository documents;
  private ClientShredding shredding;

  @BeforeEach
  void repositories() {
    clients = new MongoClientRepository(store);
    keys = new MongoClientKeyRepository(store);
    trajectories = new MongoTrajectoryRepository(store);
    documents = new MongoDocumentRepository(store);
    shredding = new ClientShredding(clients, keys);
  }

  @Test
  void shred_wipesSealedDataAndDeletesKeyButKeepsTrajectoryAndDocumentMetadata() {
    ClientRecord client = Fixtures.client();
    Trajectory trajectory = Fixtures.trajectory(client.clientId());
    DocumentHeader endReport = Fixtures.firstHeader(trajectory, DocumentType.END_REPORT);
    await(clients.create(client));
    await(keys.create(Fixtures.key(client.clientId())));
    await(trajectories.create(trajectory));
    await(documents.insertVersion(Fixtures.stored(endReport)));

    assertThat(await(shredding.shred(client.clientId(), NOW))).isTrue();

    ClientRecord shredded = await(clients.findById(client.clientId())).orElseThrow();
    assertThat(shredded.sealedPersonalData()).isEmpty();
    assertThat(shredded.wrappedDataKey()).isEmpty();
    assertThat(shredded.shreddedAt()).contains(NOW);
    assertThat(await(keys.find(client.clientId()))).isEmpty();
    assertThat(await(trajectories.findById(trajectory.trajectoryId()))).contains(trajectory);
    assertThat(await(documents.listByTrajectory(trajectory.trajectoryId()))).containsExactly(endReport);
  }

  @Test
  void shreddingInterruptedAfterMarking_isFinishedByShreddingAgain() {
    ClientRecord client = Fixtures.client();
    await(clients.create(client));
    await(keys.create(Fixtures.key(client.clientId())));
    await(clients.markShredded(client.clientId(), NOW)); // then the process died

    assertThat(await(shredding.shred(client.clientId(), NOW.plusSeconds(3600)))).isTrue();

    assertThat(await(keys.find(client.clientId()))).isEmpty();
    assertThat(await(clients.findById(client.clientId())).orElseThrow().shreddedAt()).contains(NOW);
  }

  @Test
  void shredUnknownClient_reportsNotFoundAndLeavesKeysAlone() {
    await(keys.create(Fixtures.key("orphan")));

    assertThat(await(shredding.shred("orphan", NOW))).isFalse();

    assertThat(await(keys.find("orphan"))).isPresent();
  }
}
