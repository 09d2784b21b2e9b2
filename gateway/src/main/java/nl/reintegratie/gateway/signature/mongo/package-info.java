/**
 * MongoDB adapters of the signature ports: the provider registry and the nonce ledger, on the
 * {@link nl.reintegratie.gateway.store.Store} (writes through {@code store.durably}, reads through
 * {@code store.read}, hot lookups single-field ones on {@code _id}), and the {@link
 * nl.reintegratie.gateway.signature.mongo.NoncePurge} job that replaces a TTL index. The app creates {@link
 * nl.reintegratie.gateway.signature.mongo.SignatureCollections#INDEXES} at startup.
 */
package nl.reintegratie.gateway.signature.mongo;
