package nl.reintegratie.gateway.events;

/**
 * Where capabilities tell what happened. Publish only after the change is durable (a subscriber that reads the
 * store on receipt must find it), and never as part of the change: publishing does not fail the caller, and a
 * subscriber's failure stays the subscriber's.
 */
@FunctionalInterface
public interface DomainEvents {

  /** Tells every current subscriber of {@code event.type()}; returns at once. */
  void publish(DomainEvent event);
}
