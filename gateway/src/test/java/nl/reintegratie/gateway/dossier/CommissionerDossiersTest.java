package nl.reintegratie.gateway.dossier;

import static nl.reintegratie.gateway.store.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import nl.reintegratie.gateway.audit.DisclosureEntry;
import nl.reintegratie.gateway.audit.DisclosureKind;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.events.DomainEvent;
import nl.reintegratie.gateway.testsupport.DelegatingDisclosureLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commissioner's changes when someone else changes the same trajectory in between: the compare-and-set of the
 * trajectory's version refuses the later write, nothing of it is stored and no event says it happened. The race is
 * made deterministic by a repository that lets another change through right after the trajectory was read.
 */
class CommissionerDossiersTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
  static final CommissionerDossiers.Officer OFFICER =
      new CommissionerDossiers.Officer("2c1e9a7b-0d4f-4e55-9a43-5b1f1e0f7c21", "gemeente-deventer");

  @TempDir
  Path dir;
  DossierFixture fixture;
  RacingTrajectories trajectories;
  CommissionerDossiers commissioners;
  List<DomainEvent> events = new CopyOnWriteArrayList<>();
  List<DisclosureEntry> logged = new CopyOnWriteArrayList<>();
  DossierService service;
  String clientId;

  @BeforeEach
  void open() throws Exception {
    fixture = DossierFixture.open(dir);
    trajectories = new RacingTrajectories(fixture.trajectories);
    DossierService service = new DossierService(fixture.vertx, fixture.keys, fixture.clients, fixture.clientKeys,
        trajectories, fixture.documents, DossierFixture.RETENTION, Clock.systemUTC());
    commissioners = new CommissionerDossiers(service, provider -> Future.succeededFuture(true), events::add,
        new ReadDisclosures(DelegatingDisclosureLog.recording(logged), Clock.systemUTC()), Clock.systemUTC());
    this.service = service;
    clientId = await(service.registerClient(DossierFixture.BSN, new PersonalData(DossierFixture.GIVEN_NAME,
        DossierFixture.FAMILY_NAME, Optional.empty(), Optional.empty())));
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void anEndingBasedOnAStaleRead_isRefused_storesNothing_andPublishesNothing() {
    Trajectory created = await(commissioners.create(OFFICER, newTrajectory()));
    trajectories.afterNextRead(current -> current.withLastContact(TODAY));

    assertThatThrownBy(() -> await(commissioners.end(OFFICER, created.trajectoryId(),
        new CommissionerDossiers.Ending(TODAY, TrajectoryResult.PLACED, List.of(), Optional.empty()))))
        .hasCauseInstanceOf(StaleVersionException.class);

    Trajectory stored = await(fixture.trajectories.findById(created.trajectoryId())).orElseThrow();
    assertThat(stored.status()).isEqualTo(TrajectoryStatus.PLANNED);
    assertThat(stored.lastContactDate()).contains(TODAY);
    assertThat(events).extracting(DomainEvent::type).containsExactly(TrajectoryEvents.TRAJECTORY_CREATED);
  }

  @Test
  void aFollowUpBasedOnAStaleRead_isRefused_andItsExplanationIsNotKept() {
    Trajectory created = await(commissioners.create(OFFICER, newTrajectory()));
    Trajectory ended = await(commissioners.end(OFFICER, created.trajectoryId(),
        new CommissionerDossiers.Ending(TODAY, TrajectoryResult.ENDED_WITHOUT_RESULT, List.of(Cause.MOTIVATION),
            Optional.empty())));
    trajectories.afterNextRead(current -> current.withLastContact(TODAY));

    assertThatThrownBy(() -> await(commissioners.decideFollowUp(OFFICER, ended.trajectoryId(),
        new CommissionerDossiers.FollowUp(FollowUpKind.REASONED_STOP, TODAY, TODAY, Optional.empty(),
            Optional.of("Zij verhuist naar een andere gemeente.")))))
        .hasCauseInstanceOf(StaleVersionException.class);

    Trajectory stored = await(fixture.trajectories.findById(created.trajectoryId())).orElseThrow();
    assertThat(stored.followUp()).isEmpty();
    assertThat(events).extracting(DomainEvent::type)
        .containsExactly(TrajectoryEvents.TRAJECTORY_CREATED, TrajectoryEvents.TRAJECTORY_ENDED);
  }

  @Test
  void anotherOrganisationsOfficer_findsNothing_toReadOrToChange() {
    Trajectory created = await(commissioners.create(OFFICER, newTrajectory()));
    CommissionerDossiers.Officer uwv = new CommissionerDossiers.Officer("7d3f1c2a-uwv-officer", "uwv");

    assertThatThrownBy(() -> await(commissioners.trajectory(uwv, created.trajectoryId())))
        .hasCauseInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> await(commissioners.end(uwv, created.trajectoryId(),
        new CommissionerDossiers.Ending(TODAY, TrajectoryResult.PLACED, List.of(), Optional.empty()))))
        .hasCauseInstanceOf(NotFoundException.class);
    assertThat(await(commissioners.trajectories(uwv, Optional.of(clientId)))).isEmpty();
    assertThat(await(commissioners.trajectories(OFFICER, Optional.of(clientId)))).containsExactly(created);
  }

  @Test
  void readingTheOpenedExplanations_isInTheClientsDisclosureLog_andFailsWhenTheLogCannotBeWritten() {
    Trajectory created = await(commissioners.create(OFFICER, newTrajectory()));
    await(commissioners.end(OFFICER, created.trajectoryId(), new CommissionerDossiers.Ending(TODAY,
        TrajectoryResult.ENDED_WITHOUT_RESULT, List.of(Cause.MOTIVATION), Optional.empty())));
    await(commissioners.decideFollowUp(OFFICER, created.trajectoryId(), new CommissionerDossiers.FollowUp(
        FollowUpKind.REASONED_STOP, TODAY, TODAY, Optional.empty(), Optional.of("Zij verhuist naar Zwolle."))));

    CommissionerDossiers.Explained explained = await(commissioners.explained(OFFICER, created.trajectoryId()));

    assertThat(explained.followUpExplanation()).contains("Zij verhuist naar Zwolle.");
    assertThat(logged).singleElement().satisfies(entry -> {
      assertThat(entry.kind()).isEqualTo(DisclosureKind.CLIENT_DATA_READ);
      assertThat(entry.clientId()).isEqualTo(clientId);
      assertThat(entry.organisationId()).isEqualTo("gemeente-deventer");
      assertThat(entry.actorId()).contains(OFFICER.subject());
      assertThat(entry.subjects()).containsExactly(SubjectRef.trajectory(created.trajectoryId()));
      assertThat(entry.reason()).contains("commissioner-decision-texts");
    });

    CommissionerDossiers withBrokenLog = new CommissionerDossiers(service, provider -> Future.succeededFuture(true),
        events::add, new ReadDisclosures(DelegatingDisclosureLog.failingAppends(
            DelegatingDisclosureLog.recording(logged)), Clock.systemUTC()), Clock.systemUTC());
    assertThatThrownBy(() -> await(withBrokenLog.explained(OFFICER, created.trajectoryId())))
        .hasRootCauseMessage("log store down");
    // a trajectory without opened texts discloses nothing, so it needs no entry
    assertThat(await(withBrokenLog.trajectory(OFFICER, created.trajectoryId())).trajectoryId())
        .isEqualTo(created.trajectoryId());
  }

  private CommissionerDossiers.NewTrajectory newTrajectory() {
    return new CommissionerDossiers.NewTrajectory(clientId, "werkpad", Regime.PARTICIPATIEWET,
        TrajectoryType.JOB_HUNTING, Goal.paidWork(), TODAY.minusDays(30), TODAY.plusDays(150), 1);
  }

  /** The real repository, but once asked to, it stores another change right after the next read: a lost race. */
  static final class RacingTrajectories implements TrajectoryRepository {

    private final TrajectoryRepository delegate;
    private volatile UnaryOperator<Trajectory> concurrentChange;

    RacingTrajectories(TrajectoryRepository delegate) {
      this.delegate = delegate;
    }

    void afterNextRead(UnaryOperator<Trajectory> change) {
      concurrentChange = change;
    }

    @Override
    public Future<Optional<Trajectory>> findById(String trajectoryId) {
      UnaryOperator<Trajectory> change = concurrentChange;
      concurrentChange = null;
      return delegate.findById(trajectoryId).compose(found -> change == null || found.isEmpty()
          ? Future.succeededFuture(found)
          : delegate.update(change.apply(found.get())).map(found));
    }

    @Override
    public Future<Void> create(Trajectory trajectory) {
      return delegate.create(trajectory);
    }

    @Override
    public Future<List<Trajectory>> listByClient(String clientId) {
      return delegate.listByClient(clientId);
    }

    @Override
    public Future<List<Trajectory>> listByProvider(String providerOrganisation) {
      return delegate.listByProvider(providerOrganisation);
    }

    @Override
    public Future<List<Trajectory>> listByCommissioner(String commissionerOrganisation) {
      return delegate.listByCommissioner(commissionerOrganisation);
    }

    @Override
    public Future<Trajectory> update(Trajectory changed) {
      return delegate.update(changed);
    }

    @Override
    public Future<List<Trajectory>> page(Optional<String> afterTrajectoryId, int limit) {
      return delegate.page(afterTrajectoryId, limit);
    }
  }
}
