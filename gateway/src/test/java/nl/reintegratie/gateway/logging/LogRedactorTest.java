package nl.reintegratie.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogRedactorTest {

  @Test
  void elevenProofNumber_isRedactedAsBsn() {
    assertThat(LogRedactor.redact("lookup for 999993653 failed")).isEqualTo("lookup for [redacted-bsn] failed");
  }

  @Test
  void nineDigitsThatAreNoBsn_stay() {
    assertThat(LogRedactor.redact("took 123456780 ns")).isEqualTo("took 123456780 ns");
    assertThat(LogRedactor.isElevenProof("123456780")).isFalse();
  }

  @Test
  void jwtBearerPemSecretsAndEmails_areRedacted() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl";
    String line = "Authorization: Bearer abcdefghijklmnop token=" + jwt
        + " -----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----"
        + " client_secret=dev-only-abc123 mail fatima@example.org";

    String redacted = LogRedactor.redact(line);

    assertThat(redacted).doesNotContain("abcdefghijklmnop", "eyJ", "MC4CAQ", "dev-only-abc123", "fatima@");
  }

  @Test
  void encoder_writesOneJsonLinePerEventAndRedactsExceptionMessages() {
    RedactingJsonEncoder encoder = new RedactingJsonEncoder();
    Logger logger = new LoggerContext().getLogger("test");
    LoggingEvent event = new LoggingEvent("x", logger, Level.ERROR, "event=lookup-failed bsn={}",
        new IllegalStateException("no client with bsn 999993653"), new Object[] {"999993653"});

    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n").doesNotContain("999993653");
    assertThat(new io.vertx.core.json.JsonObject(line.trim()).getString("level")).isEqualTo("ERROR");
  }
}
