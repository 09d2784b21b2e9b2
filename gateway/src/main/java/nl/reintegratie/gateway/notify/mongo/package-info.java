/**
 * MongoDB adapters of the notify capability: the client inbox and the mail outbox. Every lookup is by {@code _id}
 * (the embedded server uses no other index without a scan); per-client and pending lists are documents
 * {@code {_id: key, ids: [...]}} changed with atomic {@code $addToSet}/{@code $pull}, written before the record they
 * list, so a crash leaves at most an id without a record (skipped by readers), never a record that cannot be found.
 */
package nl.reintegratie.gateway.notify.mongo;
