package nl.reintegratie.gateway.dossier.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import nl.reintegratie.gateway.dossier.CommissionerDossiers;
import nl.reintegratie.gateway.dossier.CommissionerDossiers.Officer;
import nl.reintegratie.gateway.dossier.Trajectory;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.BodyValidation;
import nl.reintegratie.gateway.http.JsonAnswers;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.http.RequestIds;
import nl.reintegratie.gateway.identity.StaffAccess;
import nl.reintegratie.schemas.SchemaCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commissioner API: a municipality's case manager or a UWV coach, logged in to the portal, commissions
 * trajectories and follows them. Before any of these routes the router ran the request id and the body limit; then,
 * per route and in this order:
 *
 * <ol>
 *   <li>{@link StaffAccess}: a live portal session (else 401 {@code login-required}), the portal's CSRF rule on
 *       POST (403 {@code cross-site-request}), the {@code commissioner} role (403 {@code forbidden});
 *   <li>the officer: their organisation from the login, never from the request (403 {@code forbidden} when the
 *       login carries none);
 *   <li>for POSTs, schema validation ({@link BodyValidation}: 400 {@code invalid-body} listing every field);
 *   <li>the route's handler, which leaves every rule about the trajectory to {@link CommissionerDossiers}: another
 *       organisation's trajectory is 404 like a missing one, a state that does not allow the change 409
 *       {@code trajectory-state-conflict}, a concurrent change 409 {@code conflict}, input that does not fit the
 *       stored facts 400 {@code invalid-body}.
 * </ol>
 *
 * <p>Schema validation runs before the trajectory is looked up, so its answer is the same whether the trajectory
 * exists, is another organisation's or is the caller's: it tells nothing about other organisations' trajectories.
 * Every change is logged with who made it (subject id and organisation) and ids; never an explanation.
 *
 * <p>Routes are registered one by one, never with a wildcard, so each is matched against the OpenAPI document.
 * They live beside the provider API's {@code /trajectories}, not under it: the two are different views of a
 * trajectory for differently authenticated callers, and an OpenAPI path has one operation per method.
 */
public final class CommissionerRoutes {

  static final String TRAJECTORIES = "/api/v1/commissioned-trajectories";
  static final String TRAJECTORY = TRAJECTORIES + "/:trajectoryId";
  static final String ENDING = TRAJECTORY + "/ending";
  static final String REPORT_BACK_DECISION = TRAJECTORY + "/report-backs/:documentId/decision";
  static final String FOLLOW_UP_DECISION = TRAJECTORY + "/follow-up-decision";
  static final String CLIENTS = "/api/v1/clients";

  /** The schema's {@code opaqueId}: never all digits, so a BSN is never taken for a client id. */
  private static final Pattern CLIENT_ID = Pattern.compile("(?![0-9]+$)[A-Za-z0-9][A-Za-z0-9_-]{7,63}");
  private static final Logger LOG = LoggerFactory.getLogger(CommissionerRoutes.class);
  private static final Logger SECURITY = LoggerFactory.getLogger("security");

  private final CommissionerDossiers commissioners;
  private final StaffAccess staff;
  private final SchemaCatalog schemas;

  public CommissionerRoutes(CommissionerDossiers commissioners, StaffAccess staff, SchemaCatalog schemas) {
    this.commissioners = Objects.requireNonNull(commissioners);
    this.staff = Objects.requireNonNull(staff);
    this.schemas = Objects.requireNonNull(schemas);
  }

  /** Mounts every commissioner route on {@code router}. */
  public void mount(Router router) {
    commissioner(router.post(CLIENTS))
        .handler(BodyValidation.against(schemas, "client-registration"))
        .handler(this::registerClient);
    commissioner(router.get(TRAJECTORIES))
        .handler(this::list);
    commissioner(router.post(TRAJECTORIES))
        .handler(BodyValidation.against(schemas, "trajectory"))
        .handler(this::create);
    commissioner(router.get(TRAJECTORY))
        .handler(this::one);
    commissioner(router.post(ENDING))
        .handler(BodyValidation.against(schemas, "trajectory-ending"))
        .handler(this::end);
    commissioner(router.post(REPORT_BACK_DECISION))
        .handler(BodyValidation.against(schemas, "report-back-decision"))
        .handler(this::decideReportBack);
    commissioner(router.post(FOLLOW_UP_DECISION))
        .handler(BodyValidation.against(schemas, "follow-up-decision"))
        .handler(this::decideFollowUp);
  }

  private Route commissioner(Route route) {
    return CommissionerAccess.commissioner(staff, route);
  }

  private static Officer officerOf(RoutingContext ctx) {
    return CommissionerAccess.officerOf(ctx);
  }

  /** {@code GET /commissioned-trajectories[?clientId=...]}: the organisation's trajectories, oldest first. */
  private void list(RoutingContext ctx) {
    List<String> clientIds = ctx.queryParam("clientId");
    if (clientIds.size() > 1 || clientIds.stream().anyMatch(id -> !CLIENT_ID.matcher(id).matches())) {
      refused(ctx, new ApiException(ProblemType.BAD_REQUEST, Language.of(ctx) == Language.EN
          ? "clientId must be one client id as the gateway gives it (8 to 64 letters, digits, - or _, not only"
              + " digits)."
          : "clientId moet één cliënt-id zijn zoals de gateway die geeft (8 tot 64 letters, cijfers, - of _, niet"
              + " alleen cijfers)."));
      return;
    }
    answer(ctx, commissioners.trajectories(officerOf(ctx), clientIds.stream().findFirst())
        .map(CommissionerTrajectoryJson::list), 200);
  }

  /**
   * {@code POST /clients}: the intake of a client. 201 with the new client id, or 200 with the existing one when the
   * BSN is registered already (nothing changes then). The BSN is never logged nor answered.
   */
  private void registerClient(RoutingContext ctx) {
    Officer who = officerOf(ctx);
    JsonObject body = BodyValidation.body(ctx);
    Future<CommissionerDossiers.Registered> registered = commissioners.registerClient(who, body.getString("bsn"),
            CommissionerInput.personalData(body))
        .onSuccess(intake -> LOG.info("event=client-intake by={} byOrganisation={} clientId={} created={}"
                + " requestId={}", who.subject(), who.organisation(), intake.clientId(), intake.created(),
            RequestIds.of(ctx)));
    registered.onComplete(outcome -> answer(ctx, registered.map(intake -> new JsonObject()
            .put("clientId", intake.clientId()).put("created", intake.created())),
        outcome.succeeded() && outcome.result().created() ? 201 : 200));
  }

  /**
   * {@code POST /commissioned-trajectories}: the body's {@code commissionerId} must be the officer's own organisation.
   * The schema keeps it required (the same body describes a trajectory elsewhere), and a different value is refused
   * rather than silently replaced: whoever sends it is trying to act for another organisation.
   */
  private void create(RoutingContext ctx) {
    Officer who = officerOf(ctx);
    JsonObject body = BodyValidation.body(ctx);
    String claimed = body.getString("commissionerId");
    if (!who.organisation().equals(claimed)) {
      SECURITY.warn("event=commissioner-organisation-mismatch subject={} organisation={} claimed={} requestId={}",
          who.subject(), who.organisation(), claimed, RequestIds.of(ctx));
      refused(ctx, new ApiException(ProblemType.FORBIDDEN, Language.of(ctx) == Language.EN
          ? "You can commission trajectories only for your own organisation, " + who.organisation() + "."
          : "Je kunt alleen trajecten laten uitvoeren voor je eigen organisatie, " + who.organisation() + "."));
      return;
    }
    Future<JsonObject> created = commissioners.create(who, CommissionerInput.newTrajectory(body))
        .onSuccess(trajectory -> LOG.info("event=trajectory-created by={} byOrganisation={} trajectoryId={}"
                + " clientId={} provider={} requestId={}", who.subject(), who.organisation(),
            trajectory.trajectoryId(), trajectory.clientId(), trajectory.providerOrganisation(), RequestIds.of(ctx)))
        .map(trajectory -> {
          ctx.response().putHeader("Location", TRAJECTORIES + "/" + trajectory.trajectoryId());
          return CommissionerTrajectoryJson.of(trajectory);
        });
    answer(ctx, created, 201);
  }

  /** {@code GET /commissioned-trajectories/{trajectoryId}}: with the commissioner's explanations opened. */
  private void one(RoutingContext ctx) {
    answer(ctx, commissioners.explained(officerOf(ctx), ctx.pathParam("trajectoryId"))
        .map(CommissionerTrajectoryJson::explained), 200);
  }

  /** {@code POST .../ending}: ends the trajectory with its result. */
  private void end(RoutingContext ctx) {
    Officer who = officerOf(ctx);
    Future<Trajectory> ended = commissioners.end(who, ctx.pathParam("trajectoryId"),
            CommissionerInput.ending(BodyValidation.body(ctx)))
        .onSuccess(trajectory -> LOG.info("event=trajectory-ended by={} byOrganisation={} trajectoryId={} result={}"
                + " requestId={}", who.subject(), who.organisation(), trajectory.trajectoryId(),
            trajectory.result().orElseThrow().code(), RequestIds.of(ctx)));
    answer(ctx, ended.map(CommissionerTrajectoryJson::of), 200);
  }

  /** {@code POST .../report-backs/{documentId}/decision}: accepts or rejects the pending report-back. */
  private void decideReportBack(RoutingContext ctx) {
    Officer who = officerOf(ctx);
    String documentId = ctx.pathParam("documentId");
    CommissionerDossiers.Verdict verdict = CommissionerInput.verdict(BodyValidation.body(ctx));
    Future<Trajectory> decided = commissioners.decideReportBack(who, ctx.pathParam("trajectoryId"), documentId,
            verdict)
        .onSuccess(trajectory -> LOG.info("event=report-back-decided by={} byOrganisation={} trajectoryId={}"
                + " documentId={} decision={} status={} requestId={}", who.subject(), who.organisation(),
            trajectory.trajectoryId(), documentId, verdict.outcome().code(), trajectory.status().code(),
            RequestIds.of(ctx)));
    answer(ctx, decided.map(CommissionerTrajectoryJson::of), 200);
  }

  /** {@code POST .../follow-up-decision}: records what follows the ended trajectory. */
  private void decideFollowUp(RoutingContext ctx) {
    Officer who = officerOf(ctx);
    CommissionerDossiers.FollowUp followUp = CommissionerInput.followUp(BodyValidation.body(ctx));
    Future<Trajectory> decided = commissioners.decideFollowUp(who, ctx.pathParam("trajectoryId"), followUp)
        .onSuccess(trajectory -> LOG.info("event=follow-up-decided by={} byOrganisation={} trajectoryId={} kind={}"
                + " onTime={} requestId={}", who.subject(), who.organisation(), trajectory.trajectoryId(),
            followUp.kind().code(), trajectory.followUp().orElseThrow().onTime(), RequestIds.of(ctx)));
    answer(ctx, decided.map(CommissionerTrajectoryJson::of), 200);
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> result, int status) {
    JsonAnswers.answer(ctx, result, status, LOG, "commissioner-request-failed");
  }

  // what was tried and why it was refused, never the body
  private static void refused(RoutingContext ctx, ApiException problem) {
    LOG.info("event=commissioner-request-refused type={} method={} path={} requestId={}", problem.type().uri(),
        ctx.request().method(), ctx.normalizedPath(), RequestIds.of(ctx));
    ctx.fail(problem);
  }
}
