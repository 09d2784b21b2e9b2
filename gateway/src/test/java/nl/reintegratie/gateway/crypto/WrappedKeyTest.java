package nl.reintegratie.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import nl.reintegratie.protocol.crypto.AssociatedData;
import nl.reintegratie.protocol.crypto.DataKey;
import org.junit.jupiter.api.Test;

class WrappedKeyTest {

  @Test
  void toString_showsVersionAndLengthOnly() {
    try (DataKey kek = DataKey.generate(); DataKey key = DataKey.generate()) {
      byte[] bytes = kek.wrap(key, AssociatedData.of("dossier-document", "rec-1"));
      WrappedKey wrapped = new WrappedKey(3, bytes);

      assertThat(wrapped.toString()).isEqualTo("WrappedKey[kekVersion=3, 61 bytes]")
          .doesNotContain(HexFormat.of().formatHex(bytes), Base64.getEncoder().encodeToString(bytes));
    }
  }

  @Test
  void copiesItsBytesAndComparesByContent() {
    byte[] bytes = {1, 2, 3};
    WrappedKey wrapped = new WrappedKey(1, bytes);
    bytes[0] = 9;
    wrapped.wrapped()[1] = 9;

    assertThat(wrapped.wrapped()).containsExactly(1, 2, 3);
    assertThat(wrapped).isEqualTo(new WrappedKey(1, new byte[] {1, 2, 3})).hasSameHashCodeAs(
        new WrappedKey(1, new byte[] {1, 2, 3}));
    assertThat(wrapped).isNotEqualTo(new WrappedKey(2, new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> new WrappedKey(0, bytes)).isInstanceOf(IllegalArgumentException.class);
  }
}
