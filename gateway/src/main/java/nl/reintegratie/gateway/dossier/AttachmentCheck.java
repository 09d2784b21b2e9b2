package nl.reintegratie.gateway.dossier;

import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link AttachmentContent#check}: the detected type, or why the file was refused. */
public final class AttachmentCheck {

  private final AttachmentType type;
  private final AttachmentRefusal refusal;

  private AttachmentCheck(AttachmentType type, AttachmentRefusal refusal) {
    this.type = type;
    this.refusal = refusal;
  }

  static AttachmentCheck accepted(AttachmentType type) {
    return new AttachmentCheck(Objects.requireNonNull(type), null);
  }

  static AttachmentCheck refused(AttachmentRefusal refusal) {
    return new AttachmentCheck(null, Objects.requireNonNull(refusal));
  }

  public boolean isAccepted() {
    return type != null;
  }

  /** The type detected from the content, when accepted; store the document with its media type. */
  public Optional<AttachmentType> type() {
    return Optional.ofNullable(type);
  }

  /** Why the file was refused, when refused. */
  public Optional<AttachmentRefusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  @Override
  public String toString() {
    return isAccepted() ? "accepted " + type : "refused " + refusal;
  }
}
