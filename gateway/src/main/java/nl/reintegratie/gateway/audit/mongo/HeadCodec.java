package nl.reintegratie.gateway.audit.mongo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import nl.reintegratie.gateway.audit.LogIntegrityException;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.StoredHead;
import nl.reintegratie.gateway.audit.TreeHash;
import nl.reintegratie.gateway.store.BsonJson;

/** The head document and archived checkpoints to and from their documents (see {@link AuditCollections}). */
final class HeadCodec {

  static final String SIZE = "size";
  static final String CHECKPOINT = "checkpoint";

  private HeadCodec() {
  }

  /** The {@code $set} of a head for {@code checkpoint} with right edge {@code frontier}. */
  static JsonObject headFields(SignedCheckpoint checkpoint, List<byte[]> frontier) {
    JsonArray edge = new JsonArray();
    frontier.forEach(hash -> edge.add(BsonJson.binary(hash)));
    return new JsonObject()
        .put(SIZE, checkpoint.size())
        .put("root", BsonJson.binary(checkpoint.root().bytes()))
        .put("frontier", edge)
        .put(CHECKPOINT, checkpoint.note());
  }

  /** Failure: {@link LogIntegrityException} when the document lacks a field or has a mistyped one. */
  static StoredHead head(JsonObject document) {
    try {
      JsonArray edge = document.getJsonArray("frontier");
      List<TreeHash> frontier = new ArrayList<>(edge.size());
      for (int i = 0; i < edge.size(); i++) {
        frontier.add(TreeHash.of(edge.getJsonObject(i).getBinary("$binary")));
      }
      String note = document.getString(CHECKPOINT);
      if (note == null) {
        throw new IllegalStateException(CHECKPOINT);
      }
      return new StoredHead(document.getLong(SIZE), TreeHash.of(BsonJson.bytes(document, "root")), frontier, note);
    } catch (RuntimeException e) {
      throw new LogIntegrityException("the head document is malformed");
    }
  }

  static JsonObject checkpointDocument(SignedCheckpoint checkpoint) {
    return new JsonObject().put("_id", checkpoint.size()).put(CHECKPOINT, checkpoint.note());
  }
}
