package nl.reintegratie.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class AttachmentContentTest {

  /** A minimal but complete one-page PDF. */
  private static final String PLAIN_PDF = "%PDF-1.4\n"
      + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
      + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
      + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
      + "trailer << /Root 1 0 R >>\n%%EOF\n";

  private static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
      0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
  private static final byte[] JPEG_HEADER = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16,
      'J', 'F', 'I', 'F', 0};

  @Test
  void realPdf_isAcceptedAsPdf() {
    AttachmentCheck check = AttachmentContent.check(ascii(PLAIN_PDF), "application/pdf");

    assertThat(check.isAccepted()).isTrue();
    assertThat(check.type()).contains(AttachmentType.PDF);
  }

  @Test
  void realPngAndJpeg_areAccepted() {
    assertThat(AttachmentContent.check(PNG_HEADER, "image/png").type()).contains(AttachmentType.PNG);
    assertThat(AttachmentContent.check(JPEG_HEADER, "image/jpeg").type()).contains(AttachmentType.JPEG);
  }

  @Test
  void declaredTypeWithParametersAndCapitals_isAccepted() {
    assertThat(AttachmentContent.check(ascii(PLAIN_PDF), "Application/PDF; name=x.pdf").isAccepted()).isTrue();
  }

  @Test
  void htmlNamedPdf_isRefusedAsUnsupportedType() {
    byte[] html = ascii("<!DOCTYPE html><html><script>alert(1)</script></html>");

    assertThat(AttachmentContent.check(html, "application/pdf").refusal())
        .contains(AttachmentRefusal.UNSUPPORTED_TYPE);
  }

  @Test
  void pdfHeaderNotAtTheStart_isRefused() {
    assertThat(AttachmentContent.check(ascii("<html>%PDF-1.4</html>"), "application/pdf").refusal())
        .contains(AttachmentRefusal.UNSUPPORTED_TYPE);
  }

  @Test
  void pngDeclaredAsPdf_isRefusedAsTypeMismatch() {
    assertThat(AttachmentContent.check(PNG_HEADER, "application/pdf").refusal())
        .contains(AttachmentRefusal.TYPE_MISMATCH);
    assertThat(AttachmentContent.check(ascii(PLAIN_PDF), "image/jpeg").refusal())
        .contains(AttachmentRefusal.TYPE_MISMATCH);
    assertThat(AttachmentContent.check(JPEG_HEADER, null).refusal()).contains(AttachmentRefusal.TYPE_MISMATCH);
  }

  @Test
  void largerThanTenMebibytes_isRefusedAsTooLarge() {
    byte[] tooLarge = Arrays.copyOf(JPEG_HEADER, AttachmentContent.MAX_BYTES + 1);
    byte[] justFits = Arrays.copyOf(JPEG_HEADER, AttachmentContent.MAX_BYTES);

    assertThat(AttachmentContent.check(tooLarge, "image/jpeg").refusal()).contains(AttachmentRefusal.TOO_LARGE);
    assertThat(AttachmentContent.check(justFits, "image/jpeg").isAccepted()).isTrue();
  }

  @Test
  void empty_isRefused() {
    assertThat(AttachmentContent.check(new byte[0], "image/png").refusal()).contains(AttachmentRefusal.EMPTY);
  }

  @Test
  void pdfWithOpenActionJavaScript_isRefusedAsActiveContent() {
    String pdf = PLAIN_PDF.replace("/Type /Catalog", "/Type /Catalog /OpenAction 4 0 R")
        + "4 0 obj << /S /JavaScript /JS (app.alert('x')) >> endobj\n";

    assertThat(AttachmentContent.check(ascii(pdf), "application/pdf").refusal())
        .contains(AttachmentRefusal.ACTIVE_CONTENT);
  }

  @Test
  void pdfWithEscapedJavaScriptName_isRefused() {
    // "/J#61vaScript" is "/JavaScript" to a PDF reader
    String pdf = PLAIN_PDF + "4 0 obj << /S /J#61vaScript /J#53 (x) >> endobj\n";

    assertThat(AttachmentContent.check(ascii(pdf), "application/pdf").refusal())
        .contains(AttachmentRefusal.ACTIVE_CONTENT);
  }

  @Test
  void pdfWithLaunchActionOrEmbeddedFile_isRefused() {
    assertThat(AttachmentContent.check(ascii(PLAIN_PDF + "<< /S /Launch /F (cmd.exe) >>"), "application/pdf")
        .refusal()).contains(AttachmentRefusal.ACTIVE_CONTENT);
    assertThat(AttachmentContent.check(ascii(PLAIN_PDF + "<< /Type /EmbeddedFile >>"), "application/pdf")
        .refusal()).contains(AttachmentRefusal.ACTIVE_CONTENT);
  }

  @Test
  void pdfNamesThatOnlyStartLikeActiveOnes_areAccepted() {
    String pdf = PLAIN_PDF + "<< /JSFont 1 /Launcher 2 /JavaScriptless 3 >>";

    assertThat(AttachmentContent.check(ascii(pdf), "application/pdf").isAccepted()).isTrue();
  }

  @Test
  void pdfHidingJavaScriptInCompressedObjectStream_isRefused() {
    byte[] objects = deflate(ascii("4 0 << /S /JavaScript /JS (app.alert(1)) >>"));
    byte[] pdf = concat(ascii(PLAIN_PDF + "5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
        + objects.length + " >>\nstream\n"), objects, ascii("\nendstream\nendobj\n"));

    assertThat(AttachmentContent.check(pdf, "application/pdf").refusal())
        .contains(AttachmentRefusal.ACTIVE_CONTENT);
  }

  @Test
  void pdfWithHarmlessCompressedObjectStream_isAccepted() {
    byte[] objects = deflate(ascii("4 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
    byte[] pdf = concat(ascii(PLAIN_PDF + "5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\r\n"),
        objects, ascii("\r\nendstream\nendobj\n"));

    assertThat(AttachmentContent.check(pdf, "application/pdf").isAccepted()).isTrue();
  }

  @Test
  void pdfWithObjectStreamThatCannotBeInflated_isRefusedAsUninspectable() {
    byte[] pdf = ascii(PLAIN_PDF + "5 0 obj << /Type /ObjStm /Filter /ASCII85Decode >>\nstream\n"
        + "9jqo^BlbD-BleB1DJ+*+F(f,q/0JhKF<GL>Cj@.4Gp$d7F!,L7@<6@)/0JDEF<G%<+EV:2F!,O<DJ+*.@<*K0@<6L(Df-\\0Ec5e;DffZ(E"
        + "\nendstream\nendobj\n");

    assertThat(AttachmentContent.check(pdf, "application/pdf").refusal())
        .contains(AttachmentRefusal.UNINSPECTABLE);
  }

  @Test
  void refusalCodes_areLowerKebabCase() {
    for (AttachmentRefusal refusal : AttachmentRefusal.values()) {
      assertThat(refusal.code()).matches("[a-z]+(-[a-z]+)*");
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] deflate(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater())) {
      deflater.write(data);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
