package nl.reintegratie.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

  @Test
  void embedded_withoutUri_usesStoreFileInDir() {
    StoreSettings settings = StoreSettings.embedded(Path.of("data"), "gateway");

    assertThat(settings.isEmbedded()).isTrue();
    assertThat(settings.embeddedFile()).isEqualTo(Path.of("data", "store.mv.db"));
    assertThat(settings.embeddedPort()).isZero();
  }

  @Test
  void external_withUri_isNotEmbedded() {
    StoreSettings settings = StoreSettings.external("mongodb://db1,db2/?replicaSet=rs0", "gateway");

    assertThat(settings.isEmbedded()).isFalse();
  }

  @Test
  void embeddedWithoutDir_isRejected() {
    assertThatThrownBy(() -> new StoreSettings(Optional.empty(), "gateway", null, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blankDatabase_isRejected() {
    assertThatThrownBy(() -> StoreSettings.embedded(Path.of("data"), " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void portOutOfRange_isRejected() {
    assertThatThrownBy(() -> new StoreSettings(Optional.empty(), "gateway", Path.of("data"), 70_000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
