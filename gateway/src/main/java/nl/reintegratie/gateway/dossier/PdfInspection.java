package nl.reintegratie.gateway.dossier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Looks for active content in a PDF: the dictionary keys and types a reader needs to run JavaScript, launch a
 * program, submit or import data, play rich media or open an embedded file.
 *
 * <p>Such keys live in dictionaries, and a dictionary is either in the file as text or inside a compressed object
 * stream ({@code /Type /ObjStm}). So every name token of the file is checked, after decoding {@code #xx} escapes
 * (otherwise {@code /J#53} would pass as harmless), and every object stream is inflated (within a budget) and
 * checked the same way; an object stream that cannot be inflated is refused as uninspectable. The scan does not
 * parse strings or streams: a name-like {@code /JS} inside a string also refuses the file. That errs on the safe
 * side; printing such a file to a new PDF gets it through.
 */
final class PdfInspection {

  /**
   * JavaScript (also what an {@code /OpenAction} or {@code /AA} would run), launch actions, embedded files,
   * rich media (Flash), XFA forms (scriptable), and the actions that send or load data.
   */
  private static final Set<String> ACTIVE_NAMES = Set.of("JavaScript", "JS", "Launch", "EmbeddedFile",
      "EmbeddedFiles", "RichMedia", "XFA", "SubmitForm", "ImportData", "GoToE");

  private static final String OBJECT_STREAM = "ObjStm";

  /** At most this many bytes are inflated from object streams in total (decompression bombs). */
  private static final int INFLATE_BUDGET = 32 * 1024 * 1024;

  private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END_STREAM = "endstream".getBytes(StandardCharsets.US_ASCII);

  private PdfInspection() {
  }

  /** Empty when the PDF is free of active content; otherwise why it is refused. */
  static Optional<AttachmentRefusal> inspect(byte[] pdf) {
    Names names = Names.scan(pdf);
    if (names.active) {
      return Optional.of(AttachmentRefusal.ACTIVE_CONTENT);
    }
    int budget = INFLATE_BUDGET;
    for (int objectStreamName : names.objectStreams) {
      Optional<byte[]> body = objectStreamBody(pdf, objectStreamName);
      Optional<byte[]> inflated = body.isEmpty() ? Optional.empty() : inflate(body.get(), budget);
      if (inflated.isEmpty()) {
        return Optional.of(AttachmentRefusal.UNINSPECTABLE);
      }
      budget -= inflated.get().length;
      if (Names.scan(inflated.get()).active) {
        return Optional.of(AttachmentRefusal.ACTIVE_CONTENT);
      }
    }
    return Optional.empty();
  }

  /** The raw bytes between the first {@code stream} keyword after {@code from} and its {@code endstream}. */
  private static Optional<byte[]> objectStreamBody(byte[] pdf, int from) {
    int keyword = indexOf(pdf, STREAM, from);
    while (keyword >= 3 && pdf[keyword - 3] == 'e' && pdf[keyword - 2] == 'n' && pdf[keyword - 1] == 'd') {
      keyword = indexOf(pdf, STREAM, keyword + STREAM.length); // "endstream" of an earlier stream
    }
    if (keyword < 0) {
      return Optional.empty();
    }
    int start = keyword + STREAM.length;
    if (start < pdf.length && pdf[start] == '\r') {
      start++;
    }
    if (start < pdf.length && pdf[start] == '\n') {
      start++;
    }
    int end = indexOf(pdf, END_STREAM, start);
    if (end < 0) {
      return Optional.empty();
    }
    byte[] body = new byte[end - start];
    System.arraycopy(pdf, start, body, 0, body.length);
    return Optional.of(body);
  }

  /** {@code body} inflated (zlib, i.e. {@code /FlateDecode}), or empty if it is not or expands beyond budget. */
  private static Optional<byte[]> inflate(byte[] body, int budget) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(body);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          return Optional.empty(); // truncated or not zlib at all
        }
        out.write(buffer, 0, n);
        if (out.size() > budget) {
          return Optional.empty();
        }
      }
      return Optional.of(out.toByteArray());
    } catch (DataFormatException e) {
      return Optional.empty();
    } finally {
      inflater.end();
    }
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The name tokens of a byte range: whether any is active, and where object streams are declared. */
  private static final class Names {

    private boolean active;
    private final List<Integer> objectStreams = new ArrayList<>();

    static Names scan(byte[] data) {
      Names names = new Names();
      int i = 0;
      while (i < data.length && !names.active) {
        if (data[i] != '/') {
          i++;
          continue;
        }
        StringBuilder name = new StringBuilder();
        i++;
        while (i < data.length && isRegular(data[i])) {
          if (data[i] == '#' && i + 2 < data.length && isHex(data[i + 1]) && isHex(data[i + 2])) {
            name.append((char) Integer.parseInt(new String(data, i + 1, 2, StandardCharsets.US_ASCII), 16));
            i += 3;
          } else {
            name.append((char) (data[i] & 0xFF));
            i++;
          }
        }
        String decoded = name.toString();
        names.active = ACTIVE_NAMES.contains(decoded);
        if (OBJECT_STREAM.equals(decoded)) {
          names.objectStreams.add(i);
        }
      }
      return names;
    }

    /** PDF "regular characters": anything but white space and delimiters. */
    private static boolean isRegular(byte b) {
      switch (b) {
        case 0: case '\t': case '\n': case '\f': case '\r': case ' ':
        case '(': case ')': case '<': case '>': case '[': case ']': case '{': case '}': case '/': case '%':
          return false;
        default:
          return true;
      }
    }

    private static boolean isHex(byte b) {
      return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }
  }
}
