package nl.reintegratie.gateway.notify;

import static nl.reintegratie.gateway.notify.NotifyFixture.EMAIL;
import static nl.reintegratie.gateway.notify.NotifyFixture.HEALTH;
import static nl.reintegratie.gateway.notify.NotifyFixture.NECESSITY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.NoticeKind;
import nl.reintegratie.gateway.transfer.Objection;
import nl.reintegratie.gateway.transfer.GrantTexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery of pending notices on the real embedded store, run by hand with a clock the test moves: each notice
 * exactly once in the inbox, in Dutch and English, whatever step a crash interrupted.
 */
@Timeout(120)
class NoticeDeliveryTest {

  @TempDir
  Path dir;
  NotifyFixture fixture;

  @BeforeEach
  void open() throws Exception {
    fixture = NotifyFixture.open(dir);
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void aGrant_givesOneEntry_thatSaysWhatToWhomWhyAndTheLegalBasis_thenTheReleaseCountsFromIt() {
    String client = fixture.client("999993653", Optional.empty());
    NotifyFixture.Dossier dossier = fixture.dossier(client, true);
    Grant grant = fixture.grant(client, dossier, Duration.ofDays(7), true);
    fixture.grants.create(grant).await();

    NoticeDelivery.Report report = fixture.delivery().runOnce().await();

    assertThat(report).isEqualTo(new NoticeDelivery.Report(1, 0, 0, 0, 0));
    List<InboxEntry> entries = fixture.inbox.listOf(client).await();
    assertThat(entries).hasSize(1);
    InboxEntry entry = entries.get(0);
    assertThat(entry.id()).isEqualTo(grant.grantId() + ":granted");
    assertThat(entry.kind()).isEqualTo(NoticeKind.GRANTED);
    assertThat(entry.createdAt()).isEqualTo(NotifyFixture.T0);
    assertThat(entry.isRead()).isFalse();
    String dutch = fixture.texts.open(entry, "nl").await().plainText();
    assertThat(dutch)
        .contains("Je gegevens gaan naar Kansrijk Werk & Talent B.V.")
        .contains("Het gaat om de eindrapportage, 2 voortgangsrapportages en een bijlage uit je vorige traject bij "
            + "Werkpad Re-integratie B.V.")
        .contains("Daarbij zijn ook gegevens over je gezondheid. De reden daarvoor: \u201C" + HEALTH + "\u201D")
        .contains("Waarom? De gemeente schreef: \u201C" + NECESSITY + "\u201D")
        .contains("artikel 67 van de Participatiewet")
        .contains("ophalen van 8 september 2026 om 10:00 tot 8 oktober 2026 om 10:00")
        .contains("Maak dan bezwaar in het portaal, het liefst vóór 8 september 2026 om 10:00.");
    assertThat(fixture.texts.open(entry, "en").await().title()).isEqualTo("Your data goes to Kansrijk Werk & Talent "
        + "B.V.");
    // the release period starts at the moment the text names, and only now can the release be fetched at all
    Grant stored = fixture.grants.findById(grant.grantId()).await().orElseThrow();
    assertThat(stored.noticeStoredAt()).contains(entry.createdAt());
    assertThat(stored.releasableFrom()).contains(NotifyFixture.T0.plus(Duration.ofDays(7)));
    assertThat(fixture.grants.pendingNotices().await()).isEmpty();
    assertThat(fixture.events).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo("client-notified");
      assertThat(event.data()).containsEntry("clientId", client).containsEntry("grantId", grant.grantId())
          .containsEntry("noticeId", entry.id()).containsEntry("kind", "granted").hasSize(4);
    });

    assertThat(fixture.delivery().runOnce().await()).isEqualTo(new NoticeDelivery.Report(0, 0, 0, 0, 0));
    assertThat(fixture.inbox.listOf(client).await()).hasSize(1);
    // the words are in the store only sealed
    for (String collection : fixture.store.mongo().getCollections().await()) {
      fixture.store.mongo().find(collection, new io.vertx.core.json.JsonObject()).await().forEach(document ->
          assertThat(document.encode()).doesNotContain("Kansrijk", "opnieuw begint", "gezondheid", "Fatima"));
    }
  }

  @Test
  void aCrashAfterThePutBeforeTheGrantKnew_givesStillOneEntry_andStoresTheNoticeAtTheEntrysMoment() {
    String client = fixture.client("999993653", Optional.empty());
    Grant grant = fixture.grant(client, fixture.dossier(client, false), Duration.ofDays(2), false);
    fixture.grants.create(grant).await();
    // the first delivery put the entry and died before markNoticeStored and noticeHandled
    Instant putAt = fixture.clock.instant();
    NoticeText text = fixture.composer.compose(NoticeKind.GRANTED, grant, putAt).await();
    InboxEntry put = InboxEntry.unread(client, grant.grantId(), NoticeKind.GRANTED, putAt,
        fixture.texts.seal(client, NoticeKind.GRANTED.noticeId(grant.grantId()), text).await());
    assertThat(fixture.inbox.put(put).await().added()).isTrue();
    fixture.clock.advance(Duration.ofMinutes(3));

    NoticeDelivery.Report report = fixture.delivery().runOnce().await();

    assertThat(report.alreadyThere()).isEqualTo(1);
    assertThat(fixture.inbox.listOf(client).await()).containsExactly(put);
    assertThat(fixture.grants.findById(grant.grantId()).await().orElseThrow().noticeStoredAt()).contains(putAt);
    assertThat(fixture.grants.pendingNotices().await()).isEmpty();
    assertThat(fixture.events).as("the entry was not new").isEmpty();
  }

  @Test
  void aCrashBeforeTheNoticeWasForgotten_isRedoneWithoutASecondEntryOrMail() {
    String client = fixture.client("999993653", Optional.of(EMAIL));
    Grant grant = fixture.grant(client, fixture.dossier(client, false), Duration.ZERO, false);
    fixture.grants.create(grant).await();
    MailDelivery mail = new MailDelivery(fixture.vertx, fixture.outbox, ignored -> Future.succeededFuture(),
        fixture.dossiers, URI.create("https://localhost:8443"), fixture.clock);
    fixture.delivery(Optional.of(mail)).runOnce().await();
    assertThat(mail.runOnce().await().sent()).isEqualTo(1);
    // as if the gateway died before noticeHandled: the pending notice is back
    fixture.announceOnly(grant.grantId(), NoticeKind.GRANTED, grant.grantedAt());

    NoticeDelivery.Report report = fixture.delivery(Optional.of(mail)).runOnce().await();

    assertThat(report.alreadyThere()).isEqualTo(1);
    assertThat(fixture.inbox.listOf(client).await()).hasSize(1);
    assertThat(fixture.grants.pendingNotices().await()).isEmpty();
    MailOrder order = fixture.outbox.find(NoticeKind.GRANTED.noticeId(grant.grantId())).await().orElseThrow();
    assertThat(order.sentAt()).isPresent();
    assertThat(order.attempts()).isEqualTo(1);
    assertThat(mail.runOnce().await()).isEqualTo(new MailDelivery.Report(0, 0, 0));
  }

  @Test
  void twoDeliveriesAtOnce_giveOneEntry() {
    String client = fixture.client("999993653", Optional.empty());
    Grant grant = fixture.grant(client, fixture.dossier(client, false), Duration.ZERO, false);
    fixture.grants.create(grant).await();

    Future.all(fixture.delivery().runOnce(), fixture.delivery().runOnce(), fixture.delivery().runOnce()).await();

    assertThat(fixture.inbox.listOf(client).await()).hasSize(1);
    assertThat(fixture.events).hasSize(1);
    assertThat(fixture.grants.pendingNotices().await()).isEmpty();
  }

  @Test
  void aNoticeWhoseChangeIsNotInTheGrant_waits_andIsDroppedAfterTenMinutes() {
    String client = fixture.client("999993653", Optional.empty());
    Grant grant = fixture.grant(client, fixture.dossier(client, false), Duration.ZERO, false);
    fixture.grants.create(grant).await();
    fixture.delivery().runOnce().await();
    // a revocation announced, but its write of the grant failed; and a grant announced whose insert failed
    fixture.announceOnly(grant.grantId(), NoticeKind.REVOKED, fixture.clock.instant());
    fixture.announceOnly("grant-never-written", NoticeKind.GRANTED, fixture.clock.instant());

    fixture.clock.advance(Duration.ofMinutes(9));
    assertThat(fixture.delivery().runOnce().await()).isEqualTo(new NoticeDelivery.Report(0, 0, 2, 0, 0));
    assertThat(fixture.grants.pendingNotices().await()).hasSize(2);

    fixture.clock.advance(Duration.ofMinutes(2));
    assertThat(fixture.delivery().runOnce().await()).isEqualTo(new NoticeDelivery.Report(0, 0, 0, 2, 0));
    assertThat(fixture.grants.pendingNotices().await()).isEmpty();
    assertThat(fixture.inbox.listOf(client).await()).extracting(InboxEntry::kind).containsExactly(NoticeKind.GRANTED);
  }

  @Test
  void aRevocation_andAnObjectionDecision_reachTheInbox_newestFirst() {
    String client = fixture.client("999993653", Optional.empty());
    NotifyFixture.Dossier dossier = fixture.dossier(client, false);
    Grant revoked = fixture.grant(client, dossier, Duration.ZERO, false);
    Grant objected = fixture.grant(client, dossier, Duration.ofDays(7), false);
    fixture.grants.create(revoked).await();
    fixture.grants.create(objected).await();
    fixture.delivery().runOnce().await();

    fixture.clock.advance(Duration.ofHours(1));
    fixture.grants.revoke(revoked.grantId(), fixture.clock.instant()).await();
    fixture.grants.raiseObjection(objected.grantId(), new Objection(fixture.clock.instant(),
        fixture.dossiers.sealForClient(client, GrantTexts.objectionReason(objected.grantId()),
            "Mijn gezondheid gaat hen niets aan.".getBytes(StandardCharsets.UTF_8)).await(),
            Optional.empty())).await();
    fixture.delivery().runOnce().await();
    fixture.clock.advance(Duration.ofHours(1));
    String answer = "Het eindverslag is nodig zodat de coach weet wat al is geprobeerd.";
    fixture.grants.decideObjection(objected.grantId(), new Objection.Decision(fixture.clock.instant(), "officer-2",
        false, fixture.dossiers.sealForClient(client, GrantTexts.objectionDecision(objected.grantId()),
        answer.getBytes(StandardCharsets.UTF_8)).await())).await();
    fixture.delivery().runOnce().await();

    List<InboxEntry> entries = fixture.inbox.listOf(client).await();
    assertThat(entries).extracting(InboxEntry::kind).containsExactly(NoticeKind.OBJECTION_DECIDED,
        NoticeKind.REVOKED, NoticeKind.GRANTED, NoticeKind.GRANTED);
    NoticeText decision = fixture.texts.open(entries.get(0)).await();
    assertThat(decision.dutch().title()).isEqualTo("Je bezwaar is afgewezen");
    assertThat(decision.dutch().plainText()).contains("De uitleg van de gemeente: \u201C" + answer + "\u201D")
        .contains("Kansrijk Werk & Talent B.V. kan de gegevens ophalen van 8 september 2026 om 10:00");
    NoticeText revocation = fixture.texts.open(entries.get(1)).await();
    assertThat(revocation.dutch().plainText())
        .contains("De gemeente heeft besloten dat Kansrijk Werk & Talent B.V. je gegevens toch niet krijgt.")
        .contains("Sinds 1 september 2026 om 11:00 kan Kansrijk Werk & Talent B.V. deze gegevens niet meer ophalen.");
    assertThat(fixture.grants.pendingNotices().await()).isEmpty();
  }

  @Test
  void anotherClientsEntry_isNotFound_norMarkedRead() {
    String fatima = fixture.client("999993653", Optional.empty());
    String jan = fixture.client("999991772", Optional.empty());
    Grant grant = fixture.grant(fatima, fixture.dossier(fatima, false), Duration.ZERO, false);
    fixture.grants.create(grant).await();
    fixture.delivery().runOnce().await();
    String id = NoticeKind.GRANTED.noticeId(grant.grantId());

    assertThat(fixture.inbox.find(jan, id).await()).isEmpty();
    assertThat(fixture.inbox.listOf(jan).await()).isEmpty();
    assertThat(fixture.inbox.markRead(jan, id, fixture.clock.instant()).await()).isEmpty();
    assertThat(fixture.inbox.find(fatima, id).await().orElseThrow().readAt()).isEmpty();

    Instant read = fixture.clock.instant().plusSeconds(5);
    assertThat(fixture.inbox.markRead(fatima, id, read).await().orElseThrow().readAt()).contains(read);
    assertThat(fixture.inbox.markRead(fatima, id, read.plusSeconds(60)).await().orElseThrow().readAt())
        .as("the first moment stays").contains(read);
  }

  @Test
  void aShreddedClient_cannotBeTold_theNoticeIsDropped_andTheReleaseNeverOpens() {
    String client = fixture.client("999993653", Optional.empty());
    Grant grant = fixture.grant(client, fixture.dossier(client, false), Duration.ZERO, false);
    fixture.grants.create(grant).await();
    fixture.dossiers.shredClient(client).await();

    assertThat(fixture.delivery().runOnce().await().dropped()).isEqualTo(1);

    assertThat(fixture.inbox.listOf(client).await()).isEmpty();
    assertThat(fixture.grants.pendingNotices().await()).isEmpty();
    assertThat(fixture.grants.findById(grant.grantId()).await().orElseThrow().noticeStoredAt()).isEmpty();
  }

  @Test
  void theMailIsQueued_onlyForAClientWithAnAddress() {
    String withAddress = fixture.client("999993653", Optional.of(EMAIL));
    String without = fixture.client("999991772", Optional.empty());
    Grant mailed = fixture.grant(withAddress, fixture.dossier(withAddress, false), Duration.ZERO, false);
    Grant inboxOnly = fixture.grant(without, fixture.dossier(without, false), Duration.ZERO, false);
    fixture.grants.create(mailed).await();
    fixture.grants.create(inboxOnly).await();
    MailDelivery mail = new MailDelivery(fixture.vertx, fixture.outbox, ignored -> Future.succeededFuture(),
        fixture.dossiers, URI.create("https://localhost:8443"), fixture.clock);

    fixture.delivery(Optional.of(mail)).runOnce().await();

    assertThat(fixture.outbox.find(NoticeKind.GRANTED.noticeId(mailed.grantId())).await()).isPresent();
    assertThat(fixture.outbox.find(NoticeKind.GRANTED.noticeId(inboxOnly.grantId())).await()).isEmpty();
    assertThat(fixture.inbox.listOf(without).await()).hasSize(1);
  }
}
