package nl.reintegratie.gateway.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One thing that happened, e.g. {@code trajectory-created}, with the ids, codes and dates a subscriber needs to look
 * up the rest. Never content: the constructor refuses any value that could be a name, a sentence or a BSN, so an
 * event can travel to any subscriber (and, with a clustered event bus, to another machine) and be logged.
 *
 * <p>On the event bus an event is the JSON {@code {"eventId", "type", "occurredAt", "data": {...}}} ({@link #toJson});
 * {@code eventId} lets a subscriber that must act once recognise a repeat.
 *
 * @param eventId    random UUID of this event
 * @param type       lower kebab-case, e.g. {@code report-back-submitted}
 * @param occurredAt when the change became durable, to the millisecond
 * @param data       lowerCamelCase names to values; in insertion order
 */
public record DomainEvent(String eventId, String type, Instant occurredAt, Map<String, String> data) {

  private static final Pattern TYPE = Pattern.compile("[a-z]+(-[a-z]+)*");
  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
  /**
   * An id, a code, a number or an ISO date or time: one token without spaces, so no name or sentence fits. An
   * all-digit value may have at most four digits (a sequence number, a version, a ladder step): a BSN has nine.
   */
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}");
  private static final Pattern LONG_NUMBER = Pattern.compile("[0-9]{5,}");

  public DomainEvent {
    Objects.requireNonNull(eventId, "eventId");
    UUID.fromString(eventId);
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("an event type is lower kebab-case");
    }
    occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MILLIS);
    Map<String, String> copy = new LinkedHashMap<>();
    Objects.requireNonNull(data, "data").forEach((name, value) -> {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("event data names are lowerCamelCase");
      }
      // the message names the field, never the value: it may be exactly what must not be logged
      if (value == null || !VALUE.matcher(value).matches() || LONG_NUMBER.matcher(value).matches()) {
        throw new IllegalArgumentException("event data '" + name + "' is not an id, code, number or date");
      }
      copy.put(name, value);
    });
    data = Collections.unmodifiableMap(copy);
  }

  /** A new event with a fresh id. */
  public static DomainEvent of(String type, Instant occurredAt, Map<String, String> data) {
    return new DomainEvent(UUID.randomUUID().toString(), type, occurredAt, data);
  }

  /** The value of {@code name}, or null. */
  public String get(String name) {
    return data.get(name);
  }

  public JsonObject toJson() {
    JsonObject values = new JsonObject();
    data.forEach(values::put);
    return new JsonObject()
        .put("eventId", eventId)
        .put("type", type)
        .put("occurredAt", occurredAt.toString())
        .put("data", values);
  }

  /** Reads what {@link #toJson} wrote. Failure: {@link IllegalArgumentException} for anything else. */
  public static DomainEvent fromJson(JsonObject json) {
    Map<String, String> data = new LinkedHashMap<>();
    JsonObject values = json.getJsonObject("data", new JsonObject());
    for (String name : values.fieldNames()) {
      if (!(values.getValue(name) instanceof String value)) {
        throw new IllegalArgumentException("event data '" + name + "' is not a string");
      }
      data.put(name, value);
    }
    try {
      return new DomainEvent(json.getString("eventId"), json.getString("type"),
          Instant.parse(json.getString("occurredAt")), data);
    } catch (ClassCastException | NullPointerException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("not a domain event", e);
    }
  }
}
