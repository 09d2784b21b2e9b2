package nl.reintegratie.gateway.transfer;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the officer wrote down with a grant: why the next provider needs this (the necessity reason), why each
 * document that asks for a justification goes too, and why health data goes. About the client, so kept only sealed
 * ({@link GrantTexts#grantReasons}); sealed as UTF-8 JSON
 * {@code {"necessityReason": "...", "documentJustifications": {"<documentId>": "..."}, "healthJustification": "..."}}.
 */
public record GrantReasons(String necessityReason, Map<String, String> documentJustifications,
    Optional<String> healthJustification) {

  public GrantReasons {
    Objects.requireNonNull(necessityReason, "necessityReason");
    documentJustifications = Map.copyOf(documentJustifications);
    Objects.requireNonNull(healthJustification, "healthJustification");
  }

  /** The reasons of {@code request}. */
  public static GrantReasons of(GrantRequest request) {
    Map<String, String> justifications = new LinkedHashMap<>();
    request.documents().forEach(selection -> selection.justification()
        .ifPresent(text -> justifications.put(selection.documentId(), text)));
    return new GrantReasons(request.necessityReason(), justifications, request.healthJustification());
  }

  public byte[] toBytes() {
    JsonObject json = new JsonObject().put("necessityReason", necessityReason);
    if (!documentJustifications.isEmpty()) {
      JsonObject documents = new JsonObject();
      documentJustifications.forEach(documents::put);
      json.put("documentJustifications", documents);
    }
    healthJustification.ifPresent(text -> json.put("healthJustification", text));
    return json.toBuffer().getBytes();
  }

  /** Reads what {@link #toBytes} wrote. Failure: {@link IllegalArgumentException} for anything else. */
  public static GrantReasons fromBytes(byte[] bytes) {
    try {
      JsonObject json = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
      Map<String, String> justifications = new LinkedHashMap<>();
      JsonObject documents = json.getJsonObject("documentJustifications", new JsonObject());
      documents.fieldNames().forEach(documentId -> justifications.put(documentId, documents.getString(documentId)));
      return new GrantReasons(json.getString("necessityReason"), justifications,
          Optional.ofNullable(json.getString("healthJustification")));
    } catch (DecodeException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("not the reasons of a grant", e);
    }
  }

  /** Sizes only: the texts are about the client. */
  @Override
  public String toString() {
    return "GrantReasons[" + documentJustifications.size() + " justifications, health="
        + healthJustification.isPresent() + "]";
  }
}
