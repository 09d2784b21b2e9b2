package nl.reintegratie.gateway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How vertx-mongo-client spells BSON binary data and dates in JSON, in one place for every
 * adapter that stores bytes or instants.
 */
public final class BsonJson {

  private BsonJson() {
  }

  /** BSON binary (subtype 0): the bytes are stored as they are, not as base64 text. */
  public static JsonObject binary(byte[] bytes) {
    return new JsonObject().put("$binary", bytes);
  }

  public static byte[] bytes(JsonObject document, String field) {
    return document.getJsonObject(field).getBinary("$binary");
  }

  /** BSON date: milliseconds since the epoch, so anything finer is cut off here rather than by the driver. */
  public static JsonObject date(Instant at) {
    return new JsonObject().put("$date", at.truncatedTo(ChronoUnit.MILLIS).toString());
  }

  public static Instant instant(JsonObject document, String field) {
    return Instant.parse(document.getJsonObject(field).getString("$date"));
  }

  public static Optional<Instant> optionalInstant(JsonObject document, String field) {
    return document.containsKey(field) ? Optional.of(instant(document, field)) : Optional.empty();
  }

  /** A calendar date as an ISO string, {@code 2026-03-01}: sortable, and no time zone to get wrong. */
  public static String day(LocalDate date) {
    return date.toString();
  }

  public static Optional<LocalDate> optionalDay(JsonObject document, String field) {
    return Optional.ofNullable(document.getString(field)).map(LocalDate::parse);
  }

  /** Puts {@code value} under {@code field} when present; an absent optional leaves the field out. */
  public static void putIfPresent(JsonObject document, String field, Optional<?> value) {
    value.ifPresent(v -> document.put(field, v));
  }
}
