package nl.reintegratie.gateway.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Checkpoint} as a C2SP signed note: its text, a blank line, then one signature line per signature. The
 * gateway signs with Ed25519, key name = the checkpoint's origin, key id =
 * {@code SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4]}, exactly as c2sp.org/signed-note specifies,
 * so any signed-note implementation (e.g. Go's {@code golang.org/x/mod/sumdb/note}) verifies it with the
 * gateway's public key.
 */
public record SignedCheckpoint(Checkpoint checkpoint, List<NoteSignature> signatures) {

  public SignedCheckpoint {
    java.util.Objects.requireNonNull(checkpoint, "checkpoint");
    signatures = List.copyOf(signatures);
  }

  public long size() {
    return checkpoint.size();
  }

  public TreeHash root() {
    return checkpoint.root();
  }

  /** The whole signed note. */
  public String note() {
    StringBuilder note = new StringBuilder(checkpoint.text()).append('\n');
    signatures.forEach(signature -> note.append(signature.line()).append('\n'));
    return note.toString();
  }

  /** The reverse of {@link #note()}. Failure: {@link IllegalArgumentException} for anything else. */
  public static SignedCheckpoint parse(String note) {
    int separator = note.lastIndexOf("\n\n");
    if (separator < 0 || !note.endsWith("\n")) {
      throw new IllegalArgumentException("a signed note is text, a blank line and signature lines");
    }
    Checkpoint checkpoint = Checkpoint.parse(note.substring(0, separator + 1));
    String block = note.substring(separator + 2, note.length() - 1);
    List<NoteSignature> signatures = new ArrayList<>();
    for (String line : block.split("\n", -1)) {
      signatures.add(NoteSignature.parse(line));
    }
    if (signatures.isEmpty() || signatures.size() > 16) {
      throw new IllegalArgumentException("a signed note has 1 to 16 signatures");
    }
    return new SignedCheckpoint(checkpoint, signatures);
  }
}
