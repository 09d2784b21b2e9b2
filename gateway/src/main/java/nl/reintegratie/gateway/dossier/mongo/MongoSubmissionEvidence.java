package nl.reintegratie.gateway.dossier.mongo;

import nl.reintegratie.gateway.store.BsonJson;
import static nl.reintegratie.gateway.dossier.mongo.DossierCollections.SUBMISSION_EVIDENCE;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.SubmissionEvidence;
import nl.reintegratie.gateway.dossier.SubmissionEvidenceRepository;
import nl.reintegratie.gateway.store.DuplicateKeyException;
import nl.reintegratie.gateway.store.Store;

/**
 * {@link SubmissionEvidenceRepository} in {@value DossierCollections#SUBMISSION_EVIDENCE}, one document per
 * version with {@code _id = "<documentId>:<version>"}: an insert, where a duplicate key means the version has its
 * evidence already (the first stays).
 */
public final class MongoSubmissionEvidence implements SubmissionEvidenceRepository {

  private static final String KEY_ID = "keyId";
  private static final String LABEL = "label";
  private static final String METHOD = "method";
  private static final String TARGET_URI = "targetUri";
  /** {@code [[name, value], ...]}: header names may hold characters MongoDB field names must not. */
  private static final String COVERED_FIELDS = "coveredFields";
  private static final String SIGNATURE_INPUT = "signatureInput";
  private static final String SIGNATURE = "signature";
  private static final String CONTENT_DIGEST = "contentDigest";
  private static final String CREATED = "created";

  private final Store store;

  public MongoSubmissionEvidence(Store store) {
    this.store = store;
  }

  @Override
  public Future<Void> keep(String documentId, int version, SubmissionEvidence evidence) {
    JsonObject document = new JsonObject()
        .put("_id", id(documentId, version))
        .put(KEY_ID, evidence.keyId())
        .put(LABEL, evidence.label())
        .put(METHOD, evidence.method())
        .put(TARGET_URI, evidence.targetUri())
        .put(COVERED_FIELDS, fields(evidence.coveredFields()))
        .put(SIGNATURE_INPUT, evidence.signatureInput())
        .put(SIGNATURE, evidence.signature())
        .put(CONTENT_DIGEST, evidence.contentDigest())
        .put(CREATED, BsonJson.date(evidence.created()));
    return store.durably(mongo -> mongo.insert(SUBMISSION_EVIDENCE, document))
        .<Void>mapEmpty()
        .recover(failure -> failure instanceof DuplicateKeyException
            ? Future.succeededFuture() : Future.failedFuture(failure));
  }

  @Override
  public Future<Optional<SubmissionEvidence>> find(String documentId, int version) {
    return store.read(mongo -> mongo.findOne(SUBMISSION_EVIDENCE, new JsonObject().put("_id", id(documentId, version)),
            null))
        .map(document -> Optional.ofNullable(document).map(found -> new SubmissionEvidence(found.getString(KEY_ID),
            found.getString(LABEL), found.getString(METHOD), found.getString(TARGET_URI),
            fields(found.getJsonArray(COVERED_FIELDS)), found.getString(SIGNATURE_INPUT), found.getString(SIGNATURE),
            found.getString(CONTENT_DIGEST), BsonJson.instant(found, CREATED))));
  }

  private static JsonArray fields(Map<String, String> fields) {
    JsonArray pairs = new JsonArray();
    fields.forEach((name, value) -> pairs.add(new JsonArray().add(name).add(value)));
    return pairs;
  }

  private static Map<String, String> fields(JsonArray pairs) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      JsonArray pair = pairs.getJsonArray(i);
      fields.put(pair.getString(0), pair.getString(1));
    }
    return fields;
  }

  private static String id(String documentId, int version) {
    return documentId + ":" + version;
  }
}
