package nl.reintegratie.gateway.identity;

import io.vertx.core.Future;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.identity.Principal.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a client is in the dossier: the client API's routes ({@code /api/v1/me/...}) are about the logged-in client's
 * own records only, so the client id is never taken from the request but found from the login's {@code bsn} claim.
 *
 * <pre>{@code
 * clients.requireClient(router.get("/api/v1/me/trajectories"))
 *     .handler(ctx -> list(ClientAccess.client(ctx).clientId()));
 * }</pre>
 *
 * <p>In this order, after {@link StaffAccess#requireRole} with {@link Role#CLIENT} (401 {@code login-required},
 * 403 {@code cross-site-request}, 403 {@code forbidden} for other roles): the login's BSN is looked up through
 * {@link ClientDirectory}; a login without a {@code bsn} claim, or whose BSN has no registered (and not shredded)
 * client, is answered 404 {@code client-unknown}, the same answer for both. That answer goes only to the person the
 * BSN belongs to (it comes from their own token, never from the request), so it tells nobody else whether a BSN is
 * registered; the log names the subject id and which of the two it was, never the BSN.
 *
 * <p>The lookup runs on every request rather than once per session: it is one keyed hash and one lookup by a unique
 * field, and a client shredded or re-registered meanwhile is then never served from a stale id.
 *
 * <p>The lookup itself is the dossier's ({@code DossierService.findClientByBsn}); {@code identity} must not depend on
 * the dossier, so the wiring supplies it as a {@link ClientDirectory}.
 */
public final class ClientAccess {

  private static final Logger SECURITY = LoggerFactory.getLogger("security");
  private static final String CLIENT = ClientAccess.class.getName() + ".client";

  /** The registered client id of a BSN, if any: {@code DossierService.findClientByBsn}, supplied by the wiring. */
  @FunctionalInterface
  public interface ClientDirectory {

    /** Success: the client id, or empty when no (unshredded) client has this BSN. Fails only when the store does. */
    Future<Optional<String>> clientIdOf(String bsn);
  }

  /**
   * The client a request of the client API is from.
   *
   * @param subject  the login's Keycloak subject id (for logs and the disclosure log: never the BSN or a name)
   * @param clientId the dossier's opaque client id
   */
  public record Client(String subject, String clientId) {
    public Client {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(clientId, "clientId");
    }
  }

  private final StaffAccess staff;
  private final ClientDirectory directory;

  public ClientAccess(StaffAccess staff, ClientDirectory directory) {
    this.staff = Objects.requireNonNull(staff);
    this.directory = Objects.requireNonNull(directory);
  }

  /**
   * Puts the portal checks for the {@code client} role and the client lookup in front of {@code route}'s handlers.
   * Returns {@code route}, so the route's own handlers follow in the same expression.
   */
  public Route requireClient(Route route) {
    return staff.requireRole(route, Role.CLIENT).handler(this::resolve);
  }

  /**
   * The client behind the login, on a route behind {@link #requireClient}. Failure: {@link IllegalStateException}
   * when the route is not behind it, a wiring mistake that must not look like some client's request.
   */
  public static Client client(RoutingContext ctx) {
    Client client = ctx.get(CLIENT);
    if (client == null) {
      throw new IllegalStateException("route is not behind ClientAccess.requireClient");
    }
    return client;
  }

  private void resolve(RoutingContext ctx) {
    Principal principal = StaffAccess.principal(ctx);
    Optional<String> bsn = principal.bsn().filter(value -> !value.isBlank());
    if (bsn.isEmpty()) {
      unknown(ctx, principal, "no-bsn-claim");
      return;
    }
    directory.clientIdOf(bsn.get()).onComplete(found -> {
      if (found.failed()) {
        ctx.fail(found.cause());
      } else if (found.result().isEmpty()) {
        unknown(ctx, principal, "not-registered");
      } else {
        ctx.put(CLIENT, new Client(principal.subject(), found.result().get()));
        ctx.next();
      }
    });
  }

  private static void unknown(RoutingContext ctx, Principal principal, String why) {
    SECURITY.info("event=client-unknown subject={} reason={} method={} path={}", principal.subject(), why,
        ctx.request().method(), ctx.normalizedPath());
    ctx.fail(new ApiException(ProblemType.CLIENT_UNKNOWN, Language.of(ctx) == Language.EN
        ? "There is no dossier in your name here yet. If you think there should be, ask your case manager or"
            + " coach."
        : "Er is hier nog geen dossier op jouw naam. Denk je dat dat wel zo zou moeten zijn? Vraag het je"
            + " klantmanager of coach."));
  }
}
