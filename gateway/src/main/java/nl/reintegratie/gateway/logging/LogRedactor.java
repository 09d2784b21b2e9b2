package nl.reintegratie.gateway.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence for the rule that logs never hold a BSN, token, key, secret or
 * e-mail address. Code must not log them in the first place (it logs ids and codes, never
 * content); this catches what slips through, e.g. inside a third-party exception message.
 * Names cannot be recognised by pattern: the canary tests guard that they are never logged.
 */
public final class LogRedactor {

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN [A-Z0-9 ]+-----.*?(-----END [A-Z0-9 ]+-----|$)", Pattern.DOTALL);
  private static final Pattern JWT = Pattern.compile(
      "eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}");
  private static final Pattern SECRET_PARAM = Pattern.compile(
      "(?i)\\b(password|passwd|secret|client_secret|token|access_token|id_token|refresh_token|code|code_verifier|authorization|cookie|session)(\\s*[=:]\\s*\"?)[^\\s\",&;]+");
  private static final Pattern DEV_SECRET = Pattern.compile("dev-only-[A-Za-z0-9_-]+");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern NINE_DIGITS = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");

  private LogRedactor() {}

  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = PEM.matcher(text).replaceAll("[redacted-key]");
    out = JWT.matcher(out).replaceAll("[redacted-token]");
    out = BEARER.matcher(out).replaceAll("$1 [redacted]");
    out = SECRET_PARAM.matcher(out).replaceAll("$1$2[redacted]");
    out = DEV_SECRET.matcher(out).replaceAll("[redacted-secret]");
    out = EMAIL.matcher(out).replaceAll("[redacted-email]");
    return redactBsns(out);
  }

  /** Nine digits that pass the BSN eleven-test are treated as a BSN; other numbers stay. */
  private static String redactBsns(String text) {
    Matcher m = NINE_DIGITS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, isElevenProof(m.group()) ? "[redacted-bsn]" : m.group());
    }
    m.appendTail(out);
    return out.toString();
  }

  static boolean isElevenProof(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (9 - i) * (nineDigits.charAt(i) - '0');
    }
    sum -= nineDigits.charAt(8) - '0';
    return sum % 11 == 0;
  }
}
