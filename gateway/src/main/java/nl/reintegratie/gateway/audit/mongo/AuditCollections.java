package nl.reintegratie.gateway.audit.mongo;

import java.util.List;
import nl.reintegratie.gateway.store.IndexSpec;

/** The collections of the disclosure log. Every lookup in them is by {@code _id}, except one by unique event id. */
public final class AuditCollections {

  /**
   * The entries, {@code {_id: <leaf index>, seq, event, kind, at, client, org, actor?, purpose?, basis?, reason?,
   * subjects: ["<type>:<id>", ...], leaf: <32 bytes>, nodes?: [<32 bytes>, ...]}}: {@code _id} 0, 1, 2, ... without
   * gaps, {@code leaf} the RFC 9162 leaf hash, {@code nodes} the perfect subtrees this leaf completes (level 1
   * first), see {@link nl.reintegratie.gateway.audit.MerkleFrontier#append}.
   */
  public static final String ENTRIES = "audit_log_entries";
  /**
   * One document, {@code {_id: "head", size, root, frontier: [<32 bytes>, ...], checkpoint: "<signed note>"}}: the
   * tree head that appends compare-and-set on {@code size} and extend.
   */
  public static final String HEAD = "audit_log_head";
  /** Archived signed checkpoints, {@code {_id: <tree size>, checkpoint: "<signed note>"}}, every N entries. */
  public static final String CHECKPOINTS = "audit_log_checkpoints";
  /** Per client, {@code {_id: clientId, entries: [<leaf index>, ...]}}: what the client is shown. */
  public static final String CLIENT_ENTRIES = "audit_client_entries";

  /** The document id of the head. */
  static final String HEAD_ID = "head";

  /** {@code event} is unique: one entry per action, also between racing gateways and across crashes. */
  public static final List<IndexSpec> INDEXES = List.of(IndexSpec.unique(ENTRIES, "event"));

  /** The name of the event index, as a duplicate key failure reports it. */
  static final String EVENT_INDEX = INDEXES.get(0).name();

  private AuditCollections() {
  }
}
