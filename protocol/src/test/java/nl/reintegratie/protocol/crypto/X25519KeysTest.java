package nl.reintegratie.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class X25519KeysTest {

  @ParameterizedTest
  @ValueSource(strings = {"werkpad", "kansrijk", "startlijn"})
  void devProviderKeys_privateKeyMatchesPublicKeyFile(String provider) {
    try (X25519PrivateKey key = X25519Keys.privateKeyFromPem(DevKeys.privatePem(provider))) {
      assertThat(key.publicKey()).isEqualTo(X25519Keys.publicKeyFromPem(DevKeys.publicPem(provider)));
    }
  }

  @Test
  void rawPublicKey_ofSpkiDerAndOfRawBytes_isTheSame32Bytes() throws Exception {
    byte[] spki = pemBase64(DevKeys.publicPem("werkpad"));
    byte[] raw = X25519Keys.rawPublicKey(spki);

    assertThat(spki).hasSize(44);
    assertThat(raw).hasSize(32).isEqualTo(Arrays.copyOfRange(spki, 12, 44));
    assertThat(X25519Keys.rawPublicKey(raw)).isEqualTo(raw).isNotSameAs(raw);
    // the JDK reads the same file as the same key
    assertThat(KeyFactory.getInstance("XDH").generatePublic(new X509EncodedKeySpec(spki)).getEncoded())
        .isEqualTo(spki);
  }

  @Test
  void privateKeyFromPem_givenPublicKeyOrEd25519OrGarbage_isRefusedWithoutQuotingTheInput() {
    String publicPem = DevKeys.publicPem("werkpad");
    String ed25519 = DevKeys.read("werkpad", "signing-ed25519.key");

    assertThatThrownBy(() -> X25519Keys.privateKeyFromPem(publicPem))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRIVATE KEY");
    assertThatThrownBy(() -> X25519Keys.privateKeyFromPem(ed25519))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("PKCS#8 key is not an X25519 private key");
    assertThatThrownBy(() -> X25519Keys.privateKeyFromPkcs8(new byte[48]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("not a PKCS#8 X25519 private key");
    String doubled = DevKeys.privatePem("werkpad") + DevKeys.privatePem("kansrijk");
    assertThatThrownBy(() -> X25519Keys.privateKeyFromPem(doubled))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("MC4CAQAw");
  }

  @Test
  void privateKeyFromPkcs8_withTrailingBytes_isRefused() {
    byte[] der = pemBase64(DevKeys.privatePem("werkpad"));
    byte[] extended = Arrays.copyOf(der, der.length + 1);

    assertThatThrownBy(() -> X25519Keys.privateKeyFromPkcs8(extended)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rawPublicKey_givenWrongLengthOrEd25519_isRefused() {
    byte[] ed25519 = pemBase64(DevKeys.read("werkpad", "signing-ed25519.pub"));

    assertThatThrownBy(() -> X25519Keys.rawPublicKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> X25519Keys.rawPublicKey(ed25519))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("SubjectPublicKeyInfo is not an X25519 public key");
    assertThatThrownBy(() -> X25519Keys.publicKeyFromPem(DevKeys.privatePem("werkpad")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void privateKey_toStringShowsNoKeyBytes_andClosedKeyIsUnusable() {
    X25519PrivateKey key = X25519Keys.privateKeyFromPem(DevKeys.privatePem("werkpad"));
    assertThat(key.toString()).isEqualTo("X25519PrivateKey[***]");

    key.close();

    assertThat(key.isDestroyed()).isTrue();
    assertThat(key.toString()).isEqualTo("X25519PrivateKey[destroyed]");
    assertThatThrownBy(key::keyPair).isInstanceOf(IllegalStateException.class);
  }

  private static byte[] pemBase64(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
  }
}
