package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.dossier.Fixtures.NOW;
import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.dossier.AlreadyExistsException;
import nl.reintegratie.gateway.dossier.ClientRecord;
import nl.reintegratie.gateway.dossier.Fixtures;
import nl.reintegratie.gateway.dossier.Regime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoClientRepositoryTest extends EmbeddedStoreTestBase {

  private MongoClientRepository clients;

  @BeforeEach
  void repository() {
    clients = new MongoClientRepository(store);
  }

  @Test
  void create_thenFindByIdAndByBsnHash_returnTheSameRecord() {
    ClientRecord client = Fixtures.client();

    await(clients.create(client));

    assertThat(await(clients.findById(client.clientId()))).contains(client);
    assertThat(await(clients.findByBsnHash(client.bsnHash().orElseThrow()))).contains(client);
    assertThat(await(clients.findById("no-such-client"))).isEmpty();
    assertThat(await(clients.findByBsnHash(Fixtures.bsnHash()))).isEmpty();
  }

  @Test
  void randomHundredKilobytes_surviveExactly() {
    byte[] sealed = Fixtures.randomBytes(100 * 1024);
    byte[] key = Fixtures.randomBytes(100 * 1024);
    ClientRecord client = ClientRecord.register(Fixtures.bsnHash(), sealed, key, NOW);

    await(clients.create(client));
    ClientRecord found = await(clients.findById(client.clientId())).orElseThrow();

    assertThat(found.sealedPersonalData()).isEqualTo(sealed);
    assertThat(found.wrappedDataKey()).isEqualTo(key);
  }

  @Test
  void secondClientWithSameBsnHash_failsAsAlreadyExistingBsnHash() {
    ClientRecord first = Fixtures.client();
    await(clients.create(first));
    ClientRecord samePerson =
        ClientRecord.register(first.bsnHash().orElseThrow(), new byte[] {1}, new byte[] {2}, NOW);

    assertThatThrownBy(() -> await(clients.create(samePerson)))
        .cause().isInstanceOf(AlreadyExistsException.class)
        .satisfies(e -> assertThat(((AlreadyExistsException) e).kind())
            .isEqualTo(AlreadyExistsException.Kind.CLIENT_BSN_HASH))
        .hasMessageNotContaining(first.bsnHash().orElseThrow());
    assertThat(await(clients.findById(samePerson.clientId()))).isEmpty();
  }

  @Test
  void secondClientWithSameId_failsAsAlreadyExistingClient() {
    ClientRecord first = Fixtures.client();
    await(clients.create(first));
    ClientRecord sameId = new ClientRecord(first.clientId(), Optional.of(Fixtures.bsnHash()), new byte[] {1},
        new byte[] {2}, Optional.empty(), NOW, Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> await(clients.create(sameId)))
        .cause().isInstanceOf(AlreadyExistsException.class)
        .satisfies(e -> assertThat(((AlreadyExistsException) e).kind())
            .isEqualTo(AlreadyExistsException.Kind.CLIENT));
  }

  @Test
  void markShredded_wipesPersonalDataAndBsnHashButKeepsTheRest() {
    ClientRecord client = Fixtures.client();
    await(clients.create(client));
    await(clients.setLastRegime(client.clientId(), Regime.WW));

    assertThat(await(clients.markShredded(client.clientId(), NOW.plusSeconds(5)))).isTrue();
    ClientRecord shredded = await(clients.findById(client.clientId())).orElseThrow();

    assertThat(shredded.sealedPersonalData()).isEmpty();
    assertThat(shredded.wrappedDataKey()).isEmpty();
    assertThat(shredded.bsnHash()).isEmpty();
    assertThat(shredded.shreddedAt()).contains(NOW.plusSeconds(5));
    assertThat(shredded.lastRegime()).contains(Regime.WW);
    assertThat(shredded.createdAt()).isEqualTo(client.createdAt());
    assertThat(await(clients.findByBsnHash(client.bsnHash().orElseThrow()))).isEmpty();
  }

  @Test
  void markShreddedTwice_keepsTheFirstTime() {
    ClientRecord client = Fixtures.client();
    await(clients.create(client));

    await(clients.markShredded(client.clientId(), NOW.plusSeconds(5)));
    await(clients.markShredded(client.clientId(), NOW.plusSeconds(99)));

    assertThat(await(clients.findById(client.clientId())).orElseThrow().shreddedAt()).contains(NOW.plusSeconds(5));
  }

  @Test
  void shreddedPersonComingBack_canRegisterAgainAsNewClient() {
    ClientRecord first = Fixtures.client();
    ClientRecord other = Fixtures.client();
    await(clients.create(first));
    await(clients.create(other));
    await(clients.markShredded(first.clientId(), NOW));
    await(clients.markShredded(other.clientId(), NOW)); // two shredded clients do not collide on the unique index

    ClientRecord again = ClientRecord.register(first.bsnHash().orElseThrow(), new byte[] {1}, new byte[] {2}, NOW);
    await(clients.create(again));

    assertThat(await(clients.findByBsnHash(first.bsnHash().orElseThrow()))).contains(again);
  }

  @Test
  void markShreddedOrSettersOnUnknownClient_reportNotFound() {
    assertThat(await(clients.markShredded("nobody", NOW))).isFalse();
    assertThat(await(clients.setRetainUntil("nobody", NOW))).isFalse();
    assertThat(await(clients.setLastRegime("nobody", Regime.WIA))).isFalse();
  }

  @Test
  void setRetainUntil_isStored() {
    ClientRecord client = Fixtures.client();
    await(clients.create(client));
    Instant until = Instant.parse("2033-12-31T23:00:00Z");

    assertThat(await(clients.setRetainUntil(client.clientId(), until))).isTrue();

    assertThat(await(clients.findById(client.clientId())).orElseThrow().retainUntil()).contains(until);
  }

  @Test
  void createShreddedRecord_isRefused() {
    assertThatThrownBy(() -> await(clients.create(Fixtures.client().shredded(NOW))))
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findByBsnHash_withSomethingThatIsNoHash_isRefused() {
    assertThatThrownBy(() -> await(clients.findByBsnHash("999993653")))
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> await(clients.findByBsnHash("shredded:x")))
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void page_through250ClientsInPagesOf100_visitsEachOnceInIdOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      ClientRecord client = Fixtures.client();
      ids.add(client.clientId());
      await(clients.create(client));
    }

    List<Integer> pageSizes = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    Optional<String> after = Optional.empty();
    while (true) {
      List<ClientRecord> page = await(clients.page(after, 100));
      pageSizes.add(page.size());
      page.forEach(client -> seen.add(client.clientId()));
      if (page.size() < 100) {
        break;
      }
      after = Optional.of(page.get(page.size() - 1).clientId());
    }

    assertThat(pageSizes).containsExactly(100, 100, 50);
    assertThat(seen).isEqualTo(ids.stream().sorted().collect(Collectors.toList()));
  }

  @Test
  void pageWithAbsurdLimit_isRefused() {
    assertThatThrownBy(() -> await(clients.page(Optional.empty(), 0)))
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }
}
