/**
 * The {@code audit} capability: the tamper-evident disclosure log, in the style of Certificate Transparency
 * (RFC 9162). Every grant, revocation, objection, objection decision, release fetch and read of a client's data by
 * anyone but the client is appended ({@link nl.reintegratie.gateway.audit.DisclosureLog#append}) before it takes
 * effect; if the entry cannot be written, the action fails.
 *
 * <p><b>Entries</b> ({@link nl.reintegratie.gateway.audit.DisclosureEntry}) hold ids and codes only, never a BSN,
 * a name or report text: the log is never shredded, so nothing may enter it that retention or crypto-shredding must
 * be able to remove. Each is a leaf of a Merkle tree: leaf hash = {@code SHA-256(0x00 || canonical bytes)}
 * ({@link nl.reintegratie.gateway.audit.EntryEncoding}), interior nodes {@code SHA-256(0x01 || left || right)}, the
 * tree shape and proofs exactly those of RFC 9162 section 2.1 ({@link nl.reintegratie.gateway.audit.ProofPaths},
 * {@link nl.reintegratie.gateway.audit.InclusionProof}, {@link nl.reintegratie.gateway.audit.ConsistencyProof}).
 *
 * <p><b>Checkpoints</b> ({@link nl.reintegratie.gateway.audit.Checkpoint},
 * {@link nl.reintegratie.gateway.audit.SignedCheckpoint}) are C2SP signed notes: origin, size, root hash, time,
 * signed with the gateway's Ed25519 key. The head is always a signed checkpoint; every 1,000 entries one is
 * archived.
 *
 * <p><b>Verification</b> ({@link nl.reintegratie.gateway.audit.LogVerifier}) reads the log once, recomputes every
 * leaf, subtree and root, and names the first changed, deleted, inserted or moved entry, changed subtree hash,
 * wrong root or forged signature.
 *
 * <p>This package knows neither MongoDB nor HTTP; the store adapter is {@code audit.mongo}.
 */
package nl.reintegratie.gateway.audit;
