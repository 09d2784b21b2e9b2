package nl.reintegratie.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.reintegratie.gateway.dossier.DocumentType;
import nl.reintegratie.gateway.transfer.LegalBasis;
import nl.reintegratie.gateway.transfer.GrantReasons;
import org.junit.jupiter.api.Test;

/** The words a client reads: every element the law asks for, in Dutch and English, with Dutch dates. */
class NoticeTextTest {

  static final Instant NOTICE = Instant.parse("2026-09-01T08:00:00Z"); // 10:00 in Dutch summer time
  static final SharedData MUNICIPALITY = new SharedData(LegalBasis.PARTICIPATIEWET_ART_67,
      "Kansrijk Werk & Talent B.V.", Optional.of("Werkpad Re-integratie B.V."), List.of(
      new SharedData.Part(DocumentType.END_REPORT, false),
      new SharedData.Part(DocumentType.PROGRESS_REPORT, false),
      new SharedData.Part(DocumentType.PROGRESS_REPORT, false)));
  static final GrantReasons REASONS = new GrantReasons("  Zodat de nieuwe coach niet opnieuw begint. ",
      Map.of(), Optional.empty());

  @Test
  void aGrantWithWaitingPeriod_saysWhatToWhomWhyOnWhichBasis_whenAndHowToObject() {
    Instant from = NOTICE.plus(Duration.ofDays(7));
    NoticeText text = NoticeText.granted(MUNICIPALITY, REASONS, NOTICE, from, from.plus(Duration.ofDays(30)));

    NoticeText.Message dutch = text.in("nl");
    assertThat(dutch.title()).isEqualTo("Je gegevens gaan naar Kansrijk Werk & Talent B.V.");
    assertThat(dutch.paragraphs()).containsExactly(
        "De gemeente geeft een deel van je re-integratiedossier aan Kansrijk Werk & Talent B.V. Dat is de "
            + "organisatie van je nieuwe re-integratietraject.",
        "Het gaat om de eindrapportage en 2 voortgangsrapportages uit je vorige traject bij Werkpad Re-integratie "
            + "B.V.",
        "Waarom? De gemeente schreef: \u201CZodat de nieuwe coach niet opnieuw begint.\u201D",
        "Dit mag volgens de wet, ook zonder je toestemming: artikel 67 van de Participatiewet. Daarin staat dat de "
            + "gemeente gegevens mag geven aan een organisatie die je helpt om weer aan het werk te gaan. Maar alleen "
            + "de gegevens die daarvoor nodig zijn.",
        "Kansrijk Werk & Talent B.V. kan de gegevens ophalen van 8 september 2026 om 10:00 tot 8 oktober 2026 om "
            + "10:00.",
        "Ben je het hier niet mee eens? Maak dan bezwaar in het portaal, het liefst vóór 8 september 2026 om 10:00. "
            + "Zolang de gemeente nog niet over je bezwaar heeft beslist, kan Kansrijk Werk & Talent B.V. de "
            + "gegevens niet ophalen.");
    NoticeText.Message english = text.in("en");
    assertThat(english.title()).isEqualTo("Your data goes to Kansrijk Werk & Talent B.V.");
    assertThat(english.plainText())
        .contains("the end report and 2 progress reports from your previous trajectory with Werkpad")
        .contains("article 67 of the Participation Act")
        .contains("from 8 September 2026 at 10:00 (Dutch time) until 8 October 2026 at 10:00 (Dutch time)")
        .contains("object in the portal, preferably before 8 September 2026 at 10:00 (Dutch time)");
    assertThat(text.in("de")).isEqualTo(dutch);
  }

  @Test
  void uwvWithoutWaitingPeriod_withHealthData_namesUwvSuwiAndTheHealthReason() {
    SharedData uwv = new SharedData(LegalBasis.WET_SUWI_ART_73, "Kansrijk Werk & Talent B.V.", Optional.empty(),
        List.of(new SharedData.Part(DocumentType.ATTACHMENT, true), new SharedData.Part(DocumentType.OWN_ACCOUNT,
            false)));
    NoticeText text = NoticeText.granted(uwv, new GrantReasons("De coach moet weten wat eerder werkte.", Map.of(),
        Optional.of("Alleen zo kan de coach passend werk zoeken.")), NOTICE, NOTICE, NOTICE.plus(Duration.ofDays(1)));

    assertThat(text.dutch().paragraphs()).contains(
        "UWV geeft een deel van je re-integratiedossier aan Kansrijk Werk & Talent B.V. Dat is de organisatie van "
            + "je nieuwe re-integratietraject.",
        "Het gaat om een bijlage en je eigen verhaal uit je vorige traject.",
        "Daarbij zijn ook gegevens over je gezondheid. De reden daarvoor: \u201CAlleen zo kan de coach passend werk "
            + "zoeken.\u201D",
        "Kansrijk Werk & Talent B.V. kan de gegevens ophalen vanaf nu tot 2 september 2026 om 10:00.",
        "Ben je het hier niet mee eens? Maak dan bezwaar in het portaal. Zolang UWV nog niet over je bezwaar heeft "
            + "beslist, kan Kansrijk Werk & Talent B.V. de gegevens niet ophalen.");
    assertThat(text.dutch().plainText()).contains("artikel 73 van de Wet SUWI");
    assertThat(text.english().plainText()).contains("article 73 of the Work and Income")
        .contains("This includes data about your health.");
  }

  @Test
  void aRevocation_saysWhatNoLongerGoesToWhom_andSinceWhen() {
    NoticeText text = NoticeText.revoked(MUNICIPALITY, Instant.parse("2026-12-01T13:30:00Z"));

    assertThat(text.dutch().title()).isEqualTo("Kansrijk Werk & Talent B.V. krijgt je gegevens niet meer");
    assertThat(text.dutch().paragraphs()).containsExactly(
        "De gemeente heeft besloten dat Kansrijk Werk & Talent B.V. je gegevens toch niet krijgt.",
        "Het ging om de eindrapportage en 2 voortgangsrapportages uit je vorige traject bij Werkpad Re-integratie "
            + "B.V.",
        "Sinds 1 december 2026 om 14:30 kan Kansrijk Werk & Talent B.V. deze gegevens niet meer ophalen.");
    assertThat(text.english().title()).isEqualTo("Kansrijk Werk & Talent B.V. no longer receives your data");
  }

  @Test
  void anObjectionDecision_upheldOrRejected_carriesTheOfficersReasons() {
    Instant decided = Instant.parse("2026-09-03T08:00:00Z");
    NoticeText upheld = NoticeText.objectionDecided(MUNICIPALITY, true, "U heeft gelijk: het verslag is oud.",
        decided, Optional.of(NOTICE.plus(Duration.ofDays(7))), Optional.of(NOTICE.plus(Duration.ofDays(37))));
    NoticeText rejected = NoticeText.objectionDecided(MUNICIPALITY, false, "De coach heeft dit echt nodig.",
        decided, Optional.of(NOTICE), Optional.of(NOTICE.plus(Duration.ofDays(30))));

    assertThat(upheld.dutch().title()).isEqualTo("Je bezwaar: je krijgt gelijk");
    assertThat(upheld.dutch().paragraphs()).containsExactly(
        "Je maakte bezwaar tegen het delen van de eindrapportage en 2 voortgangsrapportages uit je vorige traject "
            + "bij Werkpad Re-integratie B.V. met Kansrijk Werk & Talent B.V. De gemeente geeft je gelijk.",
        "De uitleg van de gemeente: \u201CU heeft gelijk: het verslag is oud.\u201D",
        "Daarom krijgt Kansrijk Werk & Talent B.V. deze gegevens niet. Sinds 3 september 2026 om 10:00 kan Kansrijk "
            + "Werk & Talent B.V. ze niet meer ophalen.");
    assertThat(rejected.dutch().title()).isEqualTo("Je bezwaar is afgewezen");
    assertThat(rejected.dutch().paragraphs()).contains(
        "De uitleg van de gemeente: \u201CDe coach heeft dit echt nodig.\u201D",
        "Kansrijk Werk & Talent B.V. kan de gegevens nu ophalen, tot 1 oktober 2026 om 10:00.");
    assertThat(rejected.english().title()).isEqualTo("Your objection was rejected");
    assertThat(rejected.english().plainText()).contains("has rejected your objection")
        .contains("The explanation of the municipality: \u201CDe coach heeft dit echt nodig.\u201D");
  }

  @Test
  void theSealedForm_readsBackEqual_andRefusesAnythingElse() {
    NoticeText text = NoticeText.revoked(MUNICIPALITY, NOTICE);

    assertThat(NoticeText.fromBytes(text.toBytes())).isEqualTo(text);
    assertThatThrownBy(() -> NoticeText.fromBytes("{\"nl\":{}}".getBytes()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(text.toString()).doesNotContain("Kansrijk");
    assertThat(text.dutch().toString()).doesNotContain("Kansrijk");
  }
}
