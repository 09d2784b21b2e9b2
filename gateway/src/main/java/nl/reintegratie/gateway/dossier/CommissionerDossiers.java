package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.dossier.RefusedInputException.Refusal;
import nl.reintegratie.gateway.events.DomainEvents;

/**
 * What a commissioner (a municipality's case manager, a UWV coach) may do with trajectories: commission one, follow
 * its own organisation's trajectories, decide on a provider's report-back, end a trajectory with its result, and
 * record what follows it. Who asks comes from their login ({@link Officer}); this class decides everything else.
 *
 * <p><b>Not yours is not there.</b> A trajectory another organisation commissioned fails with the same
 * {@link NotFoundException} as one that does not exist, for reading and for every change.
 *
 * <p><b>One atomic change each.</b> Every change is one compare-and-set of the trajectory document on the version
 * that was read ({@link DossierService#saveTrajectory}); a concurrent change makes it fail with
 * {@link StaleVersionException} and nothing is written. A change the state does not allow fails with
 * {@link TrajectoryStateException}; input that does not fit the stored facts with {@link RefusedInputException}
 * listing every rule that failed, before anything is written. An explanation is sealed first and written inside the
 * same change, so a refused or lost change leaves no text behind.
 *
 * <p><b>Events</b> ({@link TrajectoryEvents}) are published once the change is durable.
 */
public final class CommissionerDossiers {

  /** Decisions are taken on Dutch calendar days, whatever the server's time zone. */
  static final ZoneId CALENDAR = ZoneId.of("Europe/Amsterdam");

  /** Who acts: a commissioner's officer, by the subject id and organisation of their login. */
  public record Officer(String subject, String organisation) {
    public Officer {
      Checks.author(subject);
      Checks.id(organisation, "organisation");
    }
  }

  /** A trajectory to commission; the commissioner is the officer's organisation. */
  public record NewTrajectory(String clientId, String providerOrganisation, Regime regime, TrajectoryType type,
      Goal goal, LocalDate plannedStart, LocalDate plannedEnd, int sequenceNumber) {
    public NewTrajectory {
      Checks.id(clientId, "clientId");
      Checks.id(providerOrganisation, "providerOrganisation");
      Objects.requireNonNull(regime, "regime");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(goal, "goal");
      Objects.requireNonNull(plannedStart, "plannedStart");
      Objects.requireNonNull(plannedEnd, "plannedEnd");
      Checks.positive(sequenceNumber, "sequenceNumber");
    }
  }

  /** How a trajectory ended. */
  public record Ending(LocalDate endDate, TrajectoryResult result, List<Cause> causes,
      Optional<LadderStep> ladderStepAtEnd) {
    public Ending {
      Objects.requireNonNull(endDate, "endDate");
      Objects.requireNonNull(result, "result");
      causes = List.copyOf(causes);
      Objects.requireNonNull(ladderStepAtEnd, "ladderStepAtEnd");
    }
  }

  /** The decision on a report-back, with the explanation still in plain text. */
  public record Verdict(ReportBackOutcome outcome, LocalDate decidedOn, Optional<String> explanation) {
    public Verdict {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(decidedOn, "decidedOn");
      Objects.requireNonNull(explanation, "explanation");
    }

    /** Without the explanation: it is about the client. */
    @Override
    public String toString() {
      return "Verdict[" + outcome.code() + ", " + decidedOn + ", explained=" + explanation.isPresent() + "]";
    }
  }

  /** The follow-up decision, with the explanation still in plain text. */
  public record FollowUp(FollowUpKind kind, LocalDate dueDate, LocalDate decidedOn, Optional<String> newTrajectoryId,
      Optional<String> explanation) {
    public FollowUp {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(dueDate, "dueDate");
      Objects.requireNonNull(decidedOn, "decidedOn");
      Objects.requireNonNull(newTrajectoryId, "newTrajectoryId");
      Objects.requireNonNull(explanation, "explanation");
    }

    /** Without the explanation: it is about the client. */
    @Override
    public String toString() {
      return "FollowUp[" + kind.code() + ", due " + dueDate + ", " + decidedOn + ", explained="
          + explanation.isPresent() + "]";
    }
  }

  /**
   * A trajectory with its commissioner's explanations opened: per report-back document id, and of the follow-up.
   * Empty when there are none, or when the client was shredded (the clear metadata stays for statistics).
   */
  public record Explained(Trajectory trajectory, Map<String, String> reportBackExplanations,
      Optional<String> followUpExplanation) {
    public Explained {
      Objects.requireNonNull(trajectory, "trajectory");
      reportBackExplanations = Map.copyOf(reportBackExplanations);
      Objects.requireNonNull(followUpExplanation, "followUpExplanation");
    }

    /** Without the explanations. */
    @Override
    public String toString() {
      return "Explained[" + trajectory.trajectoryId() + "]";
    }
  }

  private final DossierService dossiers;
  private final KnownProviders providers;
  private final ReadDisclosures reads;
  private final DomainEvents events;
  private final Clock clock;

  public CommissionerDossiers(DossierService dossiers, KnownProviders providers, DomainEvents events,
                              ReadDisclosures reads, Clock clock) {
    this.dossiers = Objects.requireNonNull(dossiers);
    this.providers = Objects.requireNonNull(providers);
    this.events = Objects.requireNonNull(events);
    this.reads = Objects.requireNonNull(reads);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Success: the organisation's trajectories (only the client's, when {@code clientId} is given), oldest first; never
   * another organisation's.
   */
  public Future<List<Trajectory>> trajectories(Officer who, Optional<String> clientId) {
    Future<List<Trajectory>> listed = clientId.isPresent() ? dossiers.trajectoriesOfClient(clientId.get())
        : dossiers.trajectoriesOfCommissioner(who.organisation());
    return listed.map(trajectories -> trajectories.stream()
        .filter(trajectory -> own(who, trajectory))
        .sorted(Comparator.comparing(Trajectory::createdAt).thenComparing(Trajectory::trajectoryId))
        .toList());
  }

  /** Success: the trajectory. Failure: {@link NotFoundException} when it does not exist or is another's. */
  public Future<Trajectory> trajectory(Officer who, String trajectoryId) {
    return dossiers.findTrajectory(trajectoryId).compose(found -> found
        .filter(trajectory -> own(who, trajectory))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException("trajectory"))));
  }

  /**
   * As {@link #trajectory}, with the explanations of its decisions opened. Opened texts are client data: they are
   * handed out only once the read is in the client's disclosure log ({@code commissioner-decision-texts}).
   */
  public Future<Explained> explained(Officer who, String trajectoryId) {
    return trajectory(who, trajectoryId).compose(trajectory -> TrajectoryExplanations.open(dossiers, trajectory)
        .compose(explained -> explained.reportBackExplanations().isEmpty()
            && explained.followUpExplanation().isEmpty()
            ? Future.succeededFuture(explained)
            : reads.logged(trajectory.clientId(), who.organisation(), Optional.of(who.subject()),
                "commissioner-decision-texts", SubjectRef.trajectory(trajectory.trajectoryId())).map(explained)));
  }

  /** The outcome of a client intake: the client id, and whether this request registered the client. */
  public record Registered(String clientId, boolean created) {
    public Registered {
      Objects.requireNonNull(clientId, "clientId");
    }
  }

  /**
   * The intake of a client, so their trajectories can be commissioned: registers the person with their BSN (stored
   * only as a keyed hash) and sealed personal data, or, when the BSN is registered already (by this or another
   * commissioner: a person has one dossier), answers with the existing client id and changes nothing. Safe to repeat,
   * also concurrently.
   *
   * <p>Failure: {@link InvalidInputException} for a BSN that fails the eleven-test; the store's.
   */
  public Future<Registered> registerClient(Officer who, String bsn, PersonalData personalData) {
    Objects.requireNonNull(who, "who");
    return dossiers.findClientByBsn(bsn).compose(found -> found.isPresent()
        ? Future.succeededFuture(new Registered(found.get(), false))
        : dossiers.registerClient(bsn, personalData).map(clientId -> new Registered(clientId, true))
            // another intake of the same person won the race
            .recover(failure -> failure instanceof AlreadyExistsException exists
                && exists.kind() == AlreadyExistsException.Kind.CLIENT_BSN_HASH
                ? dossiers.findClientByBsn(bsn).map(again -> new Registered(again.orElseThrow(), false))
                : Future.failedFuture(failure)));
  }

  /**
   * Commissions a trajectory from the officer's organisation, planned, with a new id. Failure:
   * {@link RefusedInputException} when the planned end is before the start, the provider is not registered and
   * active, or the client is not registered (all that apply).
   */
  public Future<Trajectory> create(Officer who, NewTrajectory order) {
    List<Refusal> refusals = new ArrayList<>();
    if (order.plannedEnd().isBefore(order.plannedStart())) {
      refusals.add(Refusal.PLANNED_END_BEFORE_START);
    }
    Future<Boolean> providerKnown = providers.isActiveProvider(order.providerOrganisation());
    Future<Boolean> clientKnown = dossiers.isRegisteredClient(order.clientId());
    return Future.all(providerKnown, clientKnown)
        .compose(checked -> {
          if (!providerKnown.result()) {
            refusals.add(Refusal.PROVIDER_NOT_REGISTERED);
          }
          if (!clientKnown.result()) {
            refusals.add(Refusal.CLIENT_NOT_REGISTERED);
          }
          if (!refusals.isEmpty()) {
            return Future.failedFuture(new RefusedInputException(refusals));
          }
          return dossiers.createTrajectory(Trajectory.plan(UUID.randomUUID().toString(), order.clientId(),
              who.organisation(), order.providerOrganisation(), order.regime(), order.type(), order.goal(),
              order.plannedStart(), order.plannedEnd(), order.sequenceNumber(), clock.instant()));
        })
        // shredded between the check and the write
        .recover(failure -> Future.failedFuture(failure instanceof NotFoundException
            ? new RefusedInputException(List.of(Refusal.CLIENT_NOT_REGISTERED)) : failure))
        .onSuccess(created -> events.publish(TrajectoryEvents.created(created, clock.instant())));
  }

  /**
   * Ends the trajectory with its result. Failure: {@link NotFoundException}; {@link RefusedInputException} when the
   * end date is in the future or before the actual start; {@link TrajectoryStateException} when it has ended;
   * {@link StaleVersionException}.
   */
  public Future<Trajectory> end(Officer who, String trajectoryId, Ending ending) {
    return trajectory(who, trajectoryId)
        .compose(current -> {
          boolean inRange = !ending.endDate().isAfter(today())
              && current.actualStart().map(start -> !ending.endDate().isBefore(start)).orElse(true);
          return inRange
              ? attempt(() -> current.end(ending.endDate(), ending.result(), ending.causes(), ending.ladderStepAtEnd()))
              : refused(Refusal.END_DATE_OUT_OF_RANGE);
        })
        .compose(dossiers::saveTrajectory)
        .onSuccess(ended -> events.publish(TrajectoryEvents.ended(ended, clock.instant())));
  }

  /**
   * Decides the pending report-back {@code documentId} (see {@link Trajectory#reportBackDecided} for what it does to
   * the trajectory). Failure: {@link NotFoundException} for another's trajectory or an unknown report-back;
   * {@link RefusedInputException} when the decision date is in the future or before the report-back arrived (or the
   * trajectory started); {@link TrajectoryStateException} when it was decided or the trajectory ended;
   * {@link StaleVersionException}.
   */
  public Future<Trajectory> decideReportBack(Officer who, String trajectoryId, String documentId, Verdict verdict) {
    return trajectory(who, trajectoryId)
        .compose(current -> attempt(() -> current.undecidedReportBack(documentId)).compose(reportBack -> {
          LocalDate earliest = later(reportBack.receivedAt().atZone(CALENDAR).toLocalDate(), current.actualStart());
          if (verdict.decidedOn().isAfter(today()) || verdict.decidedOn().isBefore(earliest)) {
            return refused(Refusal.DECISION_DATE_OUT_OF_RANGE);
          }
          return seal(current, SealedText.reportBackDecision(documentId), verdict.explanation())
              .compose(explanation -> attempt(() -> current.reportBackDecided(documentId, new ReportBackDecision(
                  verdict.outcome(), verdict.decidedOn(), who.subject(), clock.instant(), explanation))));
        }))
        .compose(dossiers::saveTrajectory)
        .onSuccess(saved -> {
          events.publish(TrajectoryEvents.reportBackDecided(saved, saved.reportBack(documentId).orElseThrow(),
              clock.instant()));
          if (saved.status() == TrajectoryStatus.ENDED) {
            events.publish(TrajectoryEvents.ended(saved, clock.instant()));
          }
        });
  }

  /**
   * Records what follows the ended trajectory. Failure: {@link NotFoundException}; {@link TrajectoryStateException}
   * when it has not ended or its follow-up was decided; {@link RefusedInputException} when the due date is before the
   * end, the decision date before the end or in the future, or the new trajectory is not another trajectory of this
   * organisation for the same client (at UWV also: with another provider, Kamerbrief 2008);
   * {@link StaleVersionException}.
   */
  public Future<Trajectory> decideFollowUp(Officer who, String trajectoryId, FollowUp followUp) {
    return trajectory(who, trajectoryId)
        .compose(current -> attempt(() -> {
          current.requireFollowUpOpen();
          return current;
        }))
        .compose(current -> {
          LocalDate end = current.actualEnd().orElseThrow();
          List<Refusal> refusals = new ArrayList<>();
          if (followUp.dueDate().isBefore(end)) {
            refusals.add(Refusal.DUE_DATE_BEFORE_END);
          }
          if (followUp.decidedOn().isBefore(end) || followUp.decidedOn().isAfter(today())) {
            refusals.add(Refusal.DECISION_DATE_OUT_OF_RANGE);
          }
          return newTrajectoryRefusals(who, current, followUp.newTrajectoryId())
              .compose(more -> {
                refusals.addAll(more);
                return refusals.isEmpty() ? seal(current, SealedText.FOLLOW_UP_DECISION, followUp.explanation())
                    : Future.failedFuture(new RefusedInputException(refusals));
              })
              .compose(explanation -> attempt(() -> current.followUpDecided(new FollowUpDecision(followUp.kind(),
                  followUp.dueDate(), followUp.decidedOn(), who.subject(), clock.instant(),
                  followUp.newTrajectoryId(), explanation))));
        })
        .compose(dossiers::saveTrajectory)
        .onSuccess(saved -> events.publish(TrajectoryEvents.followUpDecided(saved, clock.instant())));
  }

  /** What is wrong with {@code newTrajectoryId} as the follow-up of {@code ended}; empty when nothing is. */
  private Future<List<Refusal>> newTrajectoryRefusals(Officer who, Trajectory ended, Optional<String> newTrajectoryId) {
    if (newTrajectoryId.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return dossiers.findTrajectory(newTrajectoryId.get()).map(found -> {
      Optional<Trajectory> next = found.filter(trajectory -> own(who, trajectory)
          && trajectory.clientId().equals(ended.clientId())
          && !trajectory.trajectoryId().equals(ended.trajectoryId()));
      if (next.isEmpty()) {
        return List.of(Refusal.NEW_TRAJECTORY_UNKNOWN);
      }
      // UWV (every regime but the Participatiewet, as in the transfer rules): a second chance goes elsewhere
      boolean uwv = ended.regime() != Regime.PARTICIPATIEWET;
      return uwv && next.get().providerOrganisation().equals(ended.providerOrganisation())
          ? List.of(Refusal.NEW_TRAJECTORY_SAME_PROVIDER) : List.of();
    });
  }

  private Future<Optional<SealedText>> seal(Trajectory trajectory, String place, Optional<String> text) {
    return text.isEmpty() ? Future.succeededFuture(Optional.empty())
        : dossiers.sealText(trajectory, place, text.get()).map(Optional::of);
  }

  private static boolean own(Officer who, Trajectory trajectory) {
    return trajectory.commissionerOrganisation().equals(who.organisation());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(CALENDAR));
  }

  private static LocalDate later(LocalDate day, Optional<LocalDate> other) {
    return other.filter(day::isBefore).orElse(day);
  }

  private static <T> Future<T> refused(Refusal refusal) {
    return Future.failedFuture(new RefusedInputException(List.of(refusal)));
  }

  /** A transition's result, or its refusal ({@link TrajectoryStateException}, ...) as a failed future. */
  private static <T> Future<T> attempt(Supplier<T> transition) {
    try {
      return Future.succeededFuture(transition.get());
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
  }
}
