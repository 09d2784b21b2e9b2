package nl.reintegratie.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * RFC 9180 Appendix A.1.1 (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode) through Bouncy Castle's
 * {@link HPKE}, the implementation {@link ReleaseSealer} seals content keys with. The RFC has no X25519 vector with
 * AES-256-GCM; this one fixes the same KEM (encapsulation with a fixed ephemeral key, shared secret) and KDF (key
 * schedule with {@code info}) that our suite uses, and only the AEAD's key length differs. Values copied from the
 * RFC's published vectors (as shipped in Go's {@code crypto/internal/hpke/testdata/rfc9180-vectors.json}).
 */
class HpkeKnownAnswerTest {

  private static final String INFO = "4f6465206f6e2061204772656369616e2055726e";
  private static final String IKM_E = "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234";
  private static final String PK_EM = "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431";
  private static final String SK_EM = "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736";
  private static final String IKM_R = "6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037";
  private static final String PK_RM = "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d";
  private static final String SK_RM = "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8";
  private static final String ENC = "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431";
  private static final String PT = "4265617574792069732074727574682c20747275746820626561757479";
  private static final String AAD_0 = "436f756e742d30";
  private static final String CT_0 =
      "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a";
  private static final String AAD_1 = "436f756e742d31";
  private static final String CT_1 =
      "af2d7e9ac9ae7e270f46ba1f975be53c09f8d875bdc8535458c2494e8a6eab251c03d0c22a56b8ca42c2063b84";

  private static HPKE a11Suite() {
    return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128);
  }

  @Test
  void deriveKeyPair_fromVectorIkm_givesVectorKeys() {
    AsymmetricCipherKeyPair ephemeral = a11Suite().deriveKeyPair(Hex.bytes(IKM_E));
    AsymmetricCipherKeyPair recipient = a11Suite().deriveKeyPair(Hex.bytes(IKM_R));

    assertThat(Hex.of(((X25519PrivateKeyParameters) ephemeral.getPrivate()).getEncoded())).isEqualTo(SK_EM);
    assertThat(Hex.of(((X25519PublicKeyParameters) ephemeral.getPublic()).getEncoded())).isEqualTo(PK_EM);
    assertThat(Hex.of(((X25519PrivateKeyParameters) recipient.getPrivate()).getEncoded())).isEqualTo(SK_RM);
    assertThat(Hex.of(((X25519PublicKeyParameters) recipient.getPublic()).getEncoded())).isEqualTo(PK_RM);
  }

  @Test
  void setupBaseS_withVectorEphemeralKey_givesVectorEncAndCiphertexts() throws Exception {
    HPKE hpke = a11Suite();
    AsymmetricCipherKeyPair ephemeral = hpke.deriveKeyPair(Hex.bytes(IKM_E));

    HPKEContextWithEncapsulation sender =
        hpke.setupBaseS(new X25519PublicKeyParameters(Hex.bytes(PK_RM), 0), Hex.bytes(INFO), ephemeral);

    assertThat(Hex.of(sender.getEncapsulation())).isEqualTo(ENC);
    assertThat(Hex.of(sender.seal(Hex.bytes(AAD_0), Hex.bytes(PT)))).isEqualTo(CT_0);
    assertThat(Hex.of(sender.seal(Hex.bytes(AAD_1), Hex.bytes(PT)))).isEqualTo(CT_1);
  }

  @Test
  void singleShotOpen_ofVectorCiphertextWithVectorRecipientKey_givesVectorPlaintext() throws Exception {
    // the recipient key as a provider would load it: through X25519PrivateKey, which derives the public half
    try (X25519PrivateKey recipient = new X25519PrivateKey(Hex.bytes(SK_RM))) {
      assertThat(Hex.of(recipient.publicKey())).isEqualTo(PK_RM);

      byte[] plaintext = a11Suite().open(Hex.bytes(ENC), recipient.keyPair(), Hex.bytes(INFO), Hex.bytes(AAD_0),
          Hex.bytes(CT_0), null, null, null);

      assertThat(Hex.of(plaintext)).isEqualTo(PT);
    }
  }
}
