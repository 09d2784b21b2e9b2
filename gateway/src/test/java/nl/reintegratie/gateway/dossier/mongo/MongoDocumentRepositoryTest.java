package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.dossier.Fixtures.NOW;
import static nl.reintegratie.gateway.dossier.Fixtures.correctionOf;
import static nl.reintegratie.gateway.dossier.Fixtures.firstHeader;
import static nl.reintegratie.gateway.dossier.Fixtures.stored;
import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.reintegratie.gateway.dossier.AlreadyExistsException;
import nl.reintegratie.gateway.dossier.AttachmentType;
import nl.reintegratie.gateway.dossier.Confidentiality;
import nl.reintegratie.gateway.dossier.CorrectionReason;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.Fixtures;
import nl.reintegratie.gateway.dossier.StoredDocument;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.Transferability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoDocumentRepositoryTest extends EmbeddedStoreTestBase {

  private MongoDocumentRepository documents;
  private final Trajectory dossier = Fixtures.trajectory("client-1");

  @BeforeEach
  void repository() {
    documents = new MongoDocumentRepository(store);
  }

  @Test
  void insertVersion_thenFindVersion_returnsItByteForByte() {
    StoredDocument v1 = stored(firstHeader(dossier, DocumentType.PLAN_OF_APPROACH));

    await(documents.insertVersion(v1));

    assertThat(await(documents.findVersion(v1.documentId(), 1))).contains(v1);
    assertThat(await(documents.findVersion(v1.documentId(), 2))).isEmpty();
    assertThat(await(documents.findLatest("no-such-document"))).isEmpty();
  }

  @Test
  void randomHundredKilobyteAttachment_survivesExactly() {
    DocumentHeader header = DocumentHeader.first(dossier.trajectoryId(), dossier.clientId(), DocumentType.ATTACHMENT,
        DocumentProperties.healthAttachment(), AttachmentType.PDF.mediaType(), 100 * 1024, NOW, "werkfit-oost");
    byte[] ciphertext = Fixtures.randomBytes(100 * 1024 + 28);
    byte[] wrappedKey = Fixtures.randomBytes(60);

    await(documents.insertVersion(new StoredDocument(header, wrappedKey, ciphertext)));
    StoredDocument found = await(documents.findLatest(header.documentId())).orElseThrow();

    assertThat(found.ciphertext()).isEqualTo(ciphertext);
    assertThat(found.wrappedDataKey()).isEqualTo(wrappedKey);
    assertThat(found.header()).isEqualTo(header);
  }

  @Test
  void everyHeaderField_survivesTheListingSummary() {
    DocumentHeader hidden = DocumentHeader.first(dossier.trajectoryId(), dossier.clientId(), DocumentType.ATTACHMENT,
        new DocumentProperties(Confidentiality.HEALTH, false, Transferability.NEVER), AttachmentType.PNG.mediaType(),
        9_876_543L, NOW, "f:idp-1:0b7c5a52-5a3e-4f8e-9d1c-2d6f1e0c9a11");
    DocumentHeader corrected = hidden.correction(CorrectionReason.CLIENT_REQUEST,
        DocumentProperties.healthAttachment(), AttachmentType.JPEG.mediaType(), 77, NOW.plusMillis(1), "werkfit-oost");
    await(documents.insertVersion(stored(hidden)));
    DocumentHeader other = firstHeader(dossier, DocumentType.OWN_ACCOUNT);
    await(documents.insertVersion(stored(other)));

    assertThat(await(documents.listByTrajectory(dossier.trajectoryId()))).containsExactlyInAnyOrder(hidden, other);
    await(documents.insertVersion(stored(corrected)));
    assertThat(await(documents.listByClient(dossier.clientId()))).containsExactlyInAnyOrder(corrected, other);
  }

  @Test
  void twoVersions_latestIsTheSecondAndHistoryKeepsBoth() {
    DocumentHeader h1 = firstHeader(dossier, DocumentType.PROGRESS_REPORT);
    StoredDocument v1 = stored(h1);
    StoredDocument v2 = stored(correctionOf(h1));

    await(documents.insertVersion(v1));
    await(documents.insertVersion(v2));

    assertThat(await(documents.findLatest(h1.documentId()))).contains(v2);
    assertThat(await(documents.listVersions(h1.documentId()))).containsExactly(v1.header(), v2.header());
    assertThat(await(documents.findVersion(h1.documentId(), 1))).contains(v1);
    assertThat(await(documents.listByTrajectory(dossier.trajectoryId()))).containsExactly(v2.header());
  }

  @Test
  void sameVersionInsertedTwice_secondFailsAsConflict() {
    DocumentHeader h1 = firstHeader(dossier, DocumentType.PROGRESS_REPORT);
    await(documents.insertVersion(stored(h1)));
    StoredDocument mine = stored(correctionOf(h1));
    StoredDocument theirs = stored(correctionOf(h1)); // a concurrent correction of the same version
    await(documents.insertVersion(mine));

    assertThatThrownBy(() -> await(documents.insertVersion(theirs)))
        .cause().isInstanceOf(AlreadyExistsException.class)
        .satisfies(e -> assertThat(((AlreadyExistsException) e).kind())
            .isEqualTo(AlreadyExistsException.Kind.DOCUMENT_VERSION));
    assertThat(await(documents.findLatest(h1.documentId()))).contains(mine);
    assertThat(await(documents.listByTrajectory(dossier.trajectoryId())).get(0)).isEqualTo(mine.header());
  }

  @Test
  void concurrentCorrections_exactlyOneWins() {
    DocumentHeader h1 = firstHeader(dossier, DocumentType.END_REPORT);
    await(documents.insertVersion(stored(h1)));

    List<Future<Void>> attempts = List.of(documents.insertVersion(stored(correctionOf(h1))),
        documents.insertVersion(stored(correctionOf(h1))), documents.insertVersion(stored(correctionOf(h1))));
    await(Future.join(attempts).transform(settled -> Future.succeededFuture())); // all settled

    assertThat(attempts.stream().filter(Future::succeeded)).hasSize(1);
    assertThat(attempts.stream().filter(Future::failed))
        .allSatisfy(f -> assertThat(f.cause()).isInstanceOf(AlreadyExistsException.class));
    assertThat(await(documents.listVersions(h1.documentId()))).hasSize(2);
  }

  @Test
  void versionWithoutItsPredecessor_isRefused() {
    DocumentHeader h1 = firstHeader(dossier, DocumentType.PROGRESS_REPORT);
    DocumentHeader h3 = correctionOf(correctionOf(h1));
    await(documents.insertVersion(stored(h1)));

    assertThatThrownBy(() -> await(documents.insertVersion(stored(h3))))
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void correctionMovedToAnotherDossier_isRefused() {
    DocumentHeader h1 = firstHeader(dossier, DocumentType.PROGRESS_REPORT);
    await(documents.insertVersion(stored(h1)));
    DocumentHeader elsewhere = new DocumentHeader(h1.documentId(), 2, "other-dossier", h1.clientId(), h1.type(),
        h1.properties(), h1.contentType(), 1, NOW, "werkfit-oost", OptionalInt.of(1),
        correctionOf(h1).correctionReason());

    assertThatThrownBy(() -> await(documents.insertVersion(stored(elsewhere))))
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listByTrajectoryAndByClient_returnTheLatestVersionOfEachDocument() {
    Trajectory secondDossier = Fixtures.trajectory("client-1");
    DocumentHeader plan = firstHeader(dossier, DocumentType.PLAN_OF_APPROACH);
    DocumentHeader report = firstHeader(dossier, DocumentType.PROGRESS_REPORT);
    DocumentHeader reportV2 = correctionOf(report);
    DocumentHeader logbook = DocumentHeader.first(secondDossier.trajectoryId(), "client-1",
        DocumentType.LOGBOOK_ENTRY, DocumentProperties.defaultsFor(DocumentType.LOGBOOK_ENTRY), DocumentType.JSON, 80,
        NOW, "0b7c5a52-5a3e-4f8e-9d1c-2d6f1e0c9a11");
    DocumentHeader otherClients = firstHeader(Fixtures.trajectory("client-2"), DocumentType.END_REPORT);
    for (DocumentHeader header : List.of(plan, report, reportV2, logbook, otherClients)) {
      await(documents.insertVersion(stored(header)));
    }

    assertThat(await(documents.listByTrajectory(dossier.trajectoryId())))
        .containsExactlyInAnyOrder(plan, reportV2);
    assertThat(await(documents.listByClient("client-1"))).containsExactlyInAnyOrder(plan, reportV2, logbook);
    assertThat(await(documents.listByTrajectory("empty-dossier"))).isEmpty();
  }

  @Test
  void crashBetweenVersionInsertAndIndexUpdate_documentIsStillFound() {
    DocumentHeader h1 = firstHeader(dossier, DocumentType.CONTACT_MOMENT);
    StoredDocument v1 = stored(h1);
    writeUntilCrash(v1, true); // content, announced entries and header written; entries never settled

    assertThat(await(documents.findLatest(h1.documentId()))).contains(v1);
    assertThat(await(documents.listByTrajectory(dossier.trajectoryId()))).containsExactly(h1);
    assertThat(await(documents.listByClient(dossier.clientId()))).containsExactly(h1);
  }

  @Test
  void crashBetweenCorrectionInsertAndIndexUpdate_listingsShowTheCorrection() {
    DocumentHeader h1 = firstHeader(dossier, DocumentType.PROGRESS_REPORT);
    await(documents.insertVersion(stored(h1)));
    StoredDocument v2 = stored(correctionOf(h1));
    writeUntilCrash(v2, true);

    assertThat(await(documents.findLatest(h1.documentId()))).contains(v2);
    assertThat(await(documents.listByTrajectory(dossier.trajectoryId()))).containsExactly(v2.header());

    // the next correction goes through normally and leaves the index caught up
    StoredDocument v3 = stored(correctionOf(v2.header()));
    await(documents.insertVersion(v3));
    assertThat(await(documents.listByTrajectory(dossier.trajectoryId()))).containsExactly(v3.header());
    assertThat(await(documents.listVersions(h1.documentId()))).hasSize(3);
  }

  @Test
  void crashBeforeVersionInsert_showsNothingAndInsertCanBeRetried() {
    StoredDocument v1 = stored(firstHeader(dossier, DocumentType.REPORT_BACK));
    writeUntilCrash(v1, false); // content and announced entries only

    assertThat(await(documents.findLatest(v1.documentId()))).isEmpty();
    assertThat(await(documents.listByTrajectory(dossier.trajectoryId()))).isEmpty();

    await(documents.insertVersion(v1));
    assertThat(await(documents.listByTrajectory(dossier.trajectoryId()))).containsExactly(v1.header());
  }

  @Test
  void crashBeforeCorrectionInsert_listingsKeepShowingThePreviousVersion() {
    DocumentHeader h1 = firstHeader(dossier, DocumentType.PROGRESS_REPORT);
    await(documents.insertVersion(stored(h1)));
    StoredDocument v2 = stored(correctionOf(h1));
    writeUntilCrash(v2, false); // the entry now announces version 2, which was never stored

    assertThat(await(documents.listByTrajectory(dossier.trajectoryId()))).containsExactly(h1);
    assertThat(await(documents.findLatest(h1.documentId())).orElseThrow().header()).isEqualTo(h1);

    await(documents.insertVersion(v2)); // the retry
    assertThat(await(documents.listByTrajectory(dossier.trajectoryId()))).containsExactly(v2.header());
  }

  @Test
  void manyUnsettledEntries_areAllLookedUp() {
    List<DocumentHeader> latest = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) {
      DocumentHeader h1 = firstHeader(dossier, DocumentType.CONTACT_MOMENT);
      await(documents.insertVersion(stored(h1)));
      DocumentHeader h2 = correctionOf(h1);
      writeUntilCrash(stored(h2), i % 3 != 0); // every third crashed before its header was stored
      latest.add(i % 3 != 0 ? h2 : h1);
    }

    assertThat(await(documents.listByTrajectory(dossier.trajectoryId())))
        .containsExactlyInAnyOrderElementsOf(latest);
  }

  @Test
  void documentIdTakenInAnotherDossier_doesNotLeakIntoThisDossiersListing() {
    DocumentHeader theirs = firstHeader(Fixtures.trajectory("client-2"), DocumentType.END_REPORT);
    await(documents.insertVersion(stored(theirs)));
    DocumentHeader mineWithSameId = new DocumentHeader(theirs.documentId(), 1, dossier.trajectoryId(),
        dossier.clientId(), DocumentType.END_REPORT, theirs.properties(), DocumentType.JSON, 1, NOW, "werkfit-oost",
        OptionalInt.empty(), Optional.empty());

    assertThatThrownBy(() -> await(documents.insertVersion(stored(mineWithSameId))))
        .hasCauseInstanceOf(AlreadyExistsException.class);

    // its entries were announced before the header insert failed; the listings must not show their document
    assertThat(await(documents.listByTrajectory(dossier.trajectoryId()))).isEmpty();
    assertThat(await(documents.listByClient(dossier.clientId()))).isEmpty();
  }

  @Test
  void olderSummaryArrivingLate_neverReplacesANewerOne() {
    DocumentHeader h1 = firstHeader(dossier, DocumentType.PROGRESS_REPORT);
    DocumentHeader h2 = correctionOf(h1);
    await(documents.insertVersion(stored(h1)));
    await(documents.insertVersion(stored(h2)));
    DocumentIndex index = new DocumentIndex(DossierCollections.DOCUMENTS_BY_TRAJECTORY);

    // a slow writer of version 1 advancing only now; also checks that $max orders summaries by version
    await(index.advance(store.mongo(), dossier.trajectoryId(), h1));

    assertThat(await(documents.listByTrajectory(dossier.trajectoryId()))).containsExactly(h2);
  }

  @Test
  void manyVersions_areAllFoundByProbing() {
    DocumentHeader header = firstHeader(dossier, DocumentType.OWN_ACCOUNT);
    await(documents.insertVersion(stored(header)));
    for (int i = 0; i < 19; i++) {
      header = correctionOf(header);
      await(documents.insertVersion(stored(header)));
    }

    assertThat(await(documents.listVersions(header.documentId()))).extracting(DocumentHeader::version)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    assertThat(await(documents.findLatest(header.documentId())).orElseThrow().version()).isEqualTo(20);
  }

  /**
   * Replays {@link MongoDocumentRepository#insertVersion}'s writes up to a crash: content and announced index
   * entries, then the header if {@code headerWritten}; the entries are never settled.
   */
  private void writeUntilCrash(StoredDocument document, boolean headerWritten) {
    DocumentHeader header = document.header();
    String contentId = "content-" + header.documentId() + "-" + header.version();
    await(store.mongo().insert(DossierCollections.DOCUMENT_CONTENTS,
        DocumentCodec.contentDocument(contentId, document)));
    await(new DocumentIndex(DossierCollections.DOCUMENTS_BY_TRAJECTORY)
        .announce(store.mongo(), header.trajectoryId(), header.documentId(), header.version()));
    await(new DocumentIndex(DossierCollections.DOCUMENTS_BY_CLIENT)
        .announce(store.mongo(), header.clientId(), header.documentId(), header.version()));
    if (headerWritten) {
      JsonObject headerDocument = DocumentCodec.headerDocument(header, contentId);
      await(store.mongo().insert(DossierCollections.DOCUMENT_VERSIONS, headerDocument));
    }
  }
}
