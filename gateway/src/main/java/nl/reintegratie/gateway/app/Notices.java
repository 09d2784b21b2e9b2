package nl.reintegratie.gateway.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.reintegratie.gateway.config.GatewayConfig;
import nl.reintegratie.gateway.config.Secret;
import nl.reintegratie.gateway.dossier.DossierService;
import nl.reintegratie.gateway.events.DomainEvents;
import nl.reintegratie.gateway.events.bus.EventBusDomainEvents;
import nl.reintegratie.gateway.notify.Inbox;
import nl.reintegratie.gateway.notify.InboxTexts;
import nl.reintegratie.gateway.notify.MailDelivery;
import nl.reintegratie.gateway.notify.NoticeComposer;
import nl.reintegratie.gateway.notify.NoticeDelivery;
import nl.reintegratie.gateway.notify.NoticeEvents;
import nl.reintegratie.gateway.notify.OrganisationNames;
import nl.reintegratie.gateway.notify.mongo.MongoInbox;
import nl.reintegratie.gateway.notify.mongo.MongoMailOutbox;
import nl.reintegratie.gateway.notify.smtp.SmtpMailSender;
import nl.reintegratie.gateway.signature.ProviderOrganisation;
import nl.reintegratie.gateway.signature.ProviderRegistry;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.transfer.GrantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client notices as the configuration defines them: the inbox on the gateway's store, the notice delivery every
 * {@link #DELIVERY_EVERY} and on every grant event, and, with {@code SMTP_HOST}, the e-mails through that server
 * every {@link #MAIL_EVERY} and as soon as one is queued. Without {@code SMTP_HOST} mail is off and each notice logs
 * {@code event=mail-disabled}. {@link #start} and {@link #stop} belong to the gateway's own.
 */
record Notices(Inbox inbox, InboxTexts texts, NoticeDelivery delivery, Optional<MailDelivery> mail, Vertx vertx,
               List<MessageConsumer<Object>> wakeUps) {

  static final Duration DELIVERY_EVERY = Duration.ofSeconds(3);
  static final Duration MAIL_EVERY = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

  static Notices open(Vertx vertx, Store store, GatewayConfig config, DossierService dossiers,
                      GrantRepository grants, ProviderRegistry providers, DomainEvents events) {
    Clock clock = Clock.systemUTC();
    Inbox inbox = new MongoInbox(store);
    InboxTexts texts = new InboxTexts(dossiers);
    OrganisationNames names = organisation -> providers.findOrganisation(organisation)
        .map(found -> found.map(ProviderOrganisation::name));
    Optional<MailDelivery> mail = config.smtp().map(smtp -> new MailDelivery(vertx, new MongoMailOutbox(store),
        new SmtpMailSender(vertx, new SmtpMailSender.Settings(smtp.host(), smtp.port(), smtp.from(),
            smtp.username(), smtp.password().map(Secret::reveal), smtp.startTls())),
        dossiers, config.http().publicBaseUrl(), clock));
    NoticeDelivery delivery = new NoticeDelivery(vertx, grants, inbox, new NoticeComposer(dossiers, names), texts,
        dossiers, mail, events, clock);
    return new Notices(inbox, texts, delivery, mail, vertx, new java.util.ArrayList<>());
  }

  /** Starts the workers and listens for the events that wake the delivery up. */
  void start() {
    if (mail.isEmpty()) {
      LOG.info("event=mail-disabled reason=no-smtp-host");
    }
    mail.ifPresent(worker -> worker.start(MAIL_EVERY));
    delivery.start(DELIVERY_EVERY);
    for (String type : NoticeEvents.WAKE_UPS) {
      wakeUps.add(vertx.eventBus().consumer(EventBusDomainEvents.address(type), message -> delivery.wakeUp()));
    }
  }

  /** Stops listening and lets the runs in progress finish. */
  Future<Void> stop() {
    wakeUps.forEach(MessageConsumer::unregister);
    Future<Void> deliveryStopped = delivery.stop();
    Future<Void> mailStopped = mail.map(MailDelivery::stop).orElseGet(Future::succeededFuture);
    return Future.all(deliveryStopped, mailStopped).mapEmpty();
  }
}
