package nl.reintegratie.gateway.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One disclosure of a client's data, as the client will read it: which organisation (and which of its people), did
 * what, when, to which records, for which purpose, on which legal basis, and why. Ids and codes only (see
 * {@link AuditIds}); the text of a commissioner's necessity reason or of an objection stays in its own record,
 * encrypted and shreddable, and the entry points at that record ({@link #subjects()}). Start with {@link #of} and
 * add the rest:
 *
 * <pre>{@code
 * DisclosureEntry.of(DisclosureKind.RELEASE_FETCH, "release-fetch:" + requestId, now, clientId, "werkpad")
 *     .about(SubjectRef.grant(grantId), SubjectRef.trajectory(receivingTrajectoryId))
 *     .withPurpose("reintegration")
 *     .withLegalBasis(grant.legalBasis().code());
 * }</pre>
 *
 * @param eventId        the action's own id, unique in the log: appending the same event again returns the entry
 *                       already there, so a retried action is logged once (e.g. {@code "grant:<grantId>"},
 *                       {@code "release-fetch:<requestId>"})
 * @param kind           what happened
 * @param at             when (milliseconds; finer is cut off so an entry reads back equal)
 * @param clientId       whose data
 * @param organisationId the acting organisation (commissioner, provider, or the gateway operator)
 * @param actorId        the acting person's subject id, when a person acted (absent for a provider's system)
 * @param subjects       the records concerned: grant/release, trajectories, document versions, objection
 * @param purpose        purpose code, e.g. {@code reintegration}
 * @param legalBasis     legal basis code, e.g. {@code participatiewet-art-67-lid-1-e}
 * @param reason         reason code, e.g. {@code objection-upheld}; never free text
 */
public record DisclosureEntry(String eventId, DisclosureKind kind, Instant at, String clientId,
    String organisationId, Optional<String> actorId, List<SubjectRef> subjects, Optional<String> purpose,
    Optional<String> legalBasis, Optional<String> reason) {

  /** At most this many subjects per entry; a grant of more documents is more entries or a grant reference. */
  public static final int MAX_SUBJECTS = 64;

  public DisclosureEntry {
    AuditIds.id(eventId, "eventId");
    Objects.requireNonNull(kind, "kind");
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    AuditIds.id(clientId, "clientId");
    AuditIds.id(organisationId, "organisationId");
    actorId.ifPresent(id -> AuditIds.id(id, "actorId"));
    subjects = List.copyOf(subjects);
    if (subjects.size() > MAX_SUBJECTS) {
      throw new IllegalArgumentException("at most " + MAX_SUBJECTS + " subjects");
    }
    purpose.ifPresent(code -> AuditIds.code(code, "purpose"));
    legalBasis.ifPresent(code -> AuditIds.code(code, "legalBasis"));
    reason.ifPresent(code -> AuditIds.code(code, "reason"));
  }

  /** An entry with only what every entry has; add the rest with the {@code with...} and {@link #about} methods. */
  public static DisclosureEntry of(DisclosureKind kind, String eventId, Instant at, String clientId,
      String organisationId) {
    return new DisclosureEntry(eventId, kind, at, clientId, organisationId, Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  public DisclosureEntry byActor(String subjectId) {
    return new DisclosureEntry(eventId, kind, at, clientId, organisationId, Optional.of(subjectId), subjects,
        purpose, legalBasis, reason);
  }

  /** This entry with {@code more} added to its subjects. */
  public DisclosureEntry about(SubjectRef... more) {
    List<SubjectRef> all = new ArrayList<>(subjects);
    all.addAll(List.of(more));
    return new DisclosureEntry(eventId, kind, at, clientId, organisationId, actorId, all, purpose, legalBasis,
        reason);
  }

  public DisclosureEntry withPurpose(String code) {
    return new DisclosureEntry(eventId, kind, at, clientId, organisationId, actorId, subjects, Optional.of(code),
        legalBasis, reason);
  }

  public DisclosureEntry withLegalBasis(String code) {
    return new DisclosureEntry(eventId, kind, at, clientId, organisationId, actorId, subjects, purpose,
        Optional.of(code), reason);
  }

  public DisclosureEntry withReason(String code) {
    return new DisclosureEntry(eventId, kind, at, clientId, organisationId, actorId, subjects, purpose, legalBasis,
        Optional.of(code));
  }

  public DisclosureEntry withAt(Instant otherTime) {
    return new DisclosureEntry(eventId, kind, otherTime, clientId, organisationId, actorId, subjects, purpose,
        legalBasis, reason);
  }

  /** Whether {@code other} records the same action: everything equal but the time (a retry takes a new one). */
  public boolean sameActionAs(DisclosureEntry other) {
    return equals(other.withAt(at));
  }
}
