package nl.reintegratie.gateway.notify.mongo;

import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.UpdateOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.notify.Inbox;
import nl.reintegratie.gateway.notify.InboxEntry;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.gateway.transfer.NoticeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The inbox on the embedded store: one entry per id, newest first, each client only their own, across a restart. */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class MongoInboxTest {

  static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
  static final SealedText SEALED = new SealedText(new byte[] {1, 2, 3}, new byte[] {4, 5, 6});

  @TempDir
  Path dir;
  Vertx vertx;
  Store store;
  MongoInbox inbox;

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    store = await(Stores.open(vertx, StoreSettings.embedded(dir, "test")));
    inbox = new MongoInbox(store);
  }

  @AfterEach
  void close() {
    await(store.close());
  }

  static InboxEntry entry(String clientId, String grantId, NoticeKind kind, Instant at) {
    return InboxEntry.unread(clientId, grantId, kind, at, SEALED);
  }

  @Test
  void aSecondPutOfTheSameId_changesNothing_andSaysSo() {
    InboxEntry first = entry("client-1", "grant-1", NoticeKind.GRANTED, T0);
    InboxEntry again = InboxEntry.unread("client-1", "grant-1", NoticeKind.GRANTED, T0.plusSeconds(60),
        new SealedText(new byte[] {9}, new byte[] {9}));

    assertThat(await(inbox.put(first))).isEqualTo(new Inbox.PutResult(first, true));
    assertThat(await(inbox.put(again))).isEqualTo(new Inbox.PutResult(first, false));

    assertThat(await(inbox.listOf("client-1"))).containsExactly(first);
  }

  @Test
  void listOf_isNewestFirst_andOnlyTheClientsOwn_afterARestart() {
    InboxEntry granted = entry("client-1", "grant-1", NoticeKind.GRANTED, T0);
    InboxEntry revoked = entry("client-1", "grant-1", NoticeKind.REVOKED, T0.plusSeconds(3600));
    InboxEntry other = entry("client-2", "grant-2", NoticeKind.GRANTED, T0.plusSeconds(60));
    await(inbox.put(granted));
    await(inbox.put(revoked));
    await(inbox.put(other));
    await(store.close());
    store = await(Stores.open(vertx, StoreSettings.embedded(dir, "test")));
    inbox = new MongoInbox(store);

    assertThat(await(inbox.listOf("client-1"))).containsExactly(revoked, granted);
    assertThat(await(inbox.listOf("client-2"))).containsExactly(other);
    assertThat(await(inbox.listOf("client-3"))).isEmpty();
    assertThat(await(inbox.find("client-2", granted.id()))).isEmpty();
    assertThat(await(inbox.find("client-1", granted.id()))).contains(granted);
  }

  @Test
  void aCrashBetweenListAndEntry_leavesAnIdThatReadersSkip_andThatARetryFills() {
    // the list was written, the entry insert never happened
    await(store.mongo().updateCollectionWithOptions(NotifyCollections.CLIENT_INBOXES,
        new JsonObject().put("_id", "client-1"),
        new JsonObject().put("$addToSet", new JsonObject().put("entryIds", "grant-1:granted")),
        new UpdateOptions().setUpsert(true)));
    // and an id of another client's entry in this client's list shows nothing either
    InboxEntry foreign = entry("client-2", "grant-2", NoticeKind.GRANTED, T0);
    await(inbox.put(foreign));
    await(store.mongo().updateCollection(NotifyCollections.CLIENT_INBOXES, new JsonObject().put("_id", "client-1"),
        new JsonObject().put("$addToSet", new JsonObject().put("entryIds", foreign.id()))));

    assertThat(await(inbox.listOf("client-1"))).isEmpty();

    InboxEntry retried = entry("client-1", "grant-1", NoticeKind.GRANTED, T0);
    assertThat(await(inbox.put(retried)).added()).isTrue();
    assertThat(await(inbox.listOf("client-1"))).containsExactly(retried);
  }

  @Test
  void markRead_keepsTheFirstMoment_andOnlyForTheOwner() {
    InboxEntry entry = entry("client-1", "grant-1", NoticeKind.GRANTED, T0);
    await(inbox.put(entry));

    assertThat(await(inbox.markRead("client-2", entry.id(), T0.plusSeconds(1)))).isEmpty();
    assertThat(await(inbox.markRead("client-1", entry.id(), T0.plusSeconds(2))).orElseThrow().readAt())
        .contains(T0.plusSeconds(2));
    assertThat(await(inbox.markRead("client-1", entry.id(), T0.plusSeconds(3))).orElseThrow().readAt())
        .contains(T0.plusSeconds(2));
    assertThat(await(inbox.markRead("client-1", "grant-9:granted", T0))).isEqualTo(Optional.empty());
  }
}
