package nl.reintegratie.gateway.dossier;

import java.util.Optional;

/** The file types a dossier accepts, recognised by their content (see {@link AttachmentContent}). */
public enum AttachmentType {
  PDF("application/pdf"),
  PNG("image/png"),
  JPEG("image/jpeg");

  private final String mediaType;

  AttachmentType(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type, e.g. {@code application/pdf}. */
  public String mediaType() {
    return mediaType;
  }

  /** The type with exactly this media type (no parameters, lower case). */
  public static Optional<AttachmentType> fromMediaType(String mediaType) {
    for (AttachmentType type : values()) {
      if (type.mediaType.equals(mediaType)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
