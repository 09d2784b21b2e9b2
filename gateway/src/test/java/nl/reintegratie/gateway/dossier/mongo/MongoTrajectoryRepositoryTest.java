package nl.reintegratie.gateway.dossier.mongo;

import static nl.reintegratie.gateway.dossier.Fixtures.NOW;
import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import nl.reintegratie.gateway.dossier.AlreadyExistsException;
import nl.reintegratie.gateway.dossier.Cause;
import nl.reintegratie.gateway.dossier.Fixtures;
import nl.reintegratie.gateway.dossier.FollowUpDecision;
import nl.reintegratie.gateway.dossier.FollowUpKind;
import nl.reintegratie.gateway.dossier.Goal;
import nl.reintegratie.gateway.dossier.LadderStep;
import nl.reintegratie.gateway.dossier.Regime;
import nl.reintegratie.gateway.dossier.ReportBack;
import nl.reintegratie.gateway.dossier.ReportBackDecision;
import nl.reintegratie.gateway.dossier.ReportBackOutcome;
import nl.reintegratie.gateway.dossier.ReportBackProposal;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.gateway.dossier.StaleVersionException;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.dossier.TrajectoryResult;
import nl.reintegratie.gateway.dossier.TrajectoryType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoTrajectoryRepositoryTest extends EmbeddedStoreTestBase {

  private MongoTrajectoryRepository trajectories;

  @BeforeEach
  void repository() {
    trajectories = new MongoTrajectoryRepository(store);
  }

  @Test
  void create_thenFindById_returnsTheSameTrajectory() {
    Trajectory trajectory = Fixtures.trajectory("client-1");

    await(trajectories.create(trajectory));

    assertThat(await(trajectories.findById(trajectory.trajectoryId()))).contains(trajectory);
    assertThat(await(trajectories.findById("no-such-trajectory"))).isEmpty();
  }

  @Test
  void everyFieldFilled_survivesTheRoundTrip() {
    Trajectory full = ended(Fixtures.trajectory("client-1"));
    Trajectory created = Trajectory.plan(full.trajectoryId(), "client-1", "uwv", "werkfit-oost", Regime.WIA,
        TrajectoryType.IRO, Goal.paidWork(), full.plannedStart(), full.plannedEnd(), 3, NOW);
    await(trajectories.create(created));

    Trajectory stored = await(trajectories.update(ended(created)));

    assertThat(stored).isEqualTo(ended(created).withVersion(2));
    assertThat(await(trajectories.findById(created.trajectoryId()))).contains(stored);
  }

  @Test
  void secondCreateWithSameId_failsAsAlreadyExisting() {
    Trajectory trajectory = Fixtures.trajectory("client-1");
    await(trajectories.create(trajectory));

    assertThatThrownBy(() -> await(trajectories.create(trajectory)))
        .cause().isInstanceOf(AlreadyExistsException.class)
        .satisfies(e -> assertThat(((AlreadyExistsException) e).kind())
            .isEqualTo(AlreadyExistsException.Kind.TRAJECTORY));
  }

  @Test
  void update_storesTheChangeAsNextVersion() {
    Trajectory trajectory = Fixtures.trajectory("client-1");
    await(trajectories.create(trajectory));

    Trajectory stored = await(trajectories.update(trajectory.start(LocalDate.of(2026, 12, 3), Optional.empty())));

    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.actualStart()).contains(LocalDate.of(2026, 12, 3));
    assertThat(await(trajectories.findById(trajectory.trajectoryId()))).contains(stored);
  }

  @Test
  void twoUpdatesFromTheSameVersion_secondFailsAsStale() {
    Trajectory read = Fixtures.trajectory("client-1");
    await(trajectories.create(read));
    await(trajectories.update(read.withLastContact(LocalDate.of(2026, 12, 5))));

    assertThatThrownBy(() -> await(trajectories.update(read.withLastContact(LocalDate.of(2026, 12, 6)))))
        .hasCauseInstanceOf(StaleVersionException.class);
    assertThat(await(trajectories.findById(read.trajectoryId())).orElseThrow().lastContactDate())
        .contains(LocalDate.of(2026, 12, 5));
  }

  @Test
  void update_removesValuesThatBecameEmpty() {
    Trajectory trajectory = Fixtures.trajectory("client-1"); // goal: ladder step 4
    await(trajectories.create(trajectory));

    Trajectory stored = await(trajectories.update(
        trajectory.replanned(Goal.paidWork(), trajectory.plannedStart(), trajectory.plannedEnd().plusMonths(3))));

    assertThat(stored.goal()).isEqualTo(Goal.paidWork());
    JsonObject raw = await(store.mongo().findOne(DossierCollections.TRAJECTORIES,
        new JsonObject().put("_id", trajectory.trajectoryId()), null));
    assertThat(raw.containsKey("goalLadderStep")).isFalse();
  }

  @Test
  void update_neverChangesTheFixedFields() {
    Trajectory trajectory = Fixtures.trajectory("client-1");
    await(trajectories.create(trajectory));
    Trajectory tampered = new Trajectory(trajectory.trajectoryId(), "client-2", "uwv", "other-provider",
        Regime.WAO, TrajectoryType.PLACEMENT, trajectory.goal(), trajectory.plannedStart(), trajectory.plannedEnd(),
        Optional.empty(), Optional.empty(), trajectory.status(), 7, Optional.empty(), List.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), NOW.plusSeconds(1), List.of(), Optional.empty(), 1);

    Trajectory stored = await(trajectories.update(tampered));

    assertThat(stored).isEqualTo(trajectory.withVersion(2));
  }

  @Test
  void updateOfUnknownTrajectory_failsAsNotFound() {
    assertThatThrownBy(() -> await(trajectories.update(Fixtures.trajectory("client-1"))))
        .hasCauseInstanceOf(NoSuchElementException.class);
  }

  @Test
  void listByClient_returnsTheClientsTrajectoriesInSequence() {
    Trajectory first = Fixtures.trajectory("client-1");
    Trajectory second = Trajectory.plan(UUID.randomUUID().toString(), "client-1", "gemeente-deventer",
        "next-provider", Regime.PARTICIPATIEWET, TrajectoryType.PLACEMENT, Goal.paidWork(),
        LocalDate.of(2027, 7, 1), LocalDate.of(2028, 1, 1), 2, NOW);
    await(trajectories.create(second));
    await(trajectories.create(first));
    await(trajectories.create(Fixtures.trajectory("client-2")));

    assertThat(await(trajectories.listByClient("client-1"))).containsExactly(first, second);
    assertThat(await(trajectories.listByClient("client-3"))).isEmpty();
  }

  @Test
  void crashAfterListingBeforeInsert_leavesNoTrajectoryAndCreateCanBeRetried() {
    Trajectory trajectory = Fixtures.trajectory("client-1");
    // what create() wrote before the simulated crash: the id under the client, no trajectory
    await(store.mongo().updateCollectionWithOptions(DossierCollections.CLIENT_TRAJECTORIES,
        new JsonObject().put("_id", "client-1"),
        new JsonObject().put("$addToSet", new JsonObject().put("trajectoryIds", trajectory.trajectoryId())),
        new UpdateOptions().setUpsert(true)));

    assertThat(await(trajectories.listByClient("client-1"))).isEmpty();
    await(trajectories.create(trajectory));
    assertThat(await(trajectories.listByClient("client-1"))).containsExactly(trajectory);
  }

  @Test
  void createWithTakenIdForAnotherClient_doesNotListTheOtherClientsTrajectory() {
    Trajectory mine = Fixtures.trajectory("client-1");
    await(trajectories.create(mine));
    Trajectory clash = Trajectory.plan(mine.trajectoryId(), "client-2", "uwv", "werkfit-oost", Regime.WW,
        TrajectoryType.JOB_HUNTING, Goal.paidWork(), mine.plannedStart(), mine.plannedEnd(), 1, NOW);

    assertThatThrownBy(() -> await(trajectories.create(clash))).hasCauseInstanceOf(AlreadyExistsException.class);

    assertThat(await(trajectories.listByClient("client-2"))).isEmpty();
  }

  @Test
  void listByProvider_returnsOnlyTheProvidersTrajectories() {
    Trajectory mine = Fixtures.trajectory("client-1");
    Trajectory alsoMine = Fixtures.trajectory("client-2");
    Trajectory other = Trajectory.plan(UUID.randomUUID().toString(), "client-1", "uwv", "kansrijk", Regime.WW,
        TrajectoryType.JOB_HUNTING, Goal.paidWork(), mine.plannedStart(), mine.plannedEnd(), 2, NOW);
    await(trajectories.create(mine));
    await(trajectories.create(other));
    await(trajectories.create(alsoMine));

    assertThat(await(trajectories.listByProvider(mine.providerOrganisation())))
        .containsExactlyInAnyOrder(mine, alsoMine);
    assertThat(await(trajectories.listByProvider("kansrijk"))).containsExactly(other);
    assertThat(await(trajectories.listByProvider("nobody"))).isEmpty();
  }

  @Test
  void listByProvider_crashAfterListingBeforeInsert_showsNothingAndCreateCanBeRetried() {
    Trajectory trajectory = Fixtures.trajectory("client-1");
    // what create() wrote before the simulated crash: the id under client and provider, no trajectory
    for (String[] list : new String[][] {{DossierCollections.CLIENT_TRAJECTORIES, "client-1"},
        {DossierCollections.PROVIDER_TRAJECTORIES, trajectory.providerOrganisation()}}) {
      await(store.mongo().updateCollectionWithOptions(list[0], new JsonObject().put("_id", list[1]),
          new JsonObject().put("$addToSet", new JsonObject().put("trajectoryIds", trajectory.trajectoryId())),
          new UpdateOptions().setUpsert(true)));
    }

    assertThat(await(trajectories.listByProvider(trajectory.providerOrganisation()))).isEmpty();
    await(trajectories.create(trajectory));
    assertThat(await(trajectories.listByProvider(trajectory.providerOrganisation()))).containsExactly(trajectory);
  }

  @Test
  void listByProvider_aCreateWithAnotherProvidersTakenId_neverShowsThatTrajectory() {
    Trajectory theirs = Trajectory.plan(UUID.randomUUID().toString(), "client-1", "uwv", "werkfit-oost", Regime.WW,
        TrajectoryType.JOB_HUNTING, Goal.paidWork(), LocalDate.of(2026, 12, 1), LocalDate.of(2027, 6, 1), 1, NOW);
    await(trajectories.create(theirs));
    Trajectory clash = Trajectory.plan(theirs.trajectoryId(), "client-2", "gemeente-deventer", "werkpad",
        Regime.PARTICIPATIEWET, TrajectoryType.PLACEMENT, Goal.paidWork(), theirs.plannedStart(),
        theirs.plannedEnd(), 1, NOW);

    assertThatThrownBy(() -> await(trajectories.create(clash))).hasCauseInstanceOf(AlreadyExistsException.class);

    // the id is now listed under werkpad too; the reader still shows werkpad nothing of werkfit-oost's
    assertThat(await(trajectories.listByProvider("werkpad"))).isEmpty();
  }

  @Test
  void listByCommissioner_returnsOnlyTheOrganisationsTrajectories_evenWhenItsListSaysOtherwise() {
    Trajectory mine = Fixtures.trajectory("client-1");
    Trajectory theirs = Trajectory.plan(UUID.randomUUID().toString(), "client-1", "uwv", "kansrijk", Regime.WW,
        TrajectoryType.JOB_HUNTING, Goal.paidWork(), mine.plannedStart(), mine.plannedEnd(), 2, NOW);
    await(trajectories.create(mine));
    await(trajectories.create(theirs));
    // bookkeeping gone wrong (a failed create on a taken id): uwv's trajectory listed under the municipality
    await(store.mongo().updateCollectionWithOptions(DossierCollections.COMMISSIONER_TRAJECTORIES,
        new JsonObject().put("_id", mine.commissionerOrganisation()),
        new JsonObject().put("$addToSet", new JsonObject().put("trajectoryIds", theirs.trajectoryId())),
        new UpdateOptions().setUpsert(true)));

    assertThat(await(trajectories.listByCommissioner(mine.commissionerOrganisation()))).containsExactly(mine);
    assertThat(await(trajectories.listByCommissioner("uwv"))).containsExactly(theirs);
    assertThat(await(trajectories.listByCommissioner("gemeente-zwolle"))).isEmpty();
  }

  @Test
  void aTrajectoryStoredBeforeReportBacksWereRecorded_readsWithoutThem() {
    Trajectory trajectory = Fixtures.trajectory("client-1");
    await(trajectories.create(trajectory));
    await(store.mongo().updateCollection(DossierCollections.TRAJECTORIES,
        new JsonObject().put("_id", trajectory.trajectoryId()),
        new JsonObject().put("$unset", new JsonObject().put("reportBacks", ""))));

    assertThat(await(trajectories.findById(trajectory.trajectoryId()))).contains(trajectory);
  }

  @Test
  void page_visitsAllInIdOrder() {
    for (int i = 0; i < 15; i++) {
      await(trajectories.create(Fixtures.trajectory("client-" + i)));
    }

    List<Trajectory> first = await(trajectories.page(Optional.empty(), 10));
    List<Trajectory> rest = await(trajectories.page(Optional.of(first.get(9).trajectoryId()), 10));

    assertThat(first).hasSize(10);
    assertThat(rest).hasSize(5);
    assertThat(rest.get(0).trajectoryId()).isGreaterThan(first.get(9).trajectoryId());
  }

  /**
   * Every field filled: started, a report-back rejected with a sealed explanation, a second one still pending when
   * the commissioner ended the trajectory, and a follow-up decision with a new trajectory and an explanation.
   */
  private static Trajectory ended(Trajectory planned) {
    return planned.start(LocalDate.of(2026, 12, 2), Optional.of(LadderStep.SOCIAL_CONTACTS))
        .withLastContact(LocalDate.of(2027, 2, 14))
        .reportedBack(ReportBack.received(FIRST_REPORT_BACK, Cause.ILLNESS, ReportBackProposal.ADJUST, LocalDate.of(2027, 1, 10),
            NOW.plusSeconds(60)))
        .reportBackDecided(FIRST_REPORT_BACK, new ReportBackDecision(ReportBackOutcome.REJECTED,
            LocalDate.of(2027, 1, 12), "f:2c1e9a7b-officer", NOW.plusSeconds(120), Optional.of(REJECTION)))
        .reportedBack(ReportBack.received(SECOND_REPORT_BACK, Cause.NO_CLICK,
            ReportBackProposal.OTHER_PROVIDER, LocalDate.of(2027, 2, 20), NOW.plusSeconds(180)))
        .end(LocalDate.of(2027, 3, 1), TrajectoryResult.ENDED_EARLY, List.of(Cause.ILLNESS, Cause.NO_CLICK),
            Optional.of(LadderStep.ORGANISED_ACTIVITIES))
        .followUpDecided(new FollowUpDecision(FollowUpKind.NEW_TRAJECTORY, LocalDate.of(2027, 4, 1),
            LocalDate.of(2027, 3, 20), "f:2c1e9a7b-officer", NOW.plusSeconds(240),
            Optional.of(NEXT_TRAJECTORY), Optional.of(FOLLOW_UP)));
  }

  private static final String FIRST_REPORT_BACK = UUID.randomUUID().toString();
  private static final String SECOND_REPORT_BACK = UUID.randomUUID().toString();
  private static final String NEXT_TRAJECTORY = UUID.randomUUID().toString();
  private static final SealedText REJECTION = new SealedText(Fixtures.randomBytes(60), Fixtures.randomBytes(90));
  private static final SealedText FOLLOW_UP = new SealedText(Fixtures.randomBytes(60), Fixtures.randomBytes(70));
}
