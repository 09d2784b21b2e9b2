package nl.reintegratie.gateway.signature.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import org.junit.jupiter.api.Test;

/** Public keys as text: the forms a supervisor pastes, and the fingerprint openssl prints for the same file. */
class PublicKeyTextTest {

  private static final String WERKPAD_RAW_HEX = "c59544c333269647d4d311475a5e2d03525ab8bb53e8203ee8d746d2aaa7dcf4";

  @Test
  void pemAsOpensslWritesIt_givesTheRawKey() throws Exception {
    String pem = Files.readString(ProjectFiles.keysDev().resolve("providers/werkpad/signing-ed25519.pub"));

    assertThat(PublicKeyText.ED25519.raw(pem)).hasValueSatisfying(raw ->
        assertThat(HexFormat.of().formatHex(raw)).isEqualTo(WERKPAD_RAW_HEX));
    assertThat(PublicKeyText.ED25519.raw(pem.replace("\n", "\r\n"))).isPresent();
  }

  @Test
  void base64OfTheDerOrOfTheRawBytes_givesTheRawKey() {
    byte[] raw = HexFormat.of().parseHex(WERKPAD_RAW_HEX);

    assertThat(PublicKeyText.ED25519.raw(Base64.getEncoder().encodeToString(raw))).hasValue(raw);
    assertThat(PublicKeyText.ED25519.raw("MCowBQYDK2VwAyEAxZVEwzMmlkfU0xFHWl4tA1JauLtT6CA+6NdG0qqn3PQ="))
        .hasValue(raw);
  }

  @Test
  void anotherAlgorithmsKey_aPrivateKey_orGarbage_giveNothing() throws Exception {
    String x25519Pem = Files.readString(ProjectFiles.keysDev().resolve("providers/werkpad/encryption-x25519.pub"));

    assertThat(PublicKeyText.ED25519.raw(x25519Pem)).isEmpty();
    assertThat(PublicKeyText.X25519.raw(x25519Pem)).isPresent();
    assertThat(PublicKeyText.ED25519.raw("-----BEGIN PRIVATE KEY-----\n"
        + "MC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----\n")).isEmpty();
    assertThat(PublicKeyText.ED25519.raw("xZVEwzMmlkfU0xFHWl4tA1JauLtT6CA+6NdG0qqn3P")).isEmpty(); // 31 bytes
    assertThat(PublicKeyText.ED25519.raw("not a key at all")).isEmpty();
    assertThat(PublicKeyText.ED25519.raw(null)).isEmpty();
  }

  @Test
  void fingerprint_isWhatOpensslPrintsForTheProvidersFile() {
    // openssl pkey -pubin -in keys-dev/providers/werkpad/signing-ed25519.pub -outform DER | sha256sum
    assertThat(PublicKeyText.ED25519.fingerprint(HexFormat.of().parseHex(WERKPAD_RAW_HEX)))
        .isEqualTo("c2435fff934d5f0123c7c10ab3e4047c88160142349037a31e2e72676176c911");
    // the same for encryption-x25519.pub
    assertThat(PublicKeyText.X25519.fingerprint(HexFormat.of().parseHex(
        "e61707d2fe57b6c808f20723755db67f9db619895376fe3b6203bc816cfa6409")))
        .isEqualTo("7ee03fe23d7cd4f2b3aa3c7f931a061daca678e51643c2eeaeeb199c933d5417");
  }
}
