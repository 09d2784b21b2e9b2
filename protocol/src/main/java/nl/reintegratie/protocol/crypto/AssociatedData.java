package nl.reintegratie.protocol.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Associated data (AD): the context a ciphertext is bound to. It is authenticated but not encrypted and not stored
 * in the ciphertext; whoever opens must present the same AD, or gets an {@link IntegrityException}. Binding a
 * document to {@code ("dossier-document", recordId, dossierId, type, version)} means a ciphertext copied into another
 * record, dossier, type or version no longer opens.
 *
 * <p>The encoding is unambiguous (see {@link Canonical}): {@code of("p", "a", "bc")} and {@code of("p", "ab", "c")}
 * are different AD. AD is not secret and shows in {@link #toString()}: put ids in it, never personal data such as a
 * BSN.
 *
 * @param purpose what the ciphertext is (e.g. {@code "dossier-document"}); not blank. Different purposes never
 *                share AD, whatever the fields.
 * @param fields  the identifiers the ciphertext belongs to, in a fixed order; may be empty; no {@code null}s
 */
public record AssociatedData(String purpose, List<String> fields) {

  public AssociatedData {
    Canonical.requireWellFormed(purpose, "purpose");
    if (purpose.isBlank()) {
      throw new IllegalArgumentException("purpose must not be blank");
    }
    Objects.requireNonNull(fields, "fields");
    List<String> copy = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      copy.add(Canonical.requireWellFormed(fields.get(i), "field " + i));
    }
    fields = List.copyOf(copy);
  }

  /** AD for {@code purpose} and {@code fields}, e.g. {@code of("dossier-document", recordId, dossierId, type, "3")}. */
  public static AssociatedData of(String purpose, String... fields) {
    return new AssociatedData(purpose, Arrays.asList(Objects.requireNonNull(fields, "fields")));
  }

  /** The bytes handed to AES-GCM as AAD when used for {@code usage} (a {@link Canonical} usage byte). */
  public byte[] encoded(byte usage) {
    List<String> strings = new ArrayList<>(fields.size() + 1);
    strings.add(purpose);
    strings.addAll(fields);
    return Canonical.encode(usage, strings);
  }
}
