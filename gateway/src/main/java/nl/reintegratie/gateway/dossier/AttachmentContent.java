package nl.reintegratie.gateway.dossier;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether an uploaded file may enter a dossier, by its content: a file's name and declared type are chosen
 * by whoever uploads it, so neither is trusted. Pure functions, no I/O.
 *
 * <p>Accepted are PDF ({@code %PDF-} and a version digit at offset 0), PNG (its 8-byte signature) and JPEG
 * ({@code FF D8 FF}) up to {@link #MAX_BYTES}, whose declared type is exactly the detected one, and, for PDFs,
 * without active content (see {@link PdfInspection}). This check is a first line: files are also served only as
 * downloads with {@code nosniff}, never rendered inline by the gateway.
 */
public final class AttachmentContent {

  /** Largest accepted file: 10 MiB. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

  private AttachmentContent() {
  }

  /**
   * Checks {@code content} against the {@code declaredContentType} of the upload (parameters such as
   * {@code ; charset=} and case are ignored). Refusals, in this order: {@link AttachmentRefusal#EMPTY},
   * {@link AttachmentRefusal#TOO_LARGE}, {@link AttachmentRefusal#UNSUPPORTED_TYPE},
   * {@link AttachmentRefusal#TYPE_MISMATCH}, then for PDFs {@link AttachmentRefusal#ACTIVE_CONTENT} or
   * {@link AttachmentRefusal#UNINSPECTABLE}.
   */
  public static AttachmentCheck check(byte[] content, String declaredContentType) {
    if (content == null || content.length == 0) {
      return AttachmentCheck.refused(AttachmentRefusal.EMPTY);
    }
    if (content.length > MAX_BYTES) {
      return AttachmentCheck.refused(AttachmentRefusal.TOO_LARGE);
    }
    Optional<AttachmentType> detected = detect(content);
    if (detected.isEmpty()) {
      return AttachmentCheck.refused(AttachmentRefusal.UNSUPPORTED_TYPE);
    }
    AttachmentType type = detected.get();
    if (!type.mediaType().equals(normalise(declaredContentType))) {
      return AttachmentCheck.refused(AttachmentRefusal.TYPE_MISMATCH);
    }
    if (type == AttachmentType.PDF) {
      Optional<AttachmentRefusal> pdfRefusal = PdfInspection.inspect(content);
      if (pdfRefusal.isPresent()) {
        return AttachmentCheck.refused(pdfRefusal.get());
      }
    }
    return AttachmentCheck.accepted(type);
  }

  /** The type {@code content} really has, judged by its first bytes only; empty for anything else. */
  public static Optional<AttachmentType> detect(byte[] content) {
    if (startsWith(content, PDF) && content.length > PDF.length && Character.isDigit(content[PDF.length])) {
      return Optional.of(AttachmentType.PDF);
    }
    if (startsWith(content, PNG)) {
      return Optional.of(AttachmentType.PNG);
    }
    if (startsWith(content, JPEG)) {
      return Optional.of(AttachmentType.JPEG);
    }
    return Optional.empty();
  }

  private static String normalise(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    String bare = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return bare.trim().toLowerCase(Locale.ROOT);
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
