package nl.reintegratie.gateway.notify;

import io.vertx.core.Future;
import java.util.Objects;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.dossier.SealedText;
import nl.reintegratie.protocol.crypto.AssociatedData;

/**
 * Seals and opens the words of inbox entries under the client's key. Bound to the entry and the client, so a sealed
 * text copied into another entry, or another client's inbox, does not open (an integrity failure, logged as a
 * security event by the dossier service).
 */
public final class InboxTexts {

  private final DossierService dossiers;

  public InboxTexts(DossierService dossiers) {
    this.dossiers = Objects.requireNonNull(dossiers);
  }

  /** What an entry's text is bound to: part of the storage format. */
  public static AssociatedData associatedData(String entryId, String clientId) {
    return AssociatedData.of("inbox-entry", entryId, clientId);
  }

  /** Fails with {@code ShreddedException} when the client's key is gone. */
  public Future<SealedText> seal(String clientId, String entryId, NoticeText text) {
    return dossiers.sealForClient(clientId, associatedData(entryId, clientId), text.toBytes());
  }

  /** Both languages of {@code entry}'s text; fails with {@code ShreddedException} or an integrity failure. */
  public Future<NoticeText> open(InboxEntry entry) {
    return dossiers.openForClient(entry.clientId(), associatedData(entry.id(), entry.clientId()), entry.text())
        .map(NoticeText::fromBytes);
  }

  /** {@code entry}'s message in {@code language} ({@code "nl"} or {@code "en"}; Dutch for anything else). */
  public Future<NoticeText.Message> open(InboxEntry entry, String language) {
    return open(entry).map(text -> text.in(language));
  }
}
