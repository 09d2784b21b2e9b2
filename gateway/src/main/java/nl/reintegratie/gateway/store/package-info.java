/**
 * The {@code store} capability: MongoDB access for the gateway.
 *
 * <p>{@link nl.reintegratie.gateway.store.Stores#open} yields a {@link nl.reintegratie.gateway.store.Store}: by
 * default an embedded MongoDB-wire-protocol server (mongo-java-server, H2 MVStore file, 127.0.0.1), with a
 * {@code mongoUri} an external MongoDB, reached by the same code through vertx-mongo-client. Writes that a request
 * reports as done go through {@link nl.reintegratie.gateway.store.Store#durably}, which completes only once they are
 * on disk; failures arrive as {@link nl.reintegratie.gateway.store.DuplicateKeyException} (409),
 * {@link nl.reintegratie.gateway.store.StoreUnavailableException} (503) or
 * {@link nl.reintegratie.gateway.store.StoreException} (500). Indexes are declared with
 * {@link nl.reintegratie.gateway.store.IndexSpec} and created by {@link nl.reintegratie.gateway.store.Indexes}.
 */
package nl.reintegratie.gateway.store;
