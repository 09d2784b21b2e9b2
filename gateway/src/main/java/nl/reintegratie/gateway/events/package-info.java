/**
 * What happened, told to whoever listens: each capability publishes a {@link nl.reintegratie.gateway.events.DomainEvent}
 * through the {@link nl.reintegratie.gateway.events.DomainEvents} port after its change is durable, and later
 * features (notices, steering information, the disclosure log) subscribe instead of being called by it.
 *
 * <p>A bottom layer like {@code crypto} and {@code store}: it depends on nothing else of the gateway, so every
 * capability (dossier, transfer, ...) may publish without depending on another. The Vert.x event bus adapter is in
 * {@code events.bus} and only the wiring ({@code app}) creates it; domain code knows the port only.
 *
 * <p>Events are notifications, not a durable log: one that a crash prevents from being published is lost. What
 * must not be lost (a client's notice, a disclosure log entry) keeps its state in the store with the change that
 * caused it and uses the event only as a wake-up (see the architecture's "Events").
 */
package nl.reintegratie.gateway.events;
