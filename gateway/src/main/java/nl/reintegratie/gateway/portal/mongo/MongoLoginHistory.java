package nl.reintegratie.gateway.portal.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Optional;
import nl.reintegratie.gateway.portal.LoginHistory;
import nl.reintegratie.gateway.store.Store;

/**
 * {@link LoginHistory} in the {@value #COLLECTION} collection: one document per subject,
 * {@code {_id: <sub>, lastLoginAt}}. Swapping in the new time and reading the old one is a
 * single atomic find-and-modify on {@code _id}, so two logins at once cannot both see the
 * same "previous" login, and the lookup is a single-field one that stays fast as data grows.
 */
public final class MongoLoginHistory implements LoginHistory {

  static final String COLLECTION = "portal_logins";

  private final Store store;

  public MongoLoginHistory(Store store) {
    this.store = store;
  }

  @Override
  public Future<Optional<Instant>> recordLogin(String subject, Instant at) {
    JsonObject query = new JsonObject().put("_id", subject);
    JsonObject update = new JsonObject().put("$set",
        new JsonObject().put("lastLoginAt", new JsonObject().put("$date", at.toString())));
    return store.durably(mongo -> mongo.findOneAndUpdateWithOptions(COLLECTION, query, update,
            new FindOptions(), new UpdateOptions().setUpsert(true).setReturningNewDocument(false)))
        .map(before -> Optional.ofNullable(before)
            .map(doc -> doc.getJsonObject("lastLoginAt"))
            .map(date -> Instant.parse(date.getString("$date"))));
  }
}
