package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.dossier.mongo.DossierCollections.DOCUMENTS_BY_CLIENT;
import static nl.reintegratie.gateway.dossier.mongo.DossierCollections.DOCUMENTS_BY_TRAJECTORY;
import static nl.reintegratie.gateway.dossier.mongo.DossierCollections.DOCUMENT_CONTENTS;
import static nl.reintegratie.gateway.dossier.mongo.DossierCollections.DOCUMENT_VERSIONS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.reintegratie.gateway.dossier.AlreadyExistsException;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentRepository;
import nl.reintegratie.gateway.dossier.StoredDocument;
import nl.reintegratie.gateway.store.Store;

/**
 * {@link DocumentRepository} without secondary indexes and without transactions.
 *
 * <p><b>Layout.</b> A version is a header in {@value DossierCollections#DOCUMENT_VERSIONS} with
 * {@code _id: "<documentId>:<version>"} (the unique key that makes a second writer of the same version fail) and
 * its content in {@value DossierCollections#DOCUMENT_CONTENTS} under a random id: listings and version probes then
 * never load ciphertext, which may be 10 MiB per version. Per dossier and per client a {@link DocumentIndex}
 * lists the documents with a summary of their latest header.
 *
 * <p><b>Write order</b> of {@link #insertVersion}, all single-document writes, made durable together:
 * <ol>
 *   <li>the content (random id: visible to no reader yet) and, in both index documents, the entry announced as
 *       this version, unsettled;</li>
 *   <li>the header: the commit point; if this version exists, the insert fails and nothing else happens;</li>
 *   <li>in both index documents, the entry settled with this header's summary.</li>
 * </ol>
 * A crash before 2 leaves unreferenced content and an unsettled entry: readers look up this version and the one
 * before, and find only the one before (or, for a first version, nothing, and skip the document). A crash between
 * 2 and 3 leaves an unsettled entry whose version readers find. The next version written settles the entry.
 * {@link #findLatest} and {@link #listVersions} do not use the index at all: versions have no gaps, so they probe
 * {@code <documentId>:1, :2, ...} in batches.
 */
public final class MongoDocumentRepository implements DocumentRepository {

  /** Versions looked up per query when probing; almost every document has fewer. */
  private static final int PROBE_BATCH = 8;
  /** Ids per {@code $in} query: keeps each query small; the chunks run concurrently. */
  private static final int IN_CHUNK = 200;

  private final Store store;
  private final DocumentIndex byTrajectory = new DocumentIndex(DOCUMENTS_BY_TRAJECTORY);
  private final DocumentIndex byClient = new DocumentIndex(DOCUMENTS_BY_CLIENT);

  public MongoDocumentRepository(Store store) {
    this.store = store;
  }

  @Override
  public Future<Void> insertVersion(StoredDocument document) {
    DocumentHeader header = document.header();
    String contentId = UUID.randomUUID().toString();
    Future<String> written = previousVersionFits(header).compose(fits -> store.durably(mongo -> Future.all(
            mongo.insert(DOCUMENT_CONTENTS, DocumentCodec.contentDocument(contentId, document)),
            byTrajectory.announce(mongo, header.trajectoryId(), header.documentId(), header.version()),
            byClient.announce(mongo, header.clientId(), header.documentId(), header.version()))
        .compose(announced -> mongo.insert(DOCUMENT_VERSIONS, DocumentCodec.headerDocument(header, contentId)))
        .compose(inserted -> Future.all(
            byTrajectory.advance(mongo, header.trajectoryId(), header),
            byClient.advance(mongo, header.clientId(), header)))
        .map(advanced -> contentId)));
    // the header insert is the only write that can meet a duplicate key
    return StoreFailures.duplicateAs(written, AlreadyExistsException.Kind.DOCUMENT_VERSION).mapEmpty();
  }

  /** Version n > 1 continues version n - 1 of the same dossier, client and type; this keeps versions gapless. */
  private Future<Void> previousVersionFits(DocumentHeader header) {
    if (header.version() == 1) {
      return Future.succeededFuture();
    }
    return findHeader(header.documentId(), header.version() - 1).compose(previous -> previous
        .filter(p -> p.trajectoryId().equals(header.trajectoryId()) && p.clientId().equals(header.clientId())
            && p.type() == header.type())
        .<Future<Void>>map(p -> Future.succeededFuture())
        .orElseGet(() -> Future.failedFuture(new IllegalArgumentException(
            "version " + header.version() + " does not continue an existing version of this document"))));
  }

  @Override
  public Future<Optional<StoredDocument>> findVersion(String documentId, int version) {
    return store.read(mongo -> mongo.findOne(DOCUMENT_VERSIONS, byId(DocumentCodec.versionKey(documentId, version)),
            null))
        .compose(header -> header == null ? Future.succeededFuture(Optional.empty()) : withContent(header));
  }

  @Override
  public Future<Optional<StoredDocument>> findLatest(String documentId) {
    return store.read(mongo -> probeFrom(mongo, documentId, 1, new ArrayList<>()))
        .compose(headers -> headers.isEmpty()
            ? Future.succeededFuture(Optional.empty())
            : withContent(headers.get(headers.size() - 1)));
  }

  @Override
  public Future<List<DocumentHeader>> listVersions(String documentId) {
    return store.read(mongo -> probeFrom(mongo, documentId, 1, new ArrayList<>()))
        .map(headers -> headers.stream().map(DocumentCodec::fromHeaderDocument).collect(Collectors.toList()));
  }

  @Override
  public Future<List<DocumentHeader>> listByTrajectory(String trajectoryId) {
    return latestOf(byTrajectory, trajectoryId, header -> header.trajectoryId().equals(trajectoryId));
  }

  @Override
  public Future<List<DocumentHeader>> listByClient(String clientId) {
    return latestOf(byClient, clientId, header -> header.clientId().equals(clientId));
  }

  /**
   * The latest header of every document in {@code index} of {@code ownerId}: the settled summaries as they are,
   * the unsettled entries looked up. {@code belongs} guards against an entry announced by an insert that then
   * failed because another dossier's document already had that id.
   */
  private Future<List<DocumentHeader>> latestOf(DocumentIndex index, String ownerId,
      Predicate<DocumentHeader> belongs) {
    return store.read(mongo -> index.read(mongo, ownerId).compose(entries -> {
      List<String> unsettledKeys = entries.stream().filter(entry -> entry.header().isEmpty())
          .flatMap(entry -> entry.candidateVersions().stream()
              .map(version -> DocumentCodec.versionKey(entry.documentId(), version)))
          .collect(Collectors.toList());
      return findHeaders(mongo, unsettledKeys).map(found -> latest(entries, found, belongs));
    }));
  }

  private static List<DocumentHeader> latest(List<DocumentIndex.Entry> entries, List<JsonObject> found,
      Predicate<DocumentHeader> belongs) {
    Map<String, DocumentHeader> latest = new HashMap<>();
    entries.forEach(entry -> entry.header().ifPresent(header -> latest.put(header.documentId(), header)));
    found.stream().map(DocumentCodec::fromHeaderDocument).filter(belongs)
        .forEach(header -> latest.merge(header.documentId(), header, (a, b) -> a.version() >= b.version() ? a : b));
    return latest.values().stream().filter(belongs)
        .sorted(Comparator.comparing(DocumentHeader::documentId))
        .collect(Collectors.toList());
  }

  /** Headers with these keys, in {@code $in} queries of {@link #IN_CHUNK} ids, concurrently. */
  private static Future<List<JsonObject>> findHeaders(MongoClient mongo, List<String> keys) {
    List<Future<List<JsonObject>>> chunks = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += IN_CHUNK) {
      JsonArray ids = new JsonArray(new ArrayList<>(keys.subList(from, Math.min(keys.size(), from + IN_CHUNK))));
      chunks.add(mongo.find(DOCUMENT_VERSIONS, new JsonObject().put("_id", new JsonObject().put("$in", ids))));
    }
    return Future.all(chunks).map(all -> chunks.stream().flatMap(chunk -> chunk.result().stream())
        .collect(Collectors.toList()));
  }

  /** Header documents of versions {@code from, from + 1, ...} until one is missing, oldest first. */
  private static Future<List<JsonObject>> probeFrom(MongoClient mongo, String documentId, int from,
      List<JsonObject> collected) {
    List<String> keys = new ArrayList<>();
    for (int version = from; version < from + PROBE_BATCH; version++) {
      keys.add(DocumentCodec.versionKey(documentId, version));
    }
    return findHeaders(mongo, keys).compose(found -> {
      found.sort(Comparator.comparingInt(document -> document.getInteger(DocumentCodec.VERSION)));
      collected.addAll(found);
      return found.size() == PROBE_BATCH
          ? probeFrom(mongo, documentId, from + PROBE_BATCH, collected)
          : Future.succeededFuture(collected);
    });
  }

  private Future<Optional<DocumentHeader>> findHeader(String documentId, int version) {
    return store.read(mongo -> mongo.findOne(DOCUMENT_VERSIONS, byId(DocumentCodec.versionKey(documentId, version)),
            null))
        .map(document -> Optional.ofNullable(document).map(DocumentCodec::fromHeaderDocument));
  }

  private Future<Optional<StoredDocument>> withContent(JsonObject header) {
    return store.read(mongo -> mongo.findOne(DOCUMENT_CONTENTS, byId(header.getString(DocumentCodec.CONTENT_ID)),
            null))
        .compose(content -> content == null
            // the content is written before its header and never deleted on its own
            ? Future.failedFuture(new IllegalStateException("content of a stored document version is missing"))
            : Future.succeededFuture(Optional.of(DocumentCodec.fromDocuments(header, content))));
  }

  private static JsonObject byId(String id) {
    return new JsonObject().put("_id", id);
  }
}
