package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.dossier.Fixtures.NOW;
import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.reintegratie.gateway.dossier.AttachmentType;
import nl.reintegratie.gateway.dossier.Cause;
import nl.reintegratie.gateway.dossier.ClientRecord;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.Fixtures;
import nl.reintegratie.gateway.dossier.FollowUpDecision;
import nl.reintegratie.gateway.dossier.FollowUpKind;
import nl.reintegratie.gateway.dossier.LadderStep;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.ReportBack;
import nl.reintegratie.gateway.dossier.ReportBackDecision;
import nl.reintegratie.gateway.dossier.ReportBackOutcome;
import nl.reintegratie.gateway.dossier.ReportBackProposal;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.dossier.StoredDocument;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryResult;
import org.junit.jupiter.api.Test;

/**
 * What the dossier capability writes in clear is ids, codes, dates, numbers and booleans, nothing else: every
 * string in every stored document is one token without spaces (an id, a code, a hash, an ISO date or a media type),
 * and byte arrays appear only in the fields meant for encrypted material.
 */
class ClearMetadataTest extends EmbeddedStoreTestBase {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_:-]*");
  private static final Pattern MEDIA_TYPE = Pattern.compile("(application|image)/[a-z]+");
  private static final Set<String> ENCRYPTED_FIELDS =
      Set.of("sealedPersonalData", "wrappedDataKey", "wrappedKey", "ciphertext");
  private static final List<String> COLLECTIONS = List.of(DossierCollections.CLIENTS,
      DossierCollections.CLIENT_KEYS, DossierCollections.TRAJECTORIES, DossierCollections.CLIENT_TRAJECTORIES,
      DossierCollections.PROVIDER_TRAJECTORIES, DossierCollections.COMMISSIONER_TRAJECTORIES,
      DossierCollections.DOCUMENT_VERSIONS, DossierCollections.DOCUMENT_CONTENTS,
      DossierCollections.DOCUMENTS_BY_TRAJECTORY, DossierCollections.DOCUMENTS_BY_CLIENT);

  @Test
  void everythingWrittenInClear_isIdsCodesDatesAndNumbersOnly() {
    writeAFullDossier();

    List<String> problems = new ArrayList<>();
    int documentCount = 0;
    for (String collection : COLLECTIONS) {
      List<JsonObject> stored = await(store.mongo().find(collection, new JsonObject()));
      assertThat(stored).as(collection).isNotEmpty();
      documentCount += stored.size();
      stored.forEach(document -> inspect(collection, "", document, problems));
    }

    assertThat(problems).isEmpty();
    assertThat(documentCount).isGreaterThanOrEqualTo(12);
  }

  @Test
  void contentDocuments_holdNothingButTheirKeysAndBytes() {
    writeAFullDossier();

    for (JsonObject content : await(store.mongo().find(DossierCollections.DOCUMENT_CONTENTS, new JsonObject()))) {
      assertThat(content.fieldNames())
          .containsExactlyInAnyOrder("_id", "versionKey", "wrappedDataKey", "ciphertext");
    }
  }

  private void writeAFullDossier() {
    // the "personal data" is plain text here on purpose: it must still only ever appear as binary
    byte[] name = "Fatima El Amrani, fatima@example.org".getBytes(StandardCharsets.UTF_8);
    ClientRecord client = ClientRecord.register(Fixtures.bsnHash(), name, Fixtures.randomBytes(60), NOW);
    MongoClientRepository clients = new MongoClientRepository(store);
    await(clients.create(client));
    await(clients.setLastRegime(client.clientId(), Regime.PARTICIPATIEWET));
    await(clients.setRetainUntil(client.clientId(), NOW.plusSeconds(86_400L * 365 * 7)));
    await(new MongoClientKeyRepository(store).create(Fixtures.key(client.clientId())));

    MongoTrajectoryRepository trajectories = new MongoTrajectoryRepository(store);
    Trajectory trajectory = Fixtures.trajectory(client.clientId());
    await(trajectories.create(trajectory));
    String reportBack = UUID.randomUUID().toString();
    // the commissioners' explanations are plain text here on purpose too: only ever binary, in the encrypted fields
    await(trajectories.update(trajectory.start(LocalDate.of(2026, 12, 2), Optional.of(LadderStep.ISOLATED))
        .withLastContact(LocalDate.of(2027, 1, 5))
        .reportedBack(ReportBack.received(reportBack, Cause.ILLNESS, ReportBackProposal.STOP,
            LocalDate.of(2027, 1, 10), NOW))
        .reportBackDecided(reportBack, new ReportBackDecision(ReportBackOutcome.REJECTED, LocalDate.of(2027, 1, 12),
            "2c1e9a7b-0d4f-4e55-9a43-5b1f1e0f7c21", NOW, Optional.of(new SealedText(Fixtures.randomBytes(60),
                "Ze is ziek; we wachten haar herstel af".getBytes(StandardCharsets.UTF_8)))))
        .end(LocalDate.of(2027, 2, 1), TrajectoryResult.ENDED_EARLY, List.of(Cause.COMPLEX_PROBLEMS, Cause.OTHER),
            Optional.of(LadderStep.SOCIAL_CONTACTS))
        .followUpDecided(new FollowUpDecision(FollowUpKind.REASONED_STOP, LocalDate.of(2027, 3, 1),
            LocalDate.of(2027, 2, 20), "2c1e9a7b-0d4f-4e55-9a43-5b1f1e0f7c21", NOW, Optional.empty(),
            Optional.of(new SealedText(Fixtures.randomBytes(60),
                "Zij verhuist naar een andere gemeente".getBytes(StandardCharsets.UTF_8)))))));

    MongoDocumentRepository documents = new MongoDocumentRepository(store);
    DocumentHeader report = Fixtures.firstHeader(trajectory, DocumentType.END_REPORT);
    await(documents.insertVersion(new StoredDocument(report, Fixtures.randomBytes(60),
        "Zij kon niet verder door haar gezondheid".getBytes(StandardCharsets.UTF_8))));
    await(documents.insertVersion(Fixtures.stored(Fixtures.correctionOf(report))));
    await(documents.insertVersion(Fixtures.stored(DocumentHeader.first(trajectory.trajectoryId(),
        client.clientId(), DocumentType.ATTACHMENT, DocumentProperties.healthAttachment(),
        AttachmentType.JPEG.mediaType(), 2048, NOW, "werkfit-oost"))));
  }

  private static boolean isToken(String text) {
    return TOKEN.matcher(text).matches() || MEDIA_TYPE.matcher(text).matches();
  }

  private static void inspect(String collection, String path, Object value, List<String> problems) {
    String where = collection + ":" + path;
    if (value instanceof JsonObject) {
      JsonObject object = (JsonObject) value;
      if (object.containsKey("$binary")) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (!ENCRYPTED_FIELDS.contains(field)) {
          problems.add(where + " holds bytes outside the encrypted fields");
        }
        return;
      }
      if (object.containsKey("$date")) {
        return;
      }
      object.fieldNames().forEach(field -> inspect(collection, path + "." + field, object.getValue(field), problems));
    } else if (value instanceof JsonArray) {
      ((JsonArray) value).forEach(element -> inspect(collection, path + "[]", element, problems));
    } else if (value instanceof String && path.endsWith(".header")) {
      // a packed header summary in an index document: every part must pass on its own
      for (String part : ((String) value).split("\\|", -1)) {
        if (!part.isEmpty() && !isToken(part)) {
          problems.add(where + " packs text that is not an id, code or date");
        }
      }
    } else if (value instanceof String) {
      if (!isToken((String) value)) {
        problems.add(where + " holds text that is not an id, code or date");
      }
    } else if (!(value instanceof Number) && !(value instanceof Boolean)) {
      problems.add(where + " holds a " + (value == null ? "null" : value.getClass().getSimpleName()));
    }
  }
}
