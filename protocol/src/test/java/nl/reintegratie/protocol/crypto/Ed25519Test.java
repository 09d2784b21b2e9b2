package nl.reintegratie.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import org.junit.jupiter.api.Test;

/** The Ed25519 primitive: agrees with the JDK, accepts raw and SPKI keys, never throws on bad input. */
class Ed25519Test {

  @Test
  void jdkSignature_verifiesWithRawAndSpkiKey() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] message = "bericht".getBytes(StandardCharsets.UTF_8);
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initSign(pair.getPrivate());
    jdk.update(message);
    byte[] signature = jdk.sign();
    byte[] spki = pair.getPublic().getEncoded();

    assertThat(Ed25519.verify(spki, message, signature)).isTrue();
    assertThat(Ed25519.verify(Ed25519.rawPublicKey(spki), message, signature)).isTrue();
    assertThat(Ed25519SigningKey.fromPkcs8(pair.getPrivate().getEncoded()).sign(message)).isEqualTo(signature);
  }

  @Test
  void malformedKeyOrSignature_isFalseNotAnException() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] spki = pair.getPublic().getEncoded();
    byte[] message = {1};

    assertThat(Ed25519.verify(new byte[31], message, new byte[64])).isFalse();
    assertThat(Ed25519.verify(spki, message, new byte[63])).isFalse();
    assertThat(Ed25519.verify(null, message, new byte[64])).isFalse();
    assertThat(Ed25519.verify(spki, message, new byte[64])).isFalse();
    byte[] otherOid = spki.clone();
    otherOid[8] = 0x6e; // X25519's OID 1.3.101.110
    assertThat(Ed25519.rawPublicKey(otherOid)).isNull();
  }

  @Test
  void nonEd25519Pkcs8_isRefused() throws Exception {
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();

    assertThatThrownBy(() -> Ed25519SigningKey.fromPkcs8(ec.getPrivate().getEncoded()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ed25519SigningKey.fromPkcs8(new byte[] {0x30, 0x00}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
