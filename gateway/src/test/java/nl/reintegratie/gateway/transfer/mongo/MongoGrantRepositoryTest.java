package nl.reintegratie.gateway.transfer.mongo;

import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.reintegratie.gateway.dossier.AlreadyExistsException;
import nl.reintegratie.gateway.dossier.DocumentRef;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.StoreSettings;
import nl.reintegratie.gateway.store.Stores;
import nl.reintegratie.gateway.transfer.Grant;
import nl.reintegratie.gateway.transfer.GrantStateException;
import nl.reintegratie.gateway.transfer.LegalBasis;
import nl.reintegratie.gateway.transfer.NoticeKind;
import nl.reintegratie.gateway.transfer.Objection;
import nl.reintegratie.gateway.transfer.PendingNotice;
import nl.reintegratie.gateway.transfer.RuleOutcome;
import nl.reintegratie.gateway.transfer.TransferRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Grants on the embedded store: the lists, the pending notices, and each compare-and-set of the grant's state. */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class MongoGrantRepositoryTest {

  static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
  static final SealedText SEALED = new SealedText(new byte[] {1, 2, 3}, new byte[] {4, 5, 6});

  @TempDir
  Path dir;
  Store store;
  MongoGrantRepository grants;

  @BeforeEach
  void open(Vertx vertx) {
    store = await(Stores.open(vertx, StoreSettings.embedded(dir, "test")));
    grants = new MongoGrantRepository(store);
  }

  @AfterEach
  void close() {
    await(store.close());
  }

  static Grant grant(String clientId, String commissioner, String recipient) {
    List<RuleOutcome> passed = Arrays.stream(TransferRule.values())
        .map(rule -> new RuleOutcome(rule, true, Optional.empty(), Optional.empty())).toList();
    return new Grant(UUID.randomUUID().toString(), clientId, commissioner, "officer-1", "trajectory-1", recipient,
        "trajectory-2", LegalBasis.PARTICIPATIEWET_ART_67, List.of(new DocumentRef("document-1", 1)), passed, SEALED,
        T0, Duration.ofDays(2), Duration.ofDays(30), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void create_listsTheGrantForRecipientClientAndCommissioner_withItsNoticePending() {
    Grant grant = grant("client-1", "gemeente-deventer", "kansrijk");
    await(grants.create(grant(("client-2"), "uwv", "werkpad")));

    await(grants.create(grant));

    assertThat(await(grants.findById(grant.grantId()))).contains(grant);
    assertThat(await(grants.listByRecipient("kansrijk"))).containsExactly(grant);
    assertThat(await(grants.listByClient("client-1"))).containsExactly(grant);
    assertThat(await(grants.listByCommissioner("gemeente-deventer"))).containsExactly(grant);
    assertThat(await(grants.pendingNotices())).extracting(PendingNotice::noticeId)
        .contains(grant.grantId() + ":granted");
    assertThatThrownBy(() -> await(grants.create(grant))).cause().isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void aListEntryWhoseGrantSaysOtherwise_isNotShown() {
    Grant grant = grant("client-1", "gemeente-deventer", "kansrijk");
    await(grants.create(grant));
    await(store.durably(mongo -> mongo.insert(TransferCollections.CLIENT_GRANTS, new JsonObject()
        .put("_id", "client-9").put("grantIds", new io.vertx.core.json.JsonArray().add(grant.grantId())))));

    assertThat(await(grants.listByClient("client-9"))).isEmpty();
  }

  @Test
  void noticeStored_firstMomentStays_andHandledNoticeIsGone() {
    Grant grant = grant("client-1", "gemeente-deventer", "kansrijk");
    await(grants.create(grant));

    Grant first = await(grants.markNoticeStored(grant.grantId(), T0.plusSeconds(5))).orElseThrow();
    Grant again = await(grants.markNoticeStored(grant.grantId(), T0.plusSeconds(60))).orElseThrow();

    assertThat(first.noticeStoredAt()).contains(T0.plusSeconds(5));
    assertThat(again.noticeStoredAt()).contains(T0.plusSeconds(5));
    assertThat(await(grants.markNoticeStored("no-such-grant", T0))).isEmpty();
    PendingNotice pending = await(grants.pendingNotices()).get(0);
    await(grants.noticeHandled(pending));
    assertThat(await(grants.pendingNotices())).isEmpty();
  }

  @Test
  void revoke_onceOnly_announcingTheNotice() {
    Grant grant = grant("client-1", "gemeente-deventer", "kansrijk");
    await(grants.create(grant));

    Grant revoked = await(grants.revoke(grant.grantId(), T0.plusSeconds(10)));

    assertThat(revoked.revokedAt()).contains(T0.plusSeconds(10));
    assertThat(revoked.availabilityAt(T0.plusSeconds(11))).isEqualTo(Grant.Availability.REVOKED);
    assertThat(await(grants.pendingNotices())).extracting(PendingNotice::kind)
        .containsExactly(NoticeKind.GRANTED, NoticeKind.REVOKED);
    assertThatThrownBy(() -> await(grants.revoke(grant.grantId(), T0.plusSeconds(20))))
        .cause().isInstanceOf(GrantStateException.class)
        .satisfies(e -> assertThat(((GrantStateException) e).reason()).isEqualTo(GrantStateException.Reason.REVOKED));
    assertThat(await(grants.findById(grant.grantId())).orElseThrow().revokedAt()).contains(T0.plusSeconds(10));
    assertThatThrownBy(() -> await(grants.revoke("no-such-grant", T0))).cause()
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void objection_pausesTheRelease_onlyOnce_andARejectionLetsItGoOn() {
    Grant grant = grant("client-1", "gemeente-deventer", "kansrijk");
    await(grants.create(grant));
    Grant noticed = await(grants.markNoticeStored(grant.grantId(), T0)).orElseThrow();
    Instant during = T0.plus(Duration.ofDays(3));
    assertThat(noticed.availabilityAt(during)).isEqualTo(Grant.Availability.AVAILABLE);

    Grant objected = await(grants.raiseObjection(grant.grantId(),
        new Objection(T0.plusSeconds(30), SEALED, Optional.empty())));

    assertThat(objected.availabilityAt(during)).isEqualTo(Grant.Availability.PAUSED_BY_OBJECTION);
    assertThatThrownBy(() -> await(grants.raiseObjection(grant.grantId(),
        new Objection(T0.plusSeconds(40), SEALED, Optional.empty()))))
        .cause().satisfies(e -> assertThat(((GrantStateException) e).reason())
            .isEqualTo(GrantStateException.Reason.OBJECTION_EXISTS));

    Grant decided = await(grants.decideObjection(grant.grantId(),
        new Objection.Decision(T0.plusSeconds(60), "officer-2", false, SEALED)));

    assertThat(decided.availabilityAt(during)).isEqualTo(Grant.Availability.AVAILABLE);
    assertThat(decided.objection().orElseThrow().decision().orElseThrow().decidedBy()).isEqualTo("officer-2");
    assertThat(await(grants.pendingNotices())).extracting(PendingNotice::kind)
        .contains(NoticeKind.OBJECTION_DECIDED);
    assertThatThrownBy(() -> await(grants.decideObjection(grant.grantId(),
        new Objection.Decision(T0.plusSeconds(90), "officer-3", true, SEALED))))
        .cause().satisfies(e -> assertThat(((GrantStateException) e).reason())
            .isEqualTo(GrantStateException.Reason.NO_OPEN_OBJECTION));
  }

  @Test
  void anUpheldObjection_revokesTheGrantInTheSameWrite() {
    Grant grant = grant("client-1", "gemeente-deventer", "kansrijk");
    await(grants.create(grant));
    await(grants.raiseObjection(grant.grantId(), new Objection(T0.plusSeconds(30), SEALED, Optional.empty())));

    Grant decided = await(grants.decideObjection(grant.grantId(),
        new Objection.Decision(T0.plusSeconds(60), "officer-2", true, SEALED)));

    assertThat(decided.revokedAt()).contains(T0.plusSeconds(60));
    assertThat(decided.availabilityAt(T0.plus(Duration.ofDays(3)))).isEqualTo(Grant.Availability.REVOKED);
    assertThat(await(grants.findById(grant.grantId()))).contains(decided);
    assertThatThrownBy(() -> await(grants.raiseObjection(grant.grantId(),
        new Objection(T0.plusSeconds(90), SEALED, Optional.empty()))))
        .cause().satisfies(e -> assertThat(((GrantStateException) e).reason())
            .isEqualTo(GrantStateException.Reason.REVOKED));
  }
}
