package nl.reintegratie.gateway.events.bus;

import io.vertx.core.eventbus.EventBus;
import java.util.Objects;
import nl.reintegratie.gateway.events.DomainEvent;
import nl.reintegratie.gateway.events.DomainEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DomainEvents} on the Vert.x event bus: each event is published (to every consumer, not one of them) as its
 * JSON ({@link DomainEvent#toJson}) at {@link #address} of its type. JSON rather than a Java object, so the same
 * events work unchanged on a clustered event bus when the gateway runs as several instances.
 *
 * <pre>{@code
 * vertx.eventBus().<JsonObject>consumer(EventBusDomainEvents.address("trajectory-ended"),
 *     message -> handle(DomainEvent.fromJson(message.body())));
 * }</pre>
 */
public final class EventBusDomainEvents implements DomainEvents {

  private static final String PREFIX = "nl.reintegratie.event.";
  private static final Logger LOG = LoggerFactory.getLogger(EventBusDomainEvents.class);

  private final EventBus bus;

  public EventBusDomainEvents(EventBus bus) {
    this.bus = Objects.requireNonNull(bus);
  }

  /** The event bus address events of {@code type} are published at, e.g. {@code nl.reintegratie.event.trajectory-created}. */
  public static String address(String type) {
    return PREFIX + type;
  }

  @Override
  public void publish(DomainEvent event) {
    bus.publish(address(event.type()), event.toJson());
    LOG.debug("event=domain-event-published type={} eventId={}", event.type(), event.eventId());
  }
}
