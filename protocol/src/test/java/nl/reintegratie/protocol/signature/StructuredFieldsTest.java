package nl.reintegratie.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RFC 8941 subset: what parses, what round-trips, and that everything else is MALFORMED. */
class StructuredFieldsTest {

  @Test
  void signatureInputDictionary_parsesInnerListsWithTypedParameters() {
    Map<String, StructuredFields.Member> dictionary = StructuredFields.parseDictionary(
        "sig1=(\"@method\" \"content-type\");created=1618884473;keyid=\"k\\\"1\";flag;t=sha-256;b=?0,  sig2=()");

    StructuredFields.InnerList sig1 = (StructuredFields.InnerList) dictionary.get("sig1");
    assertThat(sig1.items()).extracting(StructuredFields.Item::value).containsExactly("@method", "content-type");
    assertThat(sig1.params()).containsExactly(Map.entry("created", 1618884473L), Map.entry("keyid", "k\"1"),
        Map.entry("flag", true), Map.entry("t", new Token("sha-256")), Map.entry("b", false));
    assertThat(((StructuredFields.InnerList) dictionary.get("sig2")).items()).isEmpty();
  }

  @Test
  void signatureDictionary_parsesByteSequences() {
    StructuredFields.Item item = (StructuredFields.Item) StructuredFields.parseDictionary("sig1=:AQID:").get("sig1");

    assertThat((byte[]) item.value()).containsExactly(1, 2, 3);
  }

  @Test
  void serialisedParams_roundTrip() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("created", 1L);
    params.put("keyid", "a\\b\"c");
    params.put("alg", new Token("ed25519"));
    params.put("flag", true);
    String serialised = StructuredFields.serializeInnerList(List.of("@method", "date"), params);

    assertThat(serialised).isEqualTo("(\"@method\" \"date\");created=1;keyid=\"a\\\\b\\\"c\";alg=ed25519;flag");
    StructuredFields.InnerList parsed = (StructuredFields.InnerList) StructuredFields.parseDictionary("x=" + serialised)
        .get("x");
    assertThat(parsed.params()).isEqualTo(params);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "sig1=(\"@method\"", "sig1=(\"@method\")trailing", "Sig1=(\"a\")", "sig1=(\"a\"),", "sig1=(\"a\"\"b\")",
      "sig1=(\"a\");created=1.5", "sig1=(\"a\");created=1234567890123456", "sig1=(\"a\");n=1;n=2",
      "sig1=:AQID", "sig1=:AQ!D:", "sig1=\"unterminated", "sig1=\"bad\\escape\"", "sig1=(\"a\"), sig1=(\"b\")",
      "sig1=?2", "sig1=(\"a\");=1", "sig1=\"tab\there\""})
  void malformedInput_isMalformed(String field) {
    assertThatThrownBy(() -> StructuredFields.parseDictionary(field))
        .isInstanceOfSatisfying(SignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
  }

  @Test
  void emptyField_isAnEmptyDictionaryAsRfc8941Says() {
    assertThat(StructuredFields.parseDictionary("  ")).isEmpty();
  }

  @Test
  void componentWithParameters_isRefusedAsMalformed() {
    HttpMessage message = HttpMessage.request("GET", java.net.URI.create("https://a.example/"))
        .withHeader("Signature-Input", "sig1=(\"content-digest\";sf);created=1")
        .withHeader("Signature", "sig1=:AQID:");

    assertThatThrownBy(() -> ReceivedSignature.allOf(message))
        .isInstanceOfSatisfying(SignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
  }
}
