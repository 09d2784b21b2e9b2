package nl.reintegratie.gateway.dossier;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's name and contact details: only ever stored sealed. {@code toString} shows
 * nothing of it, so it cannot end up in a log by accident.
 */
public record PersonalData(String givenName, String familyName, Optional<String> email, Optional<String> phone) {

  public PersonalData {
    Objects.requireNonNull(givenName, "givenName");
    Objects.requireNonNull(familyName, "familyName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(phone, "phone");
  }

  public String fullName() {
    return (givenName + " " + familyName).trim();
  }

  byte[] toBytes() {
    JsonObject json = new JsonObject().put("givenName", givenName).put("familyName", familyName);
    email.ifPresent(e -> json.put("email", e));
    phone.ifPresent(p -> json.put("phone", p));
    return json.toBuffer().getBytes();
  }

  static PersonalData fromBytes(byte[] bytes) {
    JsonObject json = new JsonObject(Buffer.buffer(bytes));
    return new PersonalData(json.getString("givenName"), json.getString("familyName"),
        Optional.ofNullable(json.getString("email")), Optional.ofNullable(json.getString("phone")));
  }

  @Override
  public String toString() {
    return "PersonalData[***]";
  }
}
