/**
 * MongoDB adapters of the dossier ports, on the {@link nl.reintegratie.gateway.store.Store}: every write through
 * {@code store.durably}, every read through {@code store.read}, every hot lookup and conditional update a
 * single-field one on {@code _id} or a unique field (the embedded server uses no other index), no transactions:
 * each atomic step changes one document, ordered so that a crash leaves nothing half-visible. The store's
 * failures are translated in one place, {@code StoreFailures}. The app creates {@link
 * nl.reintegratie.gateway.dossier.mongo.DossierIndexes#ALL} at startup.
 */
package nl.reintegratie.gateway.dossier.mongo;
