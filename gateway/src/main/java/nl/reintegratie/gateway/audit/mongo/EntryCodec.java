package nl.reintegratie.gateway.audit.mongo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.audit.EntryFields;
import nl.reintegratie.gateway.audit.LogIntegrityException;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.StoredEntry;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.store.BsonJson;

/**
 * Entries to and from their documents (layout in {@link AuditCollections#ENTRIES}). Reading comes in two
 * strengths: {@link #stored} takes whatever is there, unvalidated, for the verifier to hash and judge;
 * {@link #logged} rebuilds a validated {@link LoggedEntry} for the API and refuses anything else.
 */
final class EntryCodec {

  static final String SEQ = "seq";
  static final String LEAF = "leaf";
  static final String NODES = "nodes";

  private EntryCodec() {
  }

  static JsonObject toDocument(LoggedEntry logged, byte[] leafHash, byte[][] nodes) {
    DisclosureEntry entry = logged.entry();
    JsonObject document = new JsonObject()
        .put("_id", logged.index())
        .put(SEQ, logged.index())
        .put("event", entry.eventId())
        .put("kind", entry.kind().code())
        .put("at", BsonJson.date(entry.at()))
        .put("client", entry.clientId())
        .put("org", entry.organisationId());
    BsonJson.putIfPresent(document, "actor", entry.actorId());
    BsonJson.putIfPresent(document, "purpose", entry.purpose());
    BsonJson.putIfPresent(document, "basis", entry.legalBasis());
    BsonJson.putIfPresent(document, "reason", entry.reason());
    JsonArray subjects = new JsonArray();
    entry.subjects().forEach(subject -> subjects.add(subject.code()));
    document.put("subjects", subjects).put(LEAF, BsonJson.binary(leafHash));
    if (nodes.length > 0) {
      JsonArray stored = new JsonArray();
      for (byte[] node : nodes) {
        stored.add(BsonJson.binary(node));
      }
      document.put(NODES, stored);
    }
    return document;
  }

  /** The document as the verifier sees it: never throws, a document that is no entry says why. */
  static StoredEntry stored(JsonObject document) {
    Object id = document.getValue("_id");
    if (!(id instanceof Long || id instanceof Integer) || ((Number) id).longValue() < 0) {
      return StoredEntry.unexpectedId(describe(id));
    }
    long position = ((Number) id).longValue();
    try {
      EntryFields fields = new EntryFields(
          required(document.getLong(SEQ), SEQ),
          required(document.getString("event"), "event"),
          required(document.getString("kind"), "kind"),
          epochMillis(required(required(document.getJsonObject("at"), "at").getString("$date"), "at")),
          required(document.getString("client"), "client"),
          required(document.getString("org"), "org"),
          document.getString("actor", ""),
          document.getString("purpose", ""),
          document.getString("basis", ""),
          document.getString("reason", ""),
          strings(required(document.getJsonArray("subjects"), "subjects")));
      return StoredEntry.of(position, fields, hash(document.getJsonObject(LEAF)), nodes(document));
    } catch (RuntimeException e) { // ClassCastException, DateTimeParseException, a missing field
      return StoredEntry.malformed(position, "a field is missing or of the wrong type ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The validated entry. Failure: {@link LogIntegrityException} when the document is not one the log could have
   * written (the message names the index, not the contents).
   */
  static LoggedEntry logged(JsonObject document) {
    StoredEntry stored = stored(document);
    if (stored.fields() == null) {
      throw new LogIntegrityException("the stored entry at " + document.getValue("_id") + " is malformed");
    }
    EntryFields fields = stored.fields();
    try {
      List<SubjectRef> subjects = fields.subjects().stream().map(SubjectRef::fromCode).toList();
      DisclosureEntry entry = new DisclosureEntry(fields.eventId(), DisclosureKind.fromCode(fields.kind()),
          Instant.ofEpochMilli(fields.atMillis()), fields.clientId(), fields.organisationId(),
          optional(fields.actorId()), subjects, optional(fields.purpose()), optional(fields.legalBasis()),
          optional(fields.reason()));
      return new LoggedEntry(fields.index(), entry);
    } catch (RuntimeException e) {
      throw new LogIntegrityException("the stored entry at " + stored.position() + " holds an invalid value");
    }
  }

  /**
   * The milliseconds of a BSON date as vertx-mongo-client spells it, {@code 2026-11-24T10:15:30.123Z} (UTC, 0 to 9
   * fraction digits). Parsed by hand because the verifier reads a million of them, with {@link Instant#parse} for
   * anything else.
   */
  static long epochMillis(String date) {
    int length = date.length();
    if (length < 20 || length > 30 || date.charAt(4) != '-' || date.charAt(7) != '-' || date.charAt(10) != 'T'
        || date.charAt(13) != ':' || date.charAt(16) != ':' || date.charAt(length - 1) != 'Z') {
      return Instant.parse(date).toEpochMilli();
    }
    try {
      long days = java.time.LocalDate.of(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10)).toEpochDay();
      long seconds = days * 86_400 + digits(date, 11, 13) * 3_600L + digits(date, 14, 16) * 60L
          + digits(date, 17, 19);
      int millis = 0;
      if (length > 20) {
        if (date.charAt(19) != '.') {
          return Instant.parse(date).toEpochMilli();
        }
        String fraction = (date.substring(20, length - 1) + "000").substring(0, 3);
        millis = digits(fraction, 0, 3);
      }
      return seconds * 1_000 + millis;
    } catch (RuntimeException e) {
      return Instant.parse(date).toEpochMilli(); // throws for what is not a date
    }
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException("not a digit");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static long index(JsonObject document) {
    return document.getLong("_id");
  }

  private static List<byte[]> nodes(JsonObject document) {
    JsonArray stored = document.getJsonArray(NODES);
    if (stored == null) {
      return List.of();
    }
    List<byte[]> nodes = new ArrayList<>(stored.size());
    for (int i = 0; i < stored.size(); i++) {
      nodes.add(hash(stored.getJsonObject(i)));
    }
    return nodes;
  }

  private static byte[] hash(JsonObject binary) {
    return required(required(binary, "hash").getBinary("$binary"), "hash");
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      strings.add(required(array.getString(i), "subject"));
    }
    return strings;
  }

  private static Optional<String> optional(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalStateException(field);
    }
    return value;
  }

  /** The type and value of an {@code _id} that is no leaf index (an id, never entry contents), shortened. */
  static String describe(Object id) {
    String value = String.valueOf(id);
    return (id == null ? "null" : id.getClass().getSimpleName()) + " "
        + (value.length() > 40 ? value.substring(0, 40) + "..." : value);
  }
}
