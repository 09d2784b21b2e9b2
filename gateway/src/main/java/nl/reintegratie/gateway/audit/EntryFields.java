package nl.reintegratie.gateway.audit;

import java.util.List;

/**
 * An entry's fields exactly as stored and hashed, absent values as {@code ""}: the input of
 * {@link EntryEncoding}. Unlike {@link LoggedEntry} nothing is validated, so the verifier can hash whatever it finds
 * in the store, quickly, and a changed field shows as a hash mismatch rather than as a parse error.
 */
public record EntryFields(long index, String eventId, String kind, long atMillis, String clientId,
    String organisationId, String actorId, String purpose, String legalBasis, String reason, List<String> subjects) {
}
