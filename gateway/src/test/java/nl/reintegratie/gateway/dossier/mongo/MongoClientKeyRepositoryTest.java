package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import nl.reintegratie.gateway.dossier.AlreadyExistsException;
import nl.reintegratie.gateway.dossier.ClientKeyRecord;
import nl.reintegratie.gateway.dossier.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoClientKeyRepositoryTest extends EmbeddedStoreTestBase {

  private MongoClientKeyRepository keys;

  @BeforeEach
  void repository() {
    keys = new MongoClientKeyRepository(store);
  }

  @Test
  void create_thenFind_returnsTheSameKeyByteForByte() {
    ClientKeyRecord key = Fixtures.key("client-1");

    await(keys.create(key));

    assertThat(await(keys.find("client-1"))).contains(key);
    assertThat(await(keys.find("client-2"))).isEmpty();
  }

  @Test
  void secondKeyForClient_failsAsAlreadyExisting() {
    await(keys.create(Fixtures.key("client-1")));

    assertThatThrownBy(() -> await(keys.create(Fixtures.key("client-1"))))
        .cause().isInstanceOf(AlreadyExistsException.class)
        .satisfies(e -> assertThat(((AlreadyExistsException) e).kind())
            .isEqualTo(AlreadyExistsException.Kind.CLIENT_KEY));
  }

  @Test
  void replace_rewrapsTheExistingKey() {
    ClientKeyRecord key = Fixtures.key("client-1");
    await(keys.create(key));
    ClientKeyRecord rewrapped = key.rewrapped(2, Fixtures.randomBytes(60));

    assertThat(await(keys.replace(rewrapped))).isTrue();

    assertThat(await(keys.find("client-1"))).contains(rewrapped);
  }

  @Test
  void replaceAfterDelete_doesNotResurrectTheKey() {
    ClientKeyRecord key = Fixtures.key("client-1");
    await(keys.create(key));
    ClientKeyRecord readByRotation = await(keys.find("client-1")).orElseThrow();

    assertThat(await(keys.delete("client-1"))).isTrue(); // shredded meanwhile
    boolean replaced = await(keys.replace(readByRotation.rewrapped(2, Fixtures.randomBytes(60))));

    assertThat(replaced).isFalse();
    assertThat(await(keys.find("client-1"))).isEmpty();
  }

  @Test
  void delete_isIdempotent() {
    await(keys.create(Fixtures.key("client-1")));

    assertThat(await(keys.delete("client-1"))).isTrue();
    assertThat(await(keys.delete("client-1"))).isFalse();
  }

  @Test
  void page_visitsEveryKeyOnce() {
    for (int i = 0; i < 25; i++) {
      await(keys.create(Fixtures.key(String.format("client-%02d", i))));
    }

    assertThat(await(keys.page(Optional.empty(), 10))).hasSize(10);
    assertThat(await(keys.page(Optional.of("client-19"), 10)))
        .extracting(ClientKeyRecord::clientId).containsExactly("client-20", "client-21", "client-22", "client-23",
            "client-24");
  }
}
