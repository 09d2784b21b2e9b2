/**
 * The {@code dossier} capability's domain: clients, their keys, trajectories and immutable document versions, and
 * the ports that store them.
 *
 * <p>Content (names, contact details, what a report says, uploaded files) only ever reaches this package
 * encrypted, as byte arrays it stores and returns without looking inside; what stays in clear is metadata made of
 * ids, codes ({@link nl.reintegratie.gateway.dossier.Coded}), dates and numbers, for steering statistics and for
 * deciding who may see what. This package knows neither MongoDB nor HTTP: ports are plain interfaces returning
 * {@link io.vertx.core.Future}, implemented in {@code dossier.mongo}. Conflicts arrive as
 * {@link nl.reintegratie.gateway.dossier.ConflictException} (409); the store's own failures pass through unchanged
 * (unavailable: 503, failed: 500).
 */
package nl.reintegratie.gateway.dossier;
