package nl.reintegratie.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which days a recorded statement covers, as the health data rule will ask it ({@link
 * ProviderOrganisation#attestsHealthDataOn}), and what cannot be recorded at all.
 */
class HealthDataAttestationTest {

  static final LocalDate SIGNED = LocalDate.parse("2026-03-02");
  static final LocalDate LAST_DAY = LocalDate.parse("2028-03-01");
  static final Instant RECORDED = Instant.parse("2026-03-03T08:15:00Z");
  static final ProviderOrganisation KANSRIJK =
      ProviderOrganisation.of("kansrijk", "Kansrijk Werk & Talent B.V.", "92345678", "00000003923456780000");

  static HealthDataAttestation attestation(LocalDate attestedOn, LocalDate validUntil, String reference) {
    return new HealthDataAttestation(attestedOn, validUntil, reference, "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
        RECORDED);
  }

  static ProviderOrganisation attested(HealthDataAttestation attestation) {
    return new ProviderOrganisation(KANSRIJK.id(), KANSRIJK.name(), KANSRIJK.kvkNumber(), KANSRIJK.oin(), true,
        Optional.empty(), Optional.of(attestation));
  }

  @Test
  void theStatementCovers_fromTheDayItWasSigned_throughItsLastDay_bothIncluded() {
    ProviderOrganisation organisation = attested(attestation(SIGNED, LAST_DAY, "KR-VGV-2026-001"));

    assertThat(organisation.attestsHealthDataOn(SIGNED.minusDays(1))).isFalse();
    assertThat(organisation.attestsHealthDataOn(SIGNED)).isTrue();
    assertThat(organisation.attestsHealthDataOn(LocalDate.parse("2027-06-15"))).isTrue();
    assertThat(organisation.attestsHealthDataOn(LAST_DAY)).isTrue();
    assertThat(organisation.attestsHealthDataOn(LAST_DAY.plusDays(1))).isFalse();
  }

  @Test
  void withoutAStatement_noDayIsCovered_andANewOrganisationHasNone() {
    assertThat(KANSRIJK.healthDataAttestation()).isEmpty();
    assertThat(KANSRIJK.attestsHealthDataOn(SIGNED)).isFalse();
    assertThat(KANSRIJK.attestsHealthDataOn(LocalDate.MIN)).isFalse();
    assertThat(KANSRIJK.attestsHealthDataOn(LocalDate.MAX)).isFalse();
  }

  @Test
  void anInactiveOrganisation_stillReportsItsStatement_becauseBeingActiveIsAnotherRule() {
    ProviderOrganisation inactive = new ProviderOrganisation(KANSRIJK.id(), KANSRIJK.name(), KANSRIJK.kvkNumber(),
        KANSRIJK.oin(), false, Optional.empty(), Optional.of(attestation(SIGNED, LAST_DAY, "KR-VGV-2026-001")));

    assertThat(inactive.attestsHealthDataOn(SIGNED)).isTrue();
  }

  @Test
  void aStatementOfExactlyThreeYears_isAccepted_aDayMoreIsNot() {
    LocalDate threeYears = SIGNED.plusYears(3);

    assertThat(attestation(SIGNED, threeYears, "KR-1").covers(threeYears)).isTrue();
    assertThatThrownBy(() -> attestation(SIGNED, threeYears.plusDays(1), "KR-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid validUntil");
  }

  @Test
  void aStatementThatEndsOnOrBeforeTheDayItWasSigned_isRefused() {
    assertThatThrownBy(() -> attestation(SIGNED, SIGNED, "KR-1")).hasMessage("invalid validUntil");
    assertThatThrownBy(() -> attestation(SIGNED, SIGNED.minusDays(1), "KR-1")).hasMessage("invalid validUntil");
    assertThat(attestation(SIGNED, SIGNED.plusDays(1), "KR-1").covers(SIGNED.plusDays(1))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "999993653", "signed by the director", "KR/2026/1", "-KR-1", "KR-1\n",
      "K1234567890123456789012345678901234567890123456789012345678901234"})
  void aReferenceThatIsNoShortCode_isRefused(String reference) {
    assertThatThrownBy(() -> attestation(SIGNED, LAST_DAY, reference))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid reference");
  }

  @ParameterizedTest
  @ValueSource(strings = {"KR-VGV-2026-001", "WP.VGV_2026.17", "A", "2026-001"})
  void shortCodes_areReferences(String reference) {
    assertThat(attestation(SIGNED, LAST_DAY, reference).reference()).isEqualTo(reference);
  }

  @Test
  void whoRecordedIt_isOneTokenWithoutSpaces() {
    assertThatThrownBy(() -> new HealthDataAttestation(SIGNED, LAST_DAY, "KR-1", "Anouk Smit", RECORDED))
        .hasMessage("invalid recordedBy");
    assertThat(new HealthDataAttestation(SIGNED, LAST_DAY, "KR-1", HealthDataAttestation.FROM_PROVIDER_FOLDER,
        RECORDED).recordedBy()).isEqualTo("provider-folder");
  }
}
