package nl.reintegratie.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.io.IOException;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class StoreErrorsTest {

  @Test
  void duplicateKeyWriteError_becomesDuplicateKeyWithIndexNameButWithoutValue() {
    WriteError error = new WriteError(11000,
        "E11000 duplicate key error collection: gw.dossiers index: key_1 dup key: { key: \"BSN-123\" }",
        new BsonDocument());

    Throwable translated = StoreErrors.translate(new MongoWriteException(error, new ServerAddress(), Set.of()));

    assertThat(translated).isInstanceOf(DuplicateKeyException.class);
    assertThat(((DuplicateKeyException) translated).index()).isEqualTo("key_1");
    assertThat(translated.getMessage()).doesNotContain("BSN-123");
    assertThat(translated.getCause()).isNull();
  }

  @Test
  void serverSelectionTimeout_becomesStoreUnavailable() {
    Throwable translated = StoreErrors.translate(new MongoTimeoutException("no server"));

    assertThat(translated).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void socketFailure_becomesStoreUnavailable() {
    Throwable translated = StoreErrors.translate(
        new MongoSocketOpenException("refused", new ServerAddress(), new IOException("refused")));

    assertThat(translated).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void vertxTimeout_becomesStoreUnavailable() {
    Throwable translated = StoreErrors.translate(new NoStackTraceTimeoutException("timeout"));

    assertThat(translated).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void otherServerWriteError_becomesStoreExceptionWithoutServerMessage() {
    WriteError error = new WriteError(2, "bad value \"secret\"", new BsonDocument());

    Throwable translated = StoreErrors.translate(new MongoWriteException(error, new ServerAddress(), Set.of()));

    assertThat(translated).isExactlyInstanceOf(StoreException.class);
    assertThat(translated.getMessage()).doesNotContain("secret").contains("code 2");
  }

  @Test
  void storeExceptionOrForeignException_isReturnedUnchanged() {
    StoreUnavailableException own = new StoreUnavailableException("down");
    IllegalArgumentException foreign = new IllegalArgumentException("bug");

    assertThat(StoreErrors.translate(own)).isSameAs(own);
    assertThat(StoreErrors.translate(foreign)).isSameAs(foreign);
  }
}
