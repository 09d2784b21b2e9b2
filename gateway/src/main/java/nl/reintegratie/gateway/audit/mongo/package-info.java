/**
 * MongoDB adapters of the disclosure log ({@link nl.reintegratie.gateway.audit.DisclosureLog}), on the
 * {@link nl.reintegratie.gateway.store.Store}: four collections ({@link
 * nl.reintegratie.gateway.audit.mongo.AuditCollections}), every write a single-document atomic step ordered so that
 * a crash between any two leaves nothing a later append or start cannot finish, every lookup by {@code _id} or the
 * unique event id, no transactions. Appends answer only after a durable commit. The app creates
 * {@link nl.reintegratie.gateway.audit.mongo.MongoDisclosureLog} with {@code open}, which also creates the index.
 */
package nl.reintegratie.gateway.audit.mongo;
