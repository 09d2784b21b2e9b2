package nl.reintegratie.schemas;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Cuts arrays longer than {@link #LIMIT} down to that length before validation. The validator
 * checks {@code uniqueItems} by comparing every item with every other one, so a body with one
 * array of a hundred thousand items would keep a thread busy for minutes. No schema allows more
 * than {@link #LIMIT} items (a test checks every {@code maxItems}), so a cut array still breaks
 * its {@code maxItems} and is reported as too long; only errors in items past the cut go
 * unreported, in an array that is wrong anyway.
 */
final class LongArrays {

  static final int LIMIT = 1000;

  private LongArrays() {}

  /** The value itself when no array in it is too long, otherwise a copy with the long arrays cut. */
  static Object cut(Object json) {
    return hasLong(json) ? copyCut(json) : json;
  }

  private static boolean hasLong(Object json) {
    if (json instanceof JsonObject object) {
      for (String name : object.fieldNames()) {
        if (hasLong(object.getValue(name))) {
          return true;
        }
      }
    } else if (json instanceof JsonArray array) {
      if (array.size() > LIMIT) {
        return true;
      }
      for (int i = 0; i < array.size(); i++) {
        if (hasLong(array.getValue(i))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Object copyCut(Object json) {
    if (json instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      for (String name : object.fieldNames()) {
        copy.put(name, copyCut(object.getValue(name)));
      }
      return copy;
    }
    if (json instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      for (int i = 0; i < Math.min(array.size(), LIMIT); i++) {
        copy.add(copyCut(array.getValue(i)));
      }
      return copy;
    }
    return json;
  }
}
