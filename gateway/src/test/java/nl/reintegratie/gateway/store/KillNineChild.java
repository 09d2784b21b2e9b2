package nl.reintegratie.gateway.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child JVM for {@link KillNineDurabilityTest}: opens the embedded store on a folder and lets many concurrent
 * writers insert documents until the process is killed. After each write is acknowledged it prints
 * {@code ack:<id>;} on stdout, so the parent knows exactly which writes the store has confirmed.
 *
 * <p>Arguments: data folder, mode ({@code durable}: {@code Store.durably(insert)}, as repositories do;
 * {@code acknowledged}: plain insert without commit, to show what is lost then), number of writers.
 */
public final class KillNineChild {

  static final String DATABASE = "killnine";
  static final String COLLECTION = "writes";
  static final String READY = "ready";

  private static final String PAYLOAD = "x".repeat(200);
  // stdout carries the protocol; autoflush, so an id is in the pipe as soon as it is printed
  private static final PrintStream ACKS =
      new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

  private KillNineChild() {
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    boolean durable = "durable".equals(args[1]);
    int writers = Integer.parseInt(args[2]);

    Vertx vertx = Vertx.vertx();
    Store store = Awaits.await(Stores.open(vertx, StoreSettings.embedded(dir, DATABASE)));
    ACKS.println(READY);
    for (int writer = 0; writer < writers; writer++) {
      int id = writer;
      // each writer on its own event-loop context, like concurrent HTTP requests
      vertx.getOrCreateContext().runOnContext(ignored -> writeFrom(store, durable, id, 0));
    }
  }

  static String ackLine(String id) {
    return "ack:" + id + ";";
  }

  private static void writeFrom(Store store, boolean durable, int writer, long seq) {
    String id = "w" + writer + "-" + seq;
    JsonObject document = new JsonObject().put("_id", id).put("writer", writer).put("seq", seq)
        .put("payload", PAYLOAD);
    Future<String> acknowledged = durable
        ? store.durably(mongo -> mongo.insert(COLLECTION, document))
        : store.mongo().insert(COLLECTION, document);
    acknowledged
        .onSuccess(ignored -> ACKS.println(ackLine(id)))
        .onFailure(failure -> System.err.println("write " + id + " failed: " + failure))
        .onComplete(ignored -> writeFrom(store, durable, writer, seq + 1));
  }
}
