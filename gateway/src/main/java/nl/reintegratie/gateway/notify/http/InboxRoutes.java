package nl.reintegratie.gateway.notify.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import nl.reintegratie.gateway.dossier.NotFoundException;
import nl.reintegratie.gateway.http.JsonAnswers;
import nl.reintegratie.gateway.http.Language;
import nl.reintegratie.gateway.identity.ClientAccess;
import nl.reintegratie.gateway.notify.Inbox;
import nl.reintegratie.gateway.notify.InboxEntry;
import nl.reintegratie.gateway.notify.InboxTexts;
import nl.reintegratie.gateway.notify.NoticeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's portal inbox: every grant, revocation and objection decision about them, in their language (Dutch,
 * or English with {@code Accept-Language: en}), newest first. Behind {@link ClientAccess}: the client id comes from
 * the login's BSN, and {@link Inbox#find} only ever finds the client's own entries, so another client's entry is
 * "not found" like a missing one. The texts are opened per request and never stored in clear.
 *
 * <ul>
 *   <li>{@code GET /api/v1/me/inbox}: every entry with its text;
 *   <li>{@code GET /api/v1/me/inbox/{entryId}}: one;
 *   <li>{@code POST /api/v1/me/inbox/{entryId}/reading}: the client has read it (a sub-resource, as NL API Design
 *       Rules model an operation that is not CRUD); idempotent, the first moment stays.
 * </ul>
 */
public final class InboxRoutes {

  static final String INBOX = "/api/v1/me/inbox";
  static final String ENTRY = INBOX + "/:entryId";
  static final String READING = ENTRY + "/reading";

  private static final Logger LOG = LoggerFactory.getLogger(InboxRoutes.class);

  private final Inbox inbox;
  private final InboxTexts texts;
  private final ClientAccess clients;
  private final Clock clock;

  public InboxRoutes(Inbox inbox, InboxTexts texts, ClientAccess clients, Clock clock) {
    this.inbox = Objects.requireNonNull(inbox);
    this.texts = Objects.requireNonNull(texts);
    this.clients = Objects.requireNonNull(clients);
    this.clock = Objects.requireNonNull(clock);
  }

  public void mount(Router router) {
    clients.requireClient(router.get(INBOX)).handler(this::list);
    clients.requireClient(router.get(ENTRY)).handler(this::one);
    clients.requireClient(router.post(READING)).handler(this::read);
  }

  private void list(RoutingContext ctx) {
    String language = language(ctx);
    Future<JsonObject> listed = inbox.listOf(ClientAccess.client(ctx).clientId())
        .compose(entries -> Future.all(entries.stream().map(entry -> json(entry, language)).toList())
            .map(all -> {
              JsonArray items = new JsonArray();
              all.<JsonObject>list().forEach(items::add);
              return new JsonObject().put("entries", items)
                  .put("unread", entries.stream().filter(entry -> !entry.isRead()).count());
            }));
    answer(ctx, listed, 200);
  }

  private void one(RoutingContext ctx) {
    answer(ctx, own(ctx).compose(entry -> json(entry, language(ctx))), 200);
  }

  private void read(RoutingContext ctx) {
    String clientId = ClientAccess.client(ctx).clientId();
    Future<JsonObject> read = own(ctx)
        .compose(entry -> inbox.markRead(clientId, entry.id(), clock.instant()))
        .map(marked -> marked.orElseThrow(() -> new NotFoundException("inbox entry")))
        .compose(entry -> json(entry, language(ctx)));
    answer(ctx, read, 200);
  }

  private Future<InboxEntry> own(RoutingContext ctx) {
    return inbox.find(ClientAccess.client(ctx).clientId(), ctx.pathParam("entryId"))
        .map(found -> found.orElseThrow(() -> new NotFoundException("inbox entry")));
  }

  private Future<JsonObject> json(InboxEntry entry, String language) {
    return texts.open(entry, language).map(message -> json(entry, message, language));
  }

  static JsonObject json(InboxEntry entry, NoticeText.Message message, String language) {
    JsonObject json = new JsonObject()
        .put("entryId", entry.id())
        .put("kind", entry.kind().code())
        .put("grantId", entry.grantId())
        .put("createdAt", entry.createdAt().toString())
        .put("language", language)
        .put("title", message.title())
        .put("paragraphs", new JsonArray(List.copyOf(message.paragraphs())));
    entry.readAt().ifPresent(at -> json.put("readAt", at.toString()));
    return json;
  }

  private static String language(RoutingContext ctx) {
    return Language.of(ctx) == Language.EN ? "en" : "nl";
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> result, int status) {
    JsonAnswers.answer(ctx, result, status, LOG, "client-request-failed");
  }
}
