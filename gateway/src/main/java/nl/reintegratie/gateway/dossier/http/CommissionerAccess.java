package nl.reintegratie.gateway.dossier.http;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.CommissionerDossiers.Officer;
import nl.reintegratie.gateway.http.ApiException;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.http.ProblemType;
import nl.reintegratie.gateway.identity.Principal;
import nl.reintegratie.gateway.identity.Principal.Role;
import nl.reintegratie.gateway.identity.StaffAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use a commissioner's route, and for which organisation: {@link StaffAccess} with the commissioner role,
 * then the {@link Officer} from the login (subject and organisation; never from the request). One place for the
 * trajectory routes and the grant routes, so both refuse a login without an organisation the same way.
 */
public final class CommissionerAccess {

  private static final Logger SECURITY = LoggerFactory.getLogger("security");
  private static final String OFFICER = CommissionerAccess.class.getName() + ".officer";

  private CommissionerAccess() {
  }

  /** Puts the staff checks and the officer check in front of {@code route}'s handlers; returns {@code route}. */
  public static Route commissioner(StaffAccess staff, Route route) {
    return staff.requireRole(route, Role.COMMISSIONER).handler(CommissionerAccess::officer);
  }

  /** The officer asking, on a route behind {@link #commissioner}; a wiring mistake fails closed. */
  public static Officer officerOf(RoutingContext ctx) {
    return Objects.requireNonNull(ctx.get(OFFICER), "route is not behind the officer check");
  }

  /** The officer behind the login; a commissioner whose login names no (valid) organisation acts for nobody. */
  private static void officer(RoutingContext ctx) {
    Principal principal = StaffAccess.principal(ctx);
    Optional<Officer> officer;
    try {
      officer = principal.organisation().map(organisation -> new Officer(principal.subject(), organisation));
    } catch (IllegalArgumentException malformed) {
      officer = Optional.empty();
    }
    if (officer.isEmpty()) {
      SECURITY.warn("event=commissioner-without-organisation subject={} method={} path={}", principal.subject(),
          ctx.request().method(), ctx.normalizedPath());
      ctx.fail(new ApiException(ProblemType.FORBIDDEN, Language.of(ctx) == Language.EN
          ? "Your account is not linked to an organisation. Ask your administrator to link it."
          : "Je account hoort niet bij een organisatie. Vraag je beheerder om dat in te stellen."));
      return;
    }
    ctx.put(OFFICER, officer.get());
    ctx.next();
  }
}
