package nl.reintegratie.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.protocol.crypto.IntegrityException;
import nl.reintegratie.gateway.crypto.KeyRing;
import nl.reintegratie.gateway.crypto.UnknownKeyVersionException;
import nl.reintegratie.gateway.crypto.WrappedKey;
import nl.reintegratie.gateway.dossier.mongo.DossierCollections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encrypted dossier on the real embedded store: round trips and every way it must refuse. */
class DossierServiceTest {

  @TempDir
  Path dir;
  private DossierFixture fixture;
  private DossierFixture.Written written;

  @BeforeEach
  void writeDossier() throws Exception {
    fixture = DossierFixture.open(dir);
    written = fixture.writeFullDossier();
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void everyDocumentAndThePersonalData_readBackExactly() throws Exception {
    for (int i = 0; i < written.headers().size(); i++) {
      DocumentHeader header = written.headers().get(i);
      DossierService.OpenedDocument opened = await(fixture.service.readDocument(header.documentId(), OptionalInt.empty()));
      assertThat(opened.content()).isEqualTo(written.contents().get(i));
      assertThat(opened.header()).isEqualTo(header);
    }
    PersonalData personal = await(fixture.service.personalData(written.clientId()));
    assertThat(personal.fullName()).isEqualTo("Fatima El Amrani");
    assertThat(personal.email()).contains(DossierFixture.EMAIL);
    assertThat(await(fixture.service.findClientByBsn(DossierFixture.BSN))).contains(written.clientId());
  }

  @Test
  void secondRegistrationOfTheSameBsn_isRefused_andInvalidBsnToo() {
    assertThatThrownBy(() -> await(fixture.service.registerClient(DossierFixture.BSN,
        new PersonalData("Iemand", "Anders", Optional.empty(), Optional.empty()))))
        .isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> await(fixture.service.registerClient("123456789",
        new PersonalData("Iemand", "Anders", Optional.empty(), Optional.empty()))))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void correction_isANewVersion_andHistoryStays() throws Exception {
    DocumentHeader endReport = headerOf(DocumentType.END_REPORT);
    byte[] corrected = "{\"text\":\"gecorrigeerd\"}".getBytes();

    DocumentHeader v2 = await(fixture.service.correctDocument(endReport.documentId(), 1, CorrectionReason.FACTUAL_ERROR,
        new DossierService.NewContent(endReport.properties(), "application/json", corrected, "werkpad")));

    assertThat(v2.version()).isEqualTo(2);
    assertThat(await(fixture.service.readDocument(endReport.documentId(), OptionalInt.empty())).content())
        .isEqualTo(corrected);
    assertThat(await(fixture.service.readDocument(endReport.documentId(), OptionalInt.of(1))).content())
        .isEqualTo(written.contents().get(written.headers().indexOf(endReport)));
    assertThatThrownBy(() -> await(fixture.service.correctDocument(endReport.documentId(), 1,
        CorrectionReason.INCOMPLETE, new DossierService.NewContent(endReport.properties(), "application/json",
            corrected, "werkpad"))))
        .as("a second correction of version 1 conflicts with the first").isInstanceOf(ConflictException.class);
  }

  @Test
  void oneFlippedByteInAStoredCiphertext_isAnIntegrityFailure_neverData() throws Exception {
    DocumentHeader endReport = headerOf(DocumentType.END_REPORT);
    JsonObject content = contentRecordOf(endReport);
    byte[] ciphertext = content.getJsonObject("ciphertext").getBinary("$binary");
    ciphertext[ciphertext.length / 2] ^= 0x01;
    content.put("ciphertext", new JsonObject().put("$binary", ciphertext));
    await(fixture.store.mongo().save(DossierCollections.DOCUMENT_CONTENTS, content));

    assertThatThrownBy(() -> await(fixture.service.readDocument(endReport.documentId(), OptionalInt.empty())))
        .isInstanceOf(IntegrityException.class);
  }

  @Test
  void ciphertextAndKeyMovedToAnotherRecord_isAnIntegrityFailure() throws Exception {
    JsonObject plan = contentRecordOf(headerOf(DocumentType.PLAN_OF_APPROACH));
    JsonObject progress = contentRecordOf(headerOf(DocumentType.PROGRESS_REPORT));
    progress.put("ciphertext", plan.getJsonObject("ciphertext")).put("wrappedDataKey", plan.getJsonObject("wrappedDataKey"));
    await(fixture.store.mongo().save(DossierCollections.DOCUMENT_CONTENTS, progress));

    assertThatThrownBy(() -> await(fixture.service.readDocument(headerOf(DocumentType.PROGRESS_REPORT).documentId(),
        OptionalInt.empty()))).isInstanceOf(IntegrityException.class);
    assertThat(await(fixture.service.readDocument(headerOf(DocumentType.PLAN_OF_APPROACH).documentId(),
        OptionalInt.empty())).content()).as("the original is untouched").isNotEmpty();
  }

  @Test
  void rotation_rewrapsClientKeysOnly_allStaysReadable_andTheOldKekCanBeRemoved() throws Exception {
    DossierFixture.Written second = registerAnother();
    ClientKeyRecord before = await(fixture.clientKeys.find(written.clientId())).orElseThrow();
    int v2 = KeyRing.addVersion(fixture.keyRingFile);
    fixture.reloadKeys();
    List<KeyRotation.Progress> reports = new java.util.ArrayList<>();

    KeyRotation.Progress done = await(new KeyRotation(fixture.vertx, fixture.keys, fixture.clientKeys)
        .rewrapAll(reports::add));

    assertThat(done.seen()).isEqualTo(2);
    assertThat(done.rewrapped()).isEqualTo(2);
    assertThat(reports).isNotEmpty();
    assertThat(await(new KeyRotation(fixture.vertx, fixture.keys, fixture.clientKeys).countUsing(1))).isZero();
    KeyRing.retireVersion(fixture.keyRingFile, 1);
    fixture.reloadKeys();
    assertThat(fixture.keys.versions()).containsExactly(v2);
    for (DocumentHeader header : written.headers()) {
      assertThat(await(fixture.service.readDocument(header.documentId(), OptionalInt.empty())).content()).isNotEmpty();
    }
    assertThat(await(fixture.service.personalData(second.clientId())).givenName()).isEqualTo("Jan");
    assertThatThrownBy(() -> fixture.keys.unwrap(new WrappedKey(before.kekVersion(), before.wrappedKey()),
        DossierKeys.clientKey(written.clientId())))
        .as("a backup's copy of the old wrapped key is useless once v1 is gone")
        .isInstanceOf(UnknownKeyVersionException.class);
  }

  @Test
  void dataSealedForTheClient_opensOnlyUnderItsOwnRecord_andIsShreddedWithTheClient() throws Exception {
    byte[] reasons = "Zodat de nieuwe coach niet opnieuw begint.".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var ad = nl.reintegratie.protocol.crypto.AssociatedData.of("grant-reasons", "grant-1");
    SealedText sealed = await(fixture.service.sealForClient(written.clientId(), ad, reasons));

    assertThat(new String(sealed.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(reasons, java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(await(fixture.service.openForClient(written.clientId(), ad, sealed))).isEqualTo(reasons);
    assertThatThrownBy(() -> await(fixture.service.openForClient(written.clientId(),
        nl.reintegratie.protocol.crypto.AssociatedData.of("grant-reasons", "grant-2"), sealed)))
        .isInstanceOf(nl.reintegratie.protocol.crypto.IntegrityException.class);

    await(fixture.service.shredClient(written.clientId()));
    assertThatThrownBy(() -> await(fixture.service.openForClient(written.clientId(), ad, sealed)))
        .isInstanceOf(ShreddedException.class);
  }

  @Test
  void shredding_makesEveryDocumentUnreadable_andKeepsTheStatistics() throws Exception {
    Trajectory trajectoryBefore = await(fixture.trajectories.findById(written.trajectoryId())).orElseThrow();

    await(fixture.service.shredClient(written.clientId()));

    for (DocumentHeader header : written.headers()) {
      assertThatThrownBy(() -> await(fixture.service.readDocument(header.documentId(), OptionalInt.empty())))
          .isInstanceOf(ShreddedException.class);
    }
    assertThatThrownBy(() -> await(fixture.service.personalData(written.clientId())))
        .isInstanceOf(ShreddedException.class);
    assertThat(await(fixture.service.findClientByBsn(DossierFixture.BSN))).isEmpty();
    assertThat(await(fixture.trajectories.findById(written.trajectoryId()))).contains(trajectoryBefore);
    assertThat(await(fixture.documents.listByTrajectory(written.trajectoryId())))
        .as("the clear metadata of the documents stays for statistics").hasSize(written.headers().size());
  }

  @Test
  void aSealedExplanation_opensInItsOwnPlaceOnly_andNotAfterShredding() throws Exception {
    Trajectory trajectory = await(fixture.trajectories.findById(written.trajectoryId())).orElseThrow();
    ReportBack rejected = trajectory.reportBacks().get(0);
    SealedText sealed = rejected.decision().orElseThrow().explanation().orElseThrow();
    String place = SealedText.reportBackDecision(rejected.documentId());

    assertThat(await(fixture.service.openText(trajectory, place, sealed))).isEqualTo(DossierFixture.DECISION_SENTENCE);
    assertThatThrownBy(() -> await(fixture.service.openText(trajectory, SealedText.FOLLOW_UP_DECISION, sealed)))
        .as("moved to the follow-up decision").isInstanceOf(IntegrityException.class);
    byte[] flipped = sealed.ciphertext();
    flipped[flipped.length - 1] ^= 0x01;
    assertThatThrownBy(() -> await(fixture.service.openText(trajectory, place,
        new SealedText(sealed.wrappedDataKey(), flipped)))).isInstanceOf(IntegrityException.class);

    await(fixture.service.shredClient(written.clientId()));

    assertThatThrownBy(() -> await(fixture.service.openText(trajectory, place, sealed)))
        .isInstanceOf(ShreddedException.class);
    assertThatThrownBy(() -> await(fixture.service.sealText(trajectory, place, "nieuw")))
        .isInstanceOf(ShreddedException.class);
  }

  @Test
  void endingATrajectory_setsTheClientsRetentionFromItsRegime() throws Exception {
    Trajectory ended = await(fixture.service.endTrajectory(written.trajectoryId(), java.time.LocalDate.of(2026, 7, 1),
        TrajectoryResult.ENDED_WITHOUT_RESULT, List.of(Cause.ILLNESS), Optional.empty()));

    assertThat(ended.status()).isEqualTo(TrajectoryStatus.ENDED);
    assertThat(await(fixture.clients.findById(written.clientId())).orElseThrow().retainUntil())
        .contains(Instant.parse("2033-07-01T00:00:00Z"));
  }

  @Test
  void retentionJob_shredsOnlyClientsWhoseRetentionEnded() throws Exception {
    DossierFixture.Written second = registerAnother();
    await(fixture.clients.setRetainUntil(written.clientId(), Instant.now().minusSeconds(60)));
    await(fixture.clients.setRetainUntil(second.clientId(), Instant.now().plusSeconds(3600)));

    int shredded = await(new RetentionJob(fixture.clients, fixture.service, java.time.Clock.systemUTC()).run());

    assertThat(shredded).isEqualTo(1);
    assertThatThrownBy(() -> await(fixture.service.personalData(written.clientId())))
        .isInstanceOf(ShreddedException.class);
    assertThat(await(fixture.service.personalData(second.clientId())).givenName()).isEqualTo("Jan");
  }

  private DossierFixture.Written registerAnother() throws Exception {
    String clientId = await(fixture.service.registerClient("999991772",
        new PersonalData("Jan", "de Vries", Optional.empty(), Optional.empty())));
    return new DossierFixture.Written(clientId, null, List.of(), List.of());
  }

  private DocumentHeader headerOf(DocumentType type) {
    return written.headers().stream().filter(h -> h.type() == type).findFirst().orElseThrow();
  }

  /** The raw record that holds a version's ciphertext, as an attacker with database access sees it. */
  private JsonObject contentRecordOf(DocumentHeader header) throws Exception {
    JsonObject version = await(fixture.store.mongo().findOne(DossierCollections.DOCUMENT_VERSIONS,
        new JsonObject().put("_id", header.documentId() + ":" + header.version()), null));
    return await(fixture.store.mongo().findOne(DossierCollections.DOCUMENT_CONTENTS,
        new JsonObject().put("_id", version.getString("contentId")), null));
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.await(30, TimeUnit.SECONDS);
  }
}
