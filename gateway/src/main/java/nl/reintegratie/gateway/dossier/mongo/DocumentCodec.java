package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.store.BsonJson.binary;
import static nl.reintegratie.gateway.store.BsonJson.bytes;
import static nl.reintegratie.gateway.store.BsonJson.date;
import static nl.reintegratie.gateway.store.BsonJson.instant;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.OptionalInt;
import nl.reintegratie.gateway.dossier.Coded;
import nl.reintegratie.gateway.dossier.Confidentiality;
import nl.reintegratie.gateway.dossier.CorrectionReason;
import nl.reintegratie.gateway.dossier.DocumentHeader;
import nl.reintegratie.gateway.dossier.DocumentProperties;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.dossier.StoredDocument;
import nl.reintegratie.gateway.dossier.Transferability;
import nl.reintegratie.gateway.store.BsonJson;

/**
 * Document versions as MongoDB documents: a header ({@code _id: "<documentId>:<version>"}, clear metadata and the
 * id of its content) and a content document (the two byte arrays), plus the header summary kept in the per-dossier
 * and per-client index documents ({@link HeaderSummary}).
 */
final class DocumentCodec {

  static final String VERSION = "version";
  static final String CONTENT_ID = "contentId";
  static final String SUMMARY = "header";

  private static final String DOCUMENT_ID = "documentId";
  private static final String TRAJECTORY_ID = "trajectoryId";
  private static final String CLIENT_ID = "clientId";
  private static final String TYPE = "type";
  private static final String CONFIDENTIALITY = "confidentiality";
  private static final String CLIENT_VISIBLE = "clientVisible";
  private static final String TRANSFERABILITY = "transferability";
  private static final String CONTENT_TYPE = "contentType";
  private static final String PLAINTEXT_SIZE = "plaintextSize";
  private static final String CREATED_AT = "createdAt";
  private static final String AUTHOR = "author";
  private static final String SUPERSEDES = "supersedes";
  private static final String CORRECTION_REASON = "correctionReason";
  private static final String VERSION_KEY = "versionKey";
  private static final String WRAPPED_DATA_KEY = "wrappedDataKey";
  private static final String CIPHERTEXT = "ciphertext";

  private DocumentCodec() {
  }

  /** {@code "<documentId>:<version>"}, the {@code _id} of a header: one field, so lookups use the index. */
  static String versionKey(String documentId, int version) {
    return documentId + ":" + version;
  }

  /**
   * The index entry of a header: {@code {version: n, header: "<packed>"}}, see {@link HeaderSummary}. The version
   * comes FIRST: the index documents raise entries with {@code $max}, which compares embedded documents field by
   * field in order (BSON comparison order, on MongoDB and the embedded server alike), so the entry with the higher
   * version always wins, whatever else it holds.
   */
  static JsonObject summary(DocumentHeader header) {
    return new JsonObject().put(VERSION, header.version()).put(SUMMARY, HeaderSummary.pack(header));
  }

  static DocumentHeader fromSummary(String documentId, JsonObject summary) {
    return HeaderSummary.unpack(documentId, summary.getInteger(VERSION), summary.getString(SUMMARY));
  }

  /** The header fields of a header document, in clear and one field each (for queries and people). */
  private static JsonObject fields(DocumentHeader header) {
    JsonObject fields = new JsonObject()
        .put(VERSION, header.version())
        .put(TRAJECTORY_ID, header.trajectoryId())
        .put(CLIENT_ID, header.clientId())
        .put(TYPE, header.type().code())
        .put(CONFIDENTIALITY, header.properties().confidentiality().code())
        .put(CLIENT_VISIBLE, header.properties().clientVisible())
        .put(TRANSFERABILITY, header.properties().transferability().code())
        .put(CONTENT_TYPE, header.contentType())
        .put(PLAINTEXT_SIZE, header.plaintextSize())
        .put(CREATED_AT, date(header.createdAt()))
        .put(AUTHOR, header.author());
    header.supersedes().ifPresent(version -> fields.put(SUPERSEDES, version));
    header.correctionReason().ifPresent(reason -> fields.put(CORRECTION_REASON, reason.code()));
    return fields;
  }

  static JsonObject headerDocument(DocumentHeader header, String contentId) {
    return new JsonObject()
        .put("_id", versionKey(header.documentId(), header.version()))
        .put(DOCUMENT_ID, header.documentId())
        .mergeIn(fields(header))
        .put(CONTENT_ID, contentId);
  }

  static DocumentHeader fromHeaderDocument(JsonObject document) {
    return new DocumentHeader(
        document.getString(DOCUMENT_ID),
        document.getInteger(VERSION),
        document.getString(TRAJECTORY_ID),
        document.getString(CLIENT_ID),
        Coded.fromCode(DocumentType.class, document.getString(TYPE)),
        new DocumentProperties(
            Coded.fromCode(Confidentiality.class, document.getString(CONFIDENTIALITY)),
            document.getBoolean(CLIENT_VISIBLE),
            Coded.fromCode(Transferability.class, document.getString(TRANSFERABILITY))),
        document.getString(CONTENT_TYPE),
        document.getLong(PLAINTEXT_SIZE),
        instant(document, CREATED_AT),
        document.getString(AUTHOR),
        document.containsKey(SUPERSEDES) ? OptionalInt.of(document.getInteger(SUPERSEDES)) : OptionalInt.empty(),
        Optional.ofNullable(document.getString(CORRECTION_REASON))
            .map(code -> Coded.fromCode(CorrectionReason.class, code)));
  }

  /** The content; {@code versionKey} lets a clean-up job recognise content whose header was never written. */
  static JsonObject contentDocument(String contentId, StoredDocument document) {
    return new JsonObject()
        .put("_id", contentId)
        .put(VERSION_KEY, versionKey(document.documentId(), document.version()))
        .put(WRAPPED_DATA_KEY, binary(document.wrappedDataKey()))
        .put(CIPHERTEXT, binary(document.ciphertext()));
  }

  static StoredDocument fromDocuments(JsonObject header, JsonObject content) {
    return new StoredDocument(fromHeaderDocument(header), bytes(content, WRAPPED_DATA_KEY),
        bytes(content, CIPHERTEXT));
  }
}
