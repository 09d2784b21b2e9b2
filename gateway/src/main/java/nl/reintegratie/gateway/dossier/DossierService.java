package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Callable;
import nl.reintegratie.protocol.crypto.AssociatedData;
import nl.reintegratie.protocol.crypto.DataKey;
import nl.reintegratie.protocol.crypto.IntegrityException;
import nl.reintegratie.gateway.crypto.KeyRing;
import nl.reintegratie.gateway.crypto.UnknownKeyVersionException;
import nl.reintegratie.gateway.crypto.WrappedKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and reads dossiers encrypted: every document version has its own AES-256-GCM data
 * key, wrapped by the client's key, which is wrapped by the versioned key-encryption key that
 * lives outside the database. So a stolen database reveals no content, a changed or moved
 * ciphertext fails to decrypt, rotating the key-encryption key re-wraps one small key per
 * client, and deleting a client's key shreds all of their documents at once.
 *
 * <p>Cryptography runs on worker threads: a 10 MiB attachment must not hold an event loop.
 */
public final class DossierService {

  private static final Logger SECURITY = LoggerFactory.getLogger("security");

  private final Vertx vertx;
  private final KeyRing keys;
  private final ClientRepository clients;
  private final ClientKeyRepository clientKeys;
  private final TrajectoryRepository trajectories;
  private final DocumentRepository documents;
  private final RetentionPolicy retention;
  private final Clock clock;

  public DossierService(Vertx vertx, KeyRing keys, ClientRepository clients, ClientKeyRepository clientKeys,
                        TrajectoryRepository trajectories, DocumentRepository documents, RetentionPolicy retention,
                        Clock clock) {
    this.vertx = vertx;
    this.keys = keys;
    this.clients = clients;
    this.clientKeys = clientKeys;
    this.trajectories = trajectories;
    this.documents = documents;
    this.retention = retention;
    this.clock = clock;
  }

  /** A new document, or the content of a correction. */
  public record NewContent(DocumentProperties properties, String contentType, byte[] content, String author) {
    public NewContent {
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }

    @Override
    public String toString() {
      return "NewContent[" + contentType + ", " + content.length + " bytes]";
    }
  }

  /** A document version with its decrypted content. */
  public record OpenedDocument(DocumentHeader header, byte[] content) {
    public OpenedDocument {
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }

    @Override
    public String toString() {
      return "OpenedDocument[" + header + "]";
    }
  }

  /**
   * Registers a client: a new client key, their personal data sealed under it, the BSN only as
   * a keyed hash.
   *
   * @return the new client id; fails with {@link InvalidInputException} for a BSN that fails
   *     the eleven-test, or the repository's conflict when the BSN is already registered
   */
  public Future<String> registerClient(String bsn, PersonalData personalData) {
    if (!Bsn.isValid(bsn)) {
      return Future.failedFuture(new InvalidInputException("bsn", "is not a valid BSN (eleven-test)"));
    }
    String clientId = UUID.randomUUID().toString();
    Instant now = clock.instant();
    return crypto(() -> {
      try (DataKey clientKey = DataKey.generate(); DataKey dataKey = DataKey.generate()) {
        WrappedKey wrappedClientKey = keys.wrap(clientKey, DossierKeys.clientKey(clientId));
        ClientRecord client = new ClientRecord(clientId,
            Optional.of(keys.lookupHasher().hash("bsn", bsn)),
            dataKey.seal(personalData.toBytes(), DossierKeys.personalData(clientId)),
            clientKey.wrap(dataKey, DossierKeys.personalDataKey(clientId)),
            Optional.empty(), now, Optional.empty(), Optional.empty());
        return new Registration(
            new ClientKeyRecord(clientId, wrappedClientKey.kekVersion(), wrappedClientKey.wrapped(), now), client);
      }
    })
        // the key first: a crash in between leaves an unused key, never a client without one
        .compose(registration -> clientKeys.create(registration.key())
            .compose(v -> clients.create(registration.client())
                .recover(e -> clientKeys.delete(clientId).transform(ignored -> Future.failedFuture(e)))))
        .map(clientId);
  }

  private record Registration(ClientKeyRecord key, ClientRecord client) {}

  /** The client id registered for this BSN, if any. */
  public Future<Optional<String>> findClientByBsn(String bsn) {
    if (!Bsn.isValid(bsn)) {
      return Future.succeededFuture(Optional.empty());
    }
    return clients.findByBsnHash(keys.lookupHasher().hash("bsn", bsn))
        .map(found -> found.map(ClientRecord::clientId));
  }

  /** The client's name and contact details; fails with {@link ShreddedException} once shredded. */
  public Future<PersonalData> personalData(String clientId) {
    return clients.findById(clientId)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFoundException("client"))))
        .compose(client -> client.isShredded()
            ? Future.failedFuture(new ShreddedException())
            : withClientKey(clientId, clientKey -> {
              try (DataKey dataKey = clientKey.unwrap(client.wrappedDataKey(), DossierKeys.personalDataKey(clientId))) {
                return PersonalData.fromBytes(dataKey.open(client.sealedPersonalData(), DossierKeys.personalData(clientId)));
              }
            }, "client:" + clientId));
  }

  /** Success: whether a client with this id is registered and not shredded. */
  public Future<Boolean> isRegisteredClient(String clientId) {
    return clients.findById(clientId).map(found -> found.filter(client -> !client.isShredded()).isPresent());
  }

  /** Stores a new trajectory (clear metadata only). */
  public Future<Trajectory> createTrajectory(Trajectory trajectory) {
    return clients.findById(trajectory.clientId())
        .compose(found -> found.filter(c -> !c.isShredded()).isPresent()
            ? trajectories.create(trajectory).map(trajectory)
            : Future.failedFuture(new NotFoundException("client")));
  }

  /** Success: the trajectory, or empty when there is none with this id. */
  public Future<Optional<Trajectory>> findTrajectory(String trajectoryId) {
    return trajectories.findById(trajectoryId);
  }

  /** Success: every trajectory commissioned to the provider organisation, oldest first; never another's. */
  public Future<java.util.List<Trajectory>> trajectoriesOfProvider(String providerOrganisation) {
    return trajectories.listByProvider(providerOrganisation);
  }

  /** Success: every trajectory the organisation commissioned, oldest first; never another's. */
  public Future<java.util.List<Trajectory>> trajectoriesOfCommissioner(String commissionerOrganisation) {
    return trajectories.listByCommissioner(commissionerOrganisation);
  }

  /** Success: every trajectory of the client, by sequence number. */
  public Future<java.util.List<Trajectory>> trajectoriesOfClient(String clientId) {
    return trajectories.listByClient(clientId);
  }

  /**
   * Ends a trajectory and extends the client's retention to the end date plus the period of its
   * regime (never shortens it: an earlier trajectory of another regime may need longer).
   *
   * @return the ended trajectory; fails with {@link NotFoundException}, {@link TrajectoryStateException} when it has
   *     ended already, or the repository's {@link StaleVersionException} when someone changed the trajectory meanwhile
   */
  public Future<Trajectory> endTrajectory(String trajectoryId, java.time.LocalDate on, TrajectoryResult result,
                                          java.util.List<Cause> causes, Optional<LadderStep> stepAtEnd) {
    return trajectories.findById(trajectoryId)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFoundException("trajectory"))))
        .compose(trajectory -> saveTrajectory(trajectory.end(on, result, causes, stepAtEnd)));
  }

  /**
   * Stores a trajectory changed by one of its transitions, as one compare-and-set on its version: it fails with the
   * repository's {@link StaleVersionException} when the stored trajectory is no longer the one {@code changed} was
   * derived from. When the change ended the trajectory, the client's retention is extended as for
   * {@link #endTrajectory} (also when that step is repeated: it never shortens).
   *
   * @return the trajectory as now stored, once durable
   */
  public Future<Trajectory> saveTrajectory(Trajectory changed) {
    return trajectories.update(changed)
        .compose(saved -> saved.status() == TrajectoryStatus.ENDED ? extendRetention(saved).map(saved)
            : Future.succeededFuture(saved));
  }

  /**
   * Seals {@code text} (a commissioner's explanation) for keeping inside {@code trajectory}'s record at
   * {@code place} (see {@link SealedText}): a new data key, wrapped by the client's key. Fails with
   * {@link ShreddedException} when the client's key is gone.
   */
  public Future<SealedText> sealText(Trajectory trajectory, String place, String text) {
    return sealForClient(trajectory.clientId(), DossierKeys.text(trajectory.trajectoryId(), trajectory.clientId(),
        place), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Opens a text {@link #sealText} sealed at {@code place} of {@code trajectory}. Fails with
   * {@link ShreddedException} after shredding, {@link IntegrityException} when it was changed or moved.
   */
  public Future<String> openText(Trajectory trajectory, String place, SealedText sealed) {
    return openForClient(trajectory.clientId(), DossierKeys.text(trajectory.trajectoryId(), trajectory.clientId(),
        place), sealed).map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
  }

  private Future<Void> extendRetention(Trajectory ended) {
    Instant until = retention.keepUntil(ended.regime(), ended.actualEnd().orElseThrow())
        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    return clients.findById(ended.clientId())
        .compose(client -> client.isPresent() && client.get().retainUntil().map(until::isAfter).orElse(true)
            ? clients.setRetainUntil(ended.clientId(), until).mapEmpty()
            : Future.succeededFuture());
  }

  /**
   * Adds a document to a dossier as version 1.
   *
   * @return the stored header once the encrypted version is durable; fails with
   *     {@link NotFoundException} for an unknown trajectory
   */
  public Future<DocumentHeader> addDocument(String trajectoryId, DocumentType type, NewContent content) {
    return addDocument(UUID.randomUUID().toString(), trajectoryId, type, content);
  }

  /**
   * Adds a document with an id the caller chose, as version 1. Because a document's version 1 can be stored only
   * once, a caller that derives the id from something unique to one intended document (such as a provider's
   * idempotency key) gets at most one document however often, or however concurrently, it tries.
   *
   * @return the stored header once durable; fails with {@link NotFoundException} for an unknown trajectory, and
   *     with {@link AlreadyExistsException} of kind {@link AlreadyExistsException.Kind#DOCUMENT_VERSION} when a
   *     document with this id exists already (then nothing was written)
   */
  public Future<DocumentHeader> addDocument(String documentId, String trajectoryId, DocumentType type,
                                            NewContent content) {
    return trajectories.findById(trajectoryId)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFoundException("trajectory"))))
        .compose(trajectory -> store(DocumentHeader.first(documentId, trajectoryId, trajectory.clientId(), type,
            content.properties(), content.contentType(), content.content().length, clock.instant(),
            content.author()), content.content()));
  }

  /**
   * Corrects a document: a new version, the earlier ones stay. {@code basedOnVersion} is the
   * version the author corrected; when another correction came first this fails with the
   * repository's conflict, so no correction silently overwrites another.
   */
  public Future<DocumentHeader> correctDocument(String documentId, int basedOnVersion, CorrectionReason reason,
                                                NewContent content) {
    return documents.findVersion(documentId, basedOnVersion)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFoundException("document"))))
        .compose(earlier -> store(earlier.header().correction(reason, content.properties(), content.contentType(),
            content.content().length, clock.instant(), content.author()), content.content()));
  }

  private Future<DocumentHeader> store(DocumentHeader header, byte[] content) {
    return withClientKey(header.clientId(), clientKey -> {
      try (DataKey dataKey = DataKey.generate()) {
        return new StoredDocument(header, clientKey.wrap(dataKey, DossierKeys.documentKey(header)),
            dataKey.seal(content, DossierKeys.document(header)));
      }
    }, "document:" + header.documentId())
        .compose(stored -> documents.insertVersion(stored).map(header));
  }

  /**
   * Reads and decrypts a document version (the latest when {@code version} is empty).
   *
   * <p>Fails with {@link NotFoundException}, {@link ShreddedException} when the client's key
   * was destroyed, or {@link IntegrityException} when the stored bytes were changed or moved
   * (also logged as a security event): tampered content is never returned.
   */
  public Future<OpenedDocument> readDocument(String documentId, OptionalInt version) {
    Future<Optional<StoredDocument>> lookup = version.isPresent()
        ? documents.findVersion(documentId, version.getAsInt())
        : documents.findLatest(documentId);
    return lookup
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFoundException("document"))))
        .compose(stored -> withClientKey(stored.header().clientId(), clientKey -> {
          try (DataKey dataKey = clientKey.unwrap(stored.wrappedDataKey(), DossierKeys.documentKey(stored.header()))) {
            return new OpenedDocument(stored.header(), dataKey.open(stored.ciphertext(), DossierKeys.document(stored.header())));
          }
        }, "document:" + documentId));
  }

  /**
   * Seals data about a client kept outside their documents (a commissioner's explanation, the reasons written
   * with a transfer decision) under its own data key, wrapped under the client's key: unreadable without the
   * key-encryption key, and shredded with the client. {@code ad} says what it is and binds it to its record.
   */
  public Future<SealedText> sealForClient(String clientId, AssociatedData ad, byte[] plaintext) {
    return withClientKey(clientId, clientKey -> {
      try (DataKey dataKey = DataKey.generate()) {
        return new SealedText(clientKey.wrap(dataKey, keyDataOf(ad)), dataKey.seal(plaintext, ad));
      }
    }, "sealed:" + ad.purpose());
  }

  /** The plaintext of {@code sealed}; fails with an integrity failure for other AD, {@link ShreddedException}. */
  public Future<byte[]> openForClient(String clientId, AssociatedData ad, SealedText sealed) {
    return withClientKey(clientId, clientKey -> {
      try (DataKey dataKey = clientKey.unwrap(sealed.wrappedDataKey(), keyDataOf(ad))) {
        return dataKey.open(sealed.ciphertext(), ad);
      }
    }, "sealed:" + ad.purpose());
  }

  private static AssociatedData keyDataOf(AssociatedData ad) {
    return new AssociatedData(ad.purpose() + "-key", ad.fields());
  }

  /**
   * Reads and decrypts several document versions of one client, in the order given, with the client's key unwrapped
   * once (a release of ten documents costs one key-encryption-key operation, not ten). Fails like
   * {@link #readDocument}, and with {@link IntegrityException} when a version belongs to another client.
   */
  public Future<java.util.List<OpenedDocument>> readDocuments(String clientId, java.util.List<DocumentRef> versions) {
    java.util.List<Future<StoredDocument>> lookups = versions.stream()
        .map(ref -> documents.findVersion(ref.documentId(), ref.version())
            .map(found -> found.orElseThrow(() -> new NotFoundException("document"))))
        .toList();
    return Future.all(lookups)
        .compose(all -> withClientKey(clientId, clientKey -> {
          java.util.List<OpenedDocument> opened = new java.util.ArrayList<>();
          for (Future<StoredDocument> lookup : lookups) {
            StoredDocument stored = lookup.result();
            if (!stored.header().clientId().equals(clientId)) {
              throw new IntegrityException(); // a list that mixes clients is never decrypted with this key
            }
            try (DataKey dataKey = clientKey.unwrap(stored.wrappedDataKey(), DossierKeys.documentKey(stored.header()))) {
              opened.add(new OpenedDocument(stored.header(), dataKey.open(stored.ciphertext(),
                  DossierKeys.document(stored.header()))));
            }
          }
          return opened;
        }, "documents-of:" + clientId));
  }

  /**
   * Success: the header of one document version, or empty when there is no such version (contents not loaded, nothing
   * decrypted): what a decision about a document needs to know, such as the transfer rules' check of its dossier and
   * properties.
   */
  public Future<Optional<DocumentHeader>> documentHeader(String documentId, int version) {
    return documents.listVersions(documentId)
        .map(versions -> versions.stream().filter(header -> header.version() == version).findFirst());
  }

  /**
   * The headers of the given versions of {@code clientId}'s documents, in the order given, without loading or
   * decrypting any content (what a notice to the client says was shared). A version that does not exist or is
   * another client's is left out.
   */
  public Future<java.util.List<DocumentHeader>> headersOf(String clientId, java.util.List<DocumentRef> versions) {
    java.util.List<Future<Optional<DocumentHeader>>> lookups = versions.stream()
        .map(ref -> documents.listVersions(ref.documentId()).map(headers -> headers.stream()
            .filter(header -> header.version() == ref.version() && header.clientId().equals(clientId))
            .findFirst()))
        .toList();
    return Future.all(lookups).map(all -> lookups.stream()
        .flatMap(lookup -> lookup.result().stream())
        .toList());
  }

  /** Success: the header of the latest version of every document in the dossier (contents not loaded). */
  public Future<java.util.List<DocumentHeader>> listDocuments(String trajectoryId) {
    return documents.listByTrajectory(trajectoryId);
  }

  /**
   * Crypto-shredding: destroys the client's key, so every document and the personal data of
   * this client can never be decrypted again, and wipes their sealed personal data and BSN
   * hash. Trajectory metadata stays for statistics. Idempotent.
   */
  public Future<Void> shredClient(String clientId) {
    return new ClientShredding(clients, clientKeys).shred(clientId, clock.instant())
        .onSuccess(v -> SECURITY.info("event=client-shredded clientId={}", clientId))
        .mapEmpty();
  }

  /** Unwraps the client's key on a worker thread and runs {@code work} with it there. */
  private <T> Future<T> withClientKey(String clientId, KeyWork<T> work, String subject) {
    return clientKeys.find(clientId)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new ShreddedException())))
        .compose(record -> crypto(() -> {
          try (DataKey clientKey = keys.unwrap(new WrappedKey(record.kekVersion(), record.wrappedKey()),
              DossierKeys.clientKey(clientId))) {
            return work.apply(clientKey);
          }
        }))
        .onFailure(e -> {
          if (e instanceof IntegrityException || e instanceof UnknownKeyVersionException) {
            SECURITY.error("event=integrity-failure subject={} failure={}", subject, e.getClass().getSimpleName());
          }
        });
  }

  @FunctionalInterface
  private interface KeyWork<T> {
    T apply(DataKey clientKey);
  }

  private <T> Future<T> crypto(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }
}
