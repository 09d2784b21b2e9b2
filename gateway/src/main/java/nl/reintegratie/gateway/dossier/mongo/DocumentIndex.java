package nl.reintegratie.gateway.dossier.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.DocumentHeader;

/**
 * One index document per owner (a dossier, or a client) listing its documents, because the embedded server has no
 * secondary indexes: {@code {_id: ownerId, documents: {<documentId>: {version: n, header: "<packed>"}}}}.
 *
 * <p>An entry only ever changes through {@code $max}, which orders these embedded documents by {@code version}
 * first and then by {@code header}, so concurrent or repeated writes in any order leave the highest, and nothing
 * ever needs a second document to change atomically:
 * <ol>
 *   <li>{@link #announce} raises the entry to {@code {version: n, header: ""}} <em>before</em> the header of n is
 *       inserted: "version n may exist";</li>
 *   <li>{@link #advance} raises it to {@code {version: n, header: "<packed header n>"}} <em>after</em> the insert;
 *       any non-empty string sorts above the empty one.</li>
 * </ol>
 * An entry with an empty header is unsettled: its writer is still busy, failed (the version exists already), or
 * crashed before or after inserting. Readers then look up versions n and n - 1 (which exists: a version is only
 * written after its predecessor) and take the highest found; see {@link Entry#candidateVersions()}.
 *
 * <p>An entry takes about 210 bytes, so one dossier or client can list some 80,000 documents before reaching
 * MongoDB's 16 MiB document limit.
 */
final class DocumentIndex {

  private static final String DOCUMENTS = "documents";
  private static final String UNSETTLED = "";

  private final String collection;

  DocumentIndex(String collection) {
    this.collection = collection;
  }

  /** Step 1: version {@code version} of {@code documentId} may exist from now on. Upserts the index document. */
  Future<Void> announce(MongoClient mongo, String ownerId, String documentId, int version) {
    return raise(mongo, ownerId, documentId,
        new JsonObject().put(DocumentCodec.VERSION, version).put(DocumentCodec.SUMMARY, UNSETTLED));
  }

  /** Step 3: {@code header} is stored; it is the latest version unless a higher one was announced already. */
  Future<Void> advance(MongoClient mongo, String ownerId, DocumentHeader header) {
    return raise(mongo, ownerId, header.documentId(), DocumentCodec.summary(header));
  }

  private Future<Void> raise(MongoClient mongo, String ownerId, String documentId, JsonObject entry) {
    JsonObject update = new JsonObject().put("$max", new JsonObject().put(DOCUMENTS + "." + documentId, entry));
    return mongo.updateCollectionWithOptions(collection, new JsonObject().put("_id", ownerId), update,
        new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  /** The owner's entries; empty when the owner has no documents. */
  Future<List<Entry>> read(MongoClient mongo, String ownerId) {
    return mongo.findOne(collection, new JsonObject().put("_id", ownerId), null).map(DocumentIndex::entries);
  }

  private static List<Entry> entries(JsonObject index) {
    List<Entry> entries = new ArrayList<>();
    JsonObject documents = index == null ? new JsonObject() : index.getJsonObject(DOCUMENTS, new JsonObject());
    for (String documentId : documents.fieldNames()) {
      JsonObject entry = documents.getJsonObject(documentId);
      int version = entry.getInteger(DocumentCodec.VERSION);
      Optional<DocumentHeader> header = UNSETTLED.equals(entry.getString(DocumentCodec.SUMMARY))
          ? Optional.empty()
          : Optional.of(DocumentCodec.fromSummary(documentId, entry));
      entries.add(new Entry(documentId, version, header));
    }
    return entries;
  }

  /**
   * One document of the owner.
   *
   * @param version the highest version announced or advanced
   * @param header  the header of {@code version} when settled; empty while unsettled
   */
  record Entry(String documentId, int version, Optional<DocumentHeader> header) {

    /** The versions to look up for an unsettled entry, highest first: the latest is the highest that exists. */
    List<Integer> candidateVersions() {
      return version > 1 ? List.of(version, version - 1) : List.of(version);
    }
  }
}
