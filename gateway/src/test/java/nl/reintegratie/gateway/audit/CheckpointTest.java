package nl.reintegratie.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import nl.reintegratie.gateway.testsupport.ProjectFiles;
import nl.reintegratie.protocol.crypto.Ed25519SigningKey;
import org.junit.jupiter.api.Test;

/**
 * Signed checkpoints as C2SP signed notes: the exact text, the key id and signature as c2sp.org/signed-note defines
 * them (checked with the JDK's own Ed25519, independent of the Bouncy Castle code that signs), and every forgery
 * refused.
 */
class CheckpointTest {

  private static final TreeHash ROOT = TreeHash.fromHex(MerkleKnownAnswerTest.ROOTS.get(8));
  private static final Instant TIME = Instant.parse("2026-11-24T10:15:30.123Z");

  @Test
  void note_isTheDocumentedText_withOneSignatureLine() {
    CheckpointSigner signer = new CheckpointSigner("localhost:8443/disclosure-log", devKey());

    String note = signer.sign(8, ROOT, TIME).note();

    String text = "localhost:8443/disclosure-log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"
        + "time 2026-11-24T10:15:30.123Z\n";
    assertThat(note).startsWith(text + "\n\u2014 localhost:8443/disclosure-log ").endsWith("\n");
    assertThat(note.lines().count()).isEqualTo(6);
  }

  @Test
  void signature_isEd25519OverTheText_underTheSignedNoteKeyId() throws Exception {
    Ed25519SigningKey key = devKey();
    SignedCheckpoint checkpoint = new CheckpointSigner("localhost:8443/disclosure-log", key).sign(8, ROOT, TIME);
    String line = checkpoint.note().lines().reduce((first, second) -> second).orElseThrow();
    byte[] value = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));

    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update("localhost:8443/disclosure-log\n".getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) 0x01);
    sha256.update(key.publicKey());
    assertThat(Arrays.copyOf(value, 4)).isEqualTo(Arrays.copyOf(sha256.digest(), 4));

    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(devPublicKeyDer())));
    jdk.update(checkpoint.checkpoint().text().getBytes(StandardCharsets.UTF_8));
    assertThat(jdk.verify(Arrays.copyOfRange(value, 4, value.length))).isTrue();
  }

  @Test
  void parse_isTheInverseOfNote_andTheVerifierAcceptsIt() {
    CheckpointSigner signer = AuditFixtures.newSigner();
    SignedCheckpoint signed = signer.sign(8, ROOT, TIME);

    SignedCheckpoint parsed = SignedCheckpoint.parse(signed.note());

    assertThat(parsed).isEqualTo(signed);
    assertThat(parsed.checkpoint()).isEqualTo(new Checkpoint(AuditFixtures.ORIGIN, 8, ROOT, TIME));
    assertThat(signer.verifier().verify(parsed)).isTrue();
  }

  @Test
  void forgeries_areRefused() {
    CheckpointSigner signer = AuditFixtures.newSigner();
    CheckpointVerifier verifier = signer.verifier();
    String note = signer.sign(8, ROOT, TIME).note();

    assertThat(verifier.verify(SignedCheckpoint.parse(note.replace("\n8\n", "\n9\n")))).as("size").isFalse();
    assertThat(verifier.verify(SignedCheckpoint.parse(note.replace(ROOT.base64(),
        TreeHash.fromHex(MerkleKnownAnswerTest.ROOTS.get(7)).base64())))).as("root").isFalse();
    assertThat(verifier.verify(SignedCheckpoint.parse(note.replace("10:15:30.123", "10:15:31.123"))))
        .as("time").isFalse();
    assertThat(verifier.verify(AuditFixtures.newSigner().sign(8, ROOT, TIME))).as("another key").isFalse();
    assertThat(new CheckpointSigner("other.example/log", AuditFixtures.newKey()).verifier()
        .verify(SignedCheckpoint.parse(note))).as("another log").isFalse();

    SignedCheckpoint genuine = SignedCheckpoint.parse(note);
    NoteSignature signature = genuine.signatures().get(0);
    byte[] flipped = signature.signature();
    flipped[10] ^= 1;
    assertThat(verifier.verify(new SignedCheckpoint(genuine.checkpoint(),
        List.of(new NoteSignature(signature.keyName(), signature.keyId(), flipped))))).as("flipped bit").isFalse();
    NoteSignature stranger = AuditFixtures.newSigner().sign(8, ROOT, TIME).signatures().get(0);
    assertThat(verifier.verify(new SignedCheckpoint(genuine.checkpoint(), List.of(stranger, signature))))
        .as("an unknown key's signature is ignored, the known one counts").isTrue();
    assertThat(verifier.verify(new SignedCheckpoint(genuine.checkpoint(), List.of(stranger))))
        .as("only an unknown key's signature").isFalse();
  }

  @Test
  void malformedNotes_doNotParse() {
    String note = AuditFixtures.newSigner().sign(8, ROOT, TIME).note();

    assertThatThrownBy(() -> SignedCheckpoint.parse(note.replace("\n8\n", "\n08\n")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SignedCheckpoint.parse(note.replace("\n\n", "\n")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SignedCheckpoint.parse(note.replace("time ", "extra\ntime ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SignedCheckpoint.parse(note.replace("\u2014", "-")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Ed25519SigningKey devKey() {
    try {
      String pem = Files.readString(ProjectFiles.keysDev().resolve("gateway/signing-ed25519.key"));
      return Ed25519SigningKey.fromPkcs8(pemBody(pem));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] devPublicKeyDer() throws java.io.IOException {
    return pemBody(Files.readString(ProjectFiles.keysDev().resolve("gateway/signing-ed25519.pub")));
  }

  private static byte[] pemBody(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }
}
