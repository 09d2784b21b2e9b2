package nl.reintegratie.gateway.audit.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.audit.ConsistencyProof;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.LogVerifications;
import nl.reintegratie.gateway.audit.SignedCheckpoint;
import nl.reintegratie.gateway.audit.TreeHash;
import nl.reintegratie.gateway.audit.VerificationResult;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.http.RequestIds;
import nl.reintegratie.gateway.identity.Principal;
import nl.reintegratie.gateway.identity.Principal.Role;
import nl.reintegratie.gateway.identity.StaffAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disclosure log for supervisors: start a full verification and read its result (a job: it takes about a minute
 * per million entries), the latest signed checkpoint, and consistency proofs between two tree sizes, so anyone who
 * kept an earlier checkpoint can check that the log only grew. Behind {@link StaffAccess} with the supervisor role.
 * The log holds ids and codes only; these routes never show a client's entries (clients read their own through
 * the client API).
 */
public final class DisclosureLogRoutes {

  static final String BASE = "/api/v1/disclosure-log";
  static final String VERIFICATIONS = BASE + "/verifications";
  static final String VERIFICATION = VERIFICATIONS + "/:verificationId";
  static final String CHECKPOINT = BASE + "/checkpoint";
  static final String CONSISTENCY = BASE + "/consistency-proof";

  private static final Logger LOG = LoggerFactory.getLogger(DisclosureLogRoutes.class);

  private final DisclosureLog log;
  private final LogVerifications verifications;
  private final StaffAccess staff;

  public DisclosureLogRoutes(DisclosureLog log, LogVerifications verifications, StaffAccess staff) {
    this.log = Objects.requireNonNull(log);
    this.verifications = Objects.requireNonNull(verifications);
    this.staff = Objects.requireNonNull(staff);
  }

  public void mount(Router router) {
    supervisor(router.post(VERIFICATIONS)).handler(this::startVerification);
    supervisor(router.get(VERIFICATION)).handler(this::verification);
    supervisor(router.get(CHECKPOINT)).handler(this::checkpoint);
    supervisor(router.get(CONSISTENCY)).handler(this::consistency);
  }

  private Route supervisor(Route route) {
    return staff.requireRole(route, Role.SUPERVISOR);
  }

  /** {@code POST /verifications}: 202 with the job (the running one if a verification is under way). */
  private void startVerification(RoutingContext ctx) {
    Principal who = StaffAccess.principal(ctx);
    LogVerifications.Job job = verifications.start(who.subject());
    LOG.info("event=disclosure-log-verification-requested by={} verificationId={} requestId={}", who.subject(),
        job.verificationId(), RequestIds.of(ctx));
    ctx.response().setStatusCode(202)
        .putHeader("Location", VERIFICATIONS + "/" + job.verificationId())
        .putHeader("Content-Type", "application/json")
        .end(job(job).toBuffer());
  }

  /** {@code GET /verifications/{id}}: the job; 404 for an unknown or forgotten one. */
  private void verification(RoutingContext ctx) {
    Optional<LogVerifications.Job> job = verifications.find(ctx.pathParam("verificationId"));
    if (job.isEmpty()) {
      ctx.fail(new ApiException(ProblemType.NOT_FOUND, Language.of(ctx) == Language.EN
          ? "There is no such verification here (only the last ones of this gateway instance are kept)."
          : "Deze controle bestaat hier niet (alleen de laatste controles van deze gateway worden bewaard)."));
      return;
    }
    json(ctx, job(job.get()));
  }

  /** {@code GET /checkpoint}: the latest signed checkpoint as C2SP signed note and its parts. */
  private void checkpoint(RoutingContext ctx) {
    log.latestCheckpoint().map(DisclosureLogRoutes::checkpoint)
        .onSuccess(body -> json(ctx, body))
        .onFailure(ctx::fail);
  }

  /** {@code GET /consistency-proof?firstSize=&secondSize=}: RFC 9162 consistency proof between two tree sizes. */
  private void consistency(RoutingContext ctx) {
    long first;
    long second;
    try {
      first = Long.parseLong(ctx.queryParams().get("firstSize"));
      second = Long.parseLong(ctx.queryParams().get("secondSize"));
    } catch (NumberFormatException e) {
      badSizes(ctx);
      return;
    }
    Future<ConsistencyProof> proof;
    try {
      proof = log.consistencyProof(first, second);
    } catch (IllegalArgumentException e) {
      badSizes(ctx);
      return;
    }
    proof.onSuccess(found -> json(ctx, new JsonObject()
            .put("firstSize", found.firstSize())
            .put("secondSize", found.secondSize())
            .put("path", base64(found.path()))))
        .onFailure(failure -> {
          if (failure instanceof IllegalArgumentException) {
            badSizes(ctx);
          } else {
            ctx.fail(failure);
          }
        });
  }

  private static void badSizes(RoutingContext ctx) {
    ctx.fail(new ApiException(ProblemType.BAD_REQUEST, Language.of(ctx) == Language.EN
        ? "Give firstSize and secondSize as whole numbers with 0 <= firstSize <= secondSize <= the size of the"
            + " latest checkpoint."
        : "Geef firstSize en secondSize als hele getallen, met 0 <= firstSize <= secondSize <= de grootte van het"
            + " laatste checkpoint."));
  }

  static JsonObject checkpoint(SignedCheckpoint signed) {
    return new JsonObject()
        .put("size", signed.size())
        .put("root", signed.root().base64())
        .put("time", signed.checkpoint().time().toString())
        .put("origin", signed.checkpoint().origin())
        .put("note", signed.note());
  }

  static JsonObject job(LogVerifications.Job job) {
    JsonObject json = new JsonObject()
        .put("verificationId", job.verificationId())
        .put("status", job.running() ? "running"
            : job.failure().isPresent() ? "error"
            : job.result().orElseThrow().ok() ? "passed" : "failed")
        .put("startedAt", job.startedAt().toString());
    job.finishedAt().ifPresent(at -> json.put("finishedAt", at.toString()));
    job.result().ifPresent(result -> result(json, result));
    return json;
  }

  private static void result(JsonObject json, VerificationResult result) {
    json.put("treeSize", result.treeSize()).put("uncoveredEntries", result.uncoveredEntries());
    result.checkpoint().ifPresent(checkpoint -> json.put("checkpoint", new JsonObject()
        .put("size", checkpoint.size()).put("root", checkpoint.root().base64())
        .put("time", checkpoint.time().toString())));
    result.problem().ifPresent(problem -> json.put("problem", new JsonObject()
        .put("kind", problem.kind().code()).put("index", problem.index()).put("detail", problem.detail())));
  }

  private static JsonArray base64(java.util.List<TreeHash> path) {
    JsonArray hashes = new JsonArray();
    path.forEach(hash -> hashes.add(hash.base64()));
    return hashes;
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.toBuffer());
  }
}
