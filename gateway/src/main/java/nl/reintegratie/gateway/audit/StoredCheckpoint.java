package nl.reintegratie.gateway.audit;

/** An archived signed checkpoint as stored: under its tree size, as the note text. */
public record StoredCheckpoint(long size, String note) {
}
