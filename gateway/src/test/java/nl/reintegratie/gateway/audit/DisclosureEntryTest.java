package nl.reintegratie.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Invariant 6 at the log's door: ids and codes only, no BSN, name or sentence, and no value in an error message. */
class DisclosureEntryTest {

  private static final Instant AT = Instant.parse("2026-11-24T10:15:30.123456Z");

  @Test
  void anEntryWithEveryField_keepsThemAndCutsTheTimeToMilliseconds() {
    DisclosureEntry entry = DisclosureEntry.of(DisclosureKind.GRANT, "grant:g-7", AT, "c-1", "gemeente-deventer")
        .byActor("f:keycloak:7c9e6679-7425-40de-944b-e07fc1f90ae7")
        .about(SubjectRef.grant("g-7"), SubjectRef.trajectory("t-1"), SubjectRef.document("d-3", 2))
        .withPurpose("reintegration")
        .withLegalBasis("participatiewet-art-67-lid-1-e")
        .withReason("necessity-stated");

    assertThat(entry.at()).isEqualTo(Instant.parse("2026-11-24T10:15:30.123Z"));
    assertThat(entry.subjects()).extracting(SubjectRef::code)
        .containsExactly("grant:g-7", "trajectory:t-1", "document:d-3:2");
    assertThat(SubjectRef.fromCode("document:d-3:2")).isEqualTo(SubjectRef.document("d-3", 2));
    assertThat(entry.sameActionAs(entry.withAt(AT.plusSeconds(5)))).isTrue();
    assertThat(entry.sameActionAs(entry.withReason("other-reason"))).isFalse();
  }

  @Test
  void aBsnOrAnyAllDigitId_isRefused_withoutQuotingIt() {
    assertThatThrownBy(() -> DisclosureEntry.of(DisclosureKind.GRANT, "e-1", AT, "999993653", "uwv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientId is not a valid id");
    assertThatThrownBy(() -> SubjectRef.trajectory("999-99-3653")).hasMessageNotContaining("999");
    assertThatThrownBy(() -> DisclosureEntry.of(DisclosureKind.GRANT, "e-1", AT, "c-1", "uwv").byActor("999993653"))
        .hasMessage("actorId is not a valid id");
  }

  @Test
  void namesAndSentences_doNotFitAnIdOrACode() {
    DisclosureEntry entry = DisclosureEntry.of(DisclosureKind.OBJECTION, "e-1", AT, "c-1", "uwv");

    assertThatThrownBy(() -> entry.byActor("Fatima El Amrani")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> entry.withReason("client has debts and an addiction"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason is not a valid code");
    assertThatThrownBy(() -> entry.withPurpose("Reintegration")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> entry.about(SubjectRef.clientItem("mijn verhaal")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DisclosureEntry.of(DisclosureKind.GRANT, "e-1", AT, "fatima@example.nl", "uwv"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kindsAndSubjectTypes_roundTripTheirCodes() {
    for (DisclosureKind kind : DisclosureKind.values()) {
      assertThat(DisclosureKind.fromCode(kind.code())).isEqualTo(kind);
    }
    assertThat(DisclosureKind.values()).extracting(DisclosureKind::code).containsExactly("grant", "revocation",
        "objection", "objection-decision", "release-fetch", "client-data-read");
    for (SubjectType type : SubjectType.values()) {
      assertThat(SubjectType.fromCode(type.code())).isEqualTo(type);
    }
  }
}
