package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import nl.reintegratie.gateway.audit.SubjectRef;
import nl.reintegratie.gateway.events.DomainEvents;

/**
 * What a provider organisation may do with dossiers: see the trajectories commissioned to it, and add documents to
 * them, each exactly once per idempotency key. The caller's organisation comes from its verified request signature;
 * this class trusts it and decides everything else.
 *
 * <p><b>Not yours is not there.</b> A trajectory of another provider fails with the same {@link NotFoundException}
 * as one that does not exist, so a provider cannot even learn which trajectory ids exist.
 *
 * <p><b>Exactly once.</b> The document id is derived from the organisation and the idempotency key
 * ({@link #documentId}), and a document's version 1 can be stored only once (the store's unique {@code _id}
 * decides). A retry, also one racing the original, therefore finds the document instead of creating a second; it
 * gets the original's result when the original was the same request (same dossier, same kind, byte-identical body),
 * and an {@link IdempotencyConflictException} otherwise. Comparing the stored, decrypted content rather than a
 * separately stored request hash means there is nothing that a crash between two writes could leave inconsistent.
 *
 * <p><b>Report-backs</b> also change the trajectory: it becomes reported-back, with the report-back's coded reason,
 * proposal and date on it, until the commissioner decides ({@link Trajectory#reportedBack}). A trajectory that cannot
 * take one (it ended, or another report-back still waits for a decision) refuses it before anything is stored. The
 * document is stored first, the trajectory changed after; a crash in between is repaired by the retry with the same
 * key, which finds the document and makes the (idempotent) change.
 *
 * <p><b>Events</b> ({@link TrajectoryEvents}), once durable: {@code report-submitted} for a new document,
 * {@code report-back-submitted} when a report-back changed the trajectory.
 */
public final class ProviderDossiers {

  private static final java.time.ZoneId NETHERLANDS = java.time.ZoneId.of("Europe/Amsterdam");

  /** What a provider submits: the exact request body as the document's content. */
  public record Submission(String organisation, String trajectoryId, DocumentType type, String idempotencyKey,
      DocumentProperties properties, byte[] body, SubmissionEvidence evidence) {

    public Submission {
      Objects.requireNonNull(organisation, "organisation");
      Objects.requireNonNull(trajectoryId, "trajectoryId");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(properties, "properties");
      body = body.clone();
      Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    @Override
    public String toString() {
      return "Submission[" + organisation + ", " + trajectoryId + ", " + type.code() + ", " + body.length + " bytes]";
    }
  }

  /**
   * The stored document, and whether this submission was a repeat of an earlier one (then nothing new was
   * stored).
   */
  public record Submitted(DocumentHeader header, boolean repeated) {}

  /** How often recording a report-back is retried when the trajectory changed meanwhile (a commissioner's change). */
  private static final int REPORT_BACK_ATTEMPTS = 3;

  private final DossierService dossiers;
  private final SubmissionEvidenceRepository evidence;
  private final DomainEvents events;
  private final ReadDisclosures reads;
  private final Clock clock;

  public ProviderDossiers(DossierService dossiers, SubmissionEvidenceRepository evidence, DomainEvents events,
                          ReadDisclosures reads, Clock clock) {
    this.dossiers = Objects.requireNonNull(dossiers);
    this.evidence = Objects.requireNonNull(evidence);
    this.events = Objects.requireNonNull(events);
    this.reads = Objects.requireNonNull(reads);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Success: the trajectories commissioned to {@code organisation}, oldest first. */
  public Future<List<Trajectory>> trajectories(String organisation) {
    return dossiers.trajectoriesOfProvider(organisation);
  }

  /**
   * Success: the trajectory. Failure: {@link NotFoundException} when it does not exist or is another provider's
   * (indistinguishable on purpose).
   */
  public Future<Trajectory> trajectory(String organisation, String trajectoryId) {
    return dossiers.findTrajectory(trajectoryId).compose(found -> found
        .filter(trajectory -> trajectory.providerOrganisation().equals(organisation))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException("trajectory"))));
  }

  /**
   * Stores the submission's body as a new document of the trajectory, once per idempotency key, and keeps the
   * signature evidence next to it.
   *
   * <p>Success: the document (new, or the one the same request stored before) with its evidence durable.
   * Failure: {@link NotFoundException} for a trajectory that does not exist or is another provider's;
   * {@link IdempotencyConflictException} when the key was used for a different request;
   * {@link TrajectoryStateException} for a report-back the trajectory cannot take; the store's failures. After a
   * store failure the document may or may not exist; retrying with the same key is always safe.
   */
  public Future<Submitted> submit(Submission submission) {
    String documentId = documentId(submission.organisation(), submission.idempotencyKey());
    boolean reportBack = submission.type() == DocumentType.REPORT_BACK;
    return trajectory(submission.organisation(), submission.trajectoryId()).compose(owned -> {
      if (reportBack) {
        try { // refused before anything is stored, by the same rule that records it afterwards
          owned.reportedBack(reportBackOf(documentId, submission.body(), clock.instant()));
        } catch (RuntimeException refused) {
          return Future.failedFuture(refused);
        }
      }
      return stored(owned, documentId, submission).compose(submitted -> {
        Future<Optional<Trajectory>> recorded = reportBack
            ? recordReportBack(submitted.header(), submission.body(), REPORT_BACK_ATTEMPTS)
            : submission.type() == DocumentType.CONTACT_MOMENT
                ? recordContact(submitted.header(), submission.body(), REPORT_BACK_ATTEMPTS).map(Optional.empty())
                : Future.succeededFuture(Optional.empty());
        return recorded.map(reportedBack -> {
          if (!submitted.repeated()) {
            events.publish(TrajectoryEvents.reportSubmitted(owned, submitted.header(), clock.instant()));
          }
          reportedBack.ifPresent(changed -> events.publish(TrajectoryEvents.reportBackSubmitted(changed,
              changed.reportBack(documentId).orElseThrow(), clock.instant())));
          return submitted;
        });
      });
    });
  }

  /** The document and its evidence stored, or found stored by an earlier attempt with the same key. */
  private Future<Submitted> stored(Trajectory owned, String documentId, Submission submission) {
    DossierService.NewContent content = new DossierService.NewContent(submission.properties(), DocumentType.JSON,
        submission.body(), submission.organisation());
    return dossiers.addDocument(documentId, owned.trajectoryId(), submission.type(), content)
        .map(header -> new Submitted(header, false))
        .recover(failure -> failure instanceof AlreadyExistsException exists
            && exists.kind() == AlreadyExistsException.Kind.DOCUMENT_VERSION
            ? earlier(documentId, submission) : Future.failedFuture(failure))
        // also on a repeat: the first attempt may have crashed between the document and its evidence
        .compose(submitted -> evidence.keep(documentId, submitted.header().version(), submission.evidence())
            .map(submitted));
  }

  /**
   * Puts the stored report-back on its trajectory, unless it is there already (a repeat). Success: the trajectory
   * when this call changed it. A commissioner's change in between is met by reading again and trying once more.
   */
  private Future<Optional<Trajectory>> recordReportBack(DocumentHeader header, byte[] body, int attempts) {
    ReportBack received = reportBackOf(header.documentId(), body, header.createdAt());
    return dossiers.findTrajectory(header.trajectoryId())
        .compose(found -> {
          Trajectory current = found.orElseThrow(() -> new NotFoundException("trajectory"));
          Trajectory changed;
          try {
            changed = current.reportedBack(received);
          } catch (RuntimeException refused) {
            return Future.failedFuture(refused);
          }
          return changed == current ? Future.succeededFuture(Optional.<Trajectory>empty())
              : dossiers.saveTrajectory(changed).map(Optional::of);
        })
        .recover(failure -> failure instanceof StaleVersionException && attempts > 1
            ? recordReportBack(header, body, attempts - 1) : Future.failedFuture(failure));
  }

  /**
   * Moves the trajectory's last contact date forward to this contact moment's day (in the Netherlands), unless it
   * is already that late: "three months without contact is a signal in itself", and steering information reads it
   * without decrypting anything. Also on a repeat, since the first attempt may have crashed before this; idempotent.
   */
  private Future<Void> recordContact(DocumentHeader header, byte[] body, int attempts) {
    LocalDate day;
    try {
      day = Instant.parse(new JsonObject(Buffer.buffer(body)).getJsonObject("content").getString("dateTime"))
          .atZone(NETHERLANDS).toLocalDate();
    } catch (RuntimeException e) { // validated at the edge; never the value in the message
      return Future.failedFuture(new InvalidInputException("content", "is not a contact moment"));
    }
    return dossiers.findTrajectory(header.trajectoryId())
        .compose(found -> {
          Trajectory current = found.orElseThrow(() -> new NotFoundException("trajectory"));
          return current.lastContactDate().filter(last -> !last.isBefore(day)).isPresent()
              ? Future.<Void>succeededFuture()
              : dossiers.saveTrajectory(current.withLastContact(day)).<Void>mapEmpty();
        })
        .recover(failure -> failure instanceof StaleVersionException && attempts > 1
            ? recordContact(header, body, attempts - 1) : Future.failedFuture(failure));
  }

  /**
   * The clear facts of a report-back submission (coded reason, proposal, date). The body passed its JSON Schema at
   * the edge; anything else is refused as input.
   */
  private static ReportBack reportBackOf(String documentId, byte[] body, Instant receivedAt) {
    try {
      JsonObject content = new JsonObject(Buffer.buffer(body)).getJsonObject("content");
      return ReportBack.received(documentId, Coded.fromCode(Cause.class, content.getString("reason")),
          Coded.fromCode(ReportBackProposal.class, content.getString("proposal")),
          LocalDate.parse(content.getString("date")), receivedAt);
    } catch (RuntimeException e) { // not JSON, no content, an unknown code or no date: never the value in the message
      throw new InvalidInputException("content", "is not a report-back");
    }
  }

  /**
   * A document of one of the provider's own trajectories, latest version, decrypted; handed out only once the read
   * is in the client's disclosure log ({@code provider-document}).
   *
   * <p>Failure: {@link NotFoundException} when the trajectory is another provider's, or the document does not exist,
   * belongs to another trajectory or is of another type (all indistinguishable on purpose);
   * {@code IntegrityException} when its stored bytes were changed; {@link ShreddedException} after shredding.
   */
  public Future<DossierService.OpenedDocument> document(String organisation, String trajectoryId, DocumentType type,
                                                        String documentId) {
    return trajectory(organisation, trajectoryId)
        .compose(owned -> dossiers.readDocument(documentId, OptionalInt.empty()))
        .compose(opened -> opened.header().trajectoryId().equals(trajectoryId) && opened.header().type() == type
            ? Future.succeededFuture(opened)
            : Future.failedFuture(new NotFoundException("document")))
        .compose(opened -> reads.logged(opened.header().clientId(), organisation, Optional.empty(),
                "provider-document", SubjectRef.trajectory(trajectoryId),
                SubjectRef.document(documentId, opened.header().version()))
            .map(opened));
  }

  /** Success: the signature evidence kept with that document version, or empty. */
  public Future<java.util.Optional<SubmissionEvidence>> evidence(String documentId, int version) {
    return evidence.find(documentId, version);
  }

  private Future<Submitted> earlier(String documentId, Submission submission) {
    return dossiers.readDocument(documentId, OptionalInt.of(1)).compose(stored -> {
      DocumentHeader header = stored.header();
      boolean same = header.trajectoryId().equals(submission.trajectoryId())
          && header.type() == submission.type()
          && MessageDigest.isEqual(stored.content(), submission.body());
      return same ? Future.succeededFuture(new Submitted(header, true))
          : Future.failedFuture(new IdempotencyConflictException());
    });
  }

  /**
   * The id of the document an organisation submits under an idempotency key: a name-based UUID (SHA-256, RFC 9562
   * version 8 layout) of both, so different organisations can use the same key without meeting, and the id reveals
   * neither.
   */
  public static String documentId(String organisation, String idempotencyKey) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    // length-prefixed, so ("ab", "c") and ("a", "bc") differ
    byte[] org = organisation.getBytes(StandardCharsets.UTF_8);
    byte[] key = idempotencyKey.getBytes(StandardCharsets.UTF_8);
    sha256.update("nl-reintegratie:provider-document:v1".getBytes(StandardCharsets.US_ASCII));
    sha256.update(lengthOf(org));
    sha256.update(org);
    sha256.update(lengthOf(key));
    sha256.update(key);
    byte[] hash = Arrays.copyOf(sha256.digest(), 16);
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x80); // version 8
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // RFC 9562 variant
    long most = 0;
    long least = 0;
    for (int i = 0; i < 8; i++) {
      most = (most << 8) | (hash[i] & 0xff);
      least = (least << 8) | (hash[i + 8] & 0xff);
    }
    return new UUID(most, least).toString();
  }

  private static byte[] lengthOf(byte[] bytes) {
    return new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
        (byte) bytes.length};
  }
}
