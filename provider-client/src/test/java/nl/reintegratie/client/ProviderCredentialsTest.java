package nl.reintegratie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import nl.reintegratie.protocol.crypto.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a provider folder and the gateway's key in the keys-dev layout; refusing wrong files by name. */
class ProviderCredentialsTest {

  @TempDir
  Path temp;

  @Test
  void aDevProviderFolder_givesItsIdKeyIdAndMatchingKeys() throws Exception {
    try (ProviderCredentials werkpad = ProviderCredentials.fromFolder(DevKeys.provider("werkpad"))) {
      assertThat(werkpad.organisationId()).isEqualTo("werkpad");
      assertThat(werkpad.signingKeyId()).startsWith("werkpad-ed25519-");
      assertThat(werkpad.signingKey().publicKey())
          .isEqualTo(Ed25519.rawPublicKey(DevKeys.providerSigningPublicKey("werkpad")));
      assertThat(werkpad.encryptionKey().publicKey()).isEqualTo(DevKeys.providerEncryptionPublicKey("werkpad"));
      assertThat(werkpad.toString()).doesNotContain(Files.readString(
          DevKeys.provider("werkpad").resolve("signing-ed25519.key")).split("\n")[1]);
    }
  }

  @Test
  void theDevGatewayKey_isReadWithItsKeyId() {
    GatewayKey key = DevKeys.gatewayKey();
    assertThat(key.keyId()).isEqualTo(DevKeys.GATEWAY_KEY_ID);
    assertThat(key.publicKey()).isEqualTo(DevKeys.gatewaySigningKey().publicKey());
  }

  @Test
  void wrongFiles_areRefusedByName() throws Exception {
    Path folder = copyOf("werkpad");
    Files.delete(folder.resolve("provider.json"));
    assertThatThrownBy(() -> ProviderCredentials.fromFolder(folder)).isInstanceOf(NoSuchFileException.class);

    Files.writeString(folder.resolve("provider.json"), "{\"id\":\"werkpad\"}");
    assertThatThrownBy(() -> ProviderCredentials.fromFolder(folder)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signingKeyId");

    Files.writeString(folder.resolve("provider.json"), "{\"id\":\"werkpad\",\"signingKeyId\":\"k-1\"}");
    Files.copy(folder.resolve("signing-ed25519.pub"), folder.resolve("signing-ed25519.key"),
        StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> ProviderCredentials.fromFolder(folder)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signing-ed25519.key");

    Path swapped = copyOf("werkpad");
    Files.copy(swapped.resolve("encryption-x25519.key"), swapped.resolve("signing-ed25519.key"),
        StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> ProviderCredentials.fromFolder(swapped)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signing-ed25519.key");
  }

  @Test
  void flatJson_readsStrings_andRefusesWhatIsNotAFlatObject() {
    assertThat(FlatJson.strings(" {\"id\":\"w\\u00e9rk\\\"pad\", \"n\": -1.5e3, \"ok\": true, \"x\": null} "))
        .containsExactly(Map.entry("id", "w\u00e9rk\"pad"));
    for (String bad : new String[] {"", "[]", "{\"a\":{}}", "{\"a\":[1]}", "{\"a\":\"1\",\"a\":\"2\"}",
        "{\"a\":\"1\"} x", "{\"a\":01}", "{\"a\":\"1\",}", "{\"a\":tru}"}) {
      assertThatThrownBy(() -> FlatJson.strings(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private Path copyOf(String provider) throws Exception {
    Path folder = Files.createDirectories(temp.resolve(provider + System.nanoTime()));
    try (var files = Files.list(DevKeys.provider(provider))) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(file.getFileName()));
      }
    }
    return folder;
  }
}
