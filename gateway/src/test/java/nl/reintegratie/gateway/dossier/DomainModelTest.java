package nl.reintegratie.gateway.dossier;

import static nl.reintegratie.gateway.dossier.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DomainModelTest {

  static Stream<Class<? extends Enum<?>>> codedEnums() {
    return Stream.of(Regime.class, TrajectoryType.class, TrajectoryStatus.class, TrajectoryResult.class,
        Cause.class, DocumentType.class, Confidentiality.class, Transferability.class, AuthorRole.class,
        CorrectionReason.class, Goal.Kind.class, AttachmentRefusal.class, ReportBackProposal.class,
        ReportBackOutcome.class, FollowUpKind.class);
  }

  @ParameterizedTest
  @MethodSource("codedEnums")
  void everyCode_isUniqueLowerKebabCaseAndRoundTrips(Class<? extends Enum<?>> type) {
    Set<String> codes = new HashSet<>();
    for (Enum<?> constant : type.getEnumConstants()) {
      String code = ((Coded) constant).code();
      assertThat(code).matches("[a-z]+(-[a-z]+)*");
      assertThat(codes.add(code)).as("unique: " + code).isTrue();
      assertThat(fromCode(type, code)).isSameAs(constant);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object fromCode(Class type, String code) {
    return Coded.fromCode(type, code);
  }

  @Test
  void unknownCode_isRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> Coded.fromCode(Regime.class, "<script>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("<script>");
  }

  @Test
  void ladderSteps_areNumberedOneToSix() {
    assertThat(Arrays.stream(LadderStep.values()).map(LadderStep::number)).containsExactly(1, 2, 3, 4, 5, 6);
    assertThatThrownBy(() -> LadderStep.of(7)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void documentTypes_splitIntoProviderAndClientItems() {
    Set<DocumentType> clientItems = Arrays.stream(DocumentType.values())
        .filter(type -> type.writtenBy() == AuthorRole.CLIENT).collect(Collectors.toSet());

    assertThat(clientItems).containsExactlyInAnyOrder(DocumentType.LOGBOOK_ENTRY, DocumentType.PORTFOLIO_DOCUMENT,
        DocumentType.OWN_ACCOUNT);
  }

  @Test
  void defaultProperties_followTheDocumentType() {
    assertThat(DocumentProperties.defaultsFor(DocumentType.END_REPORT))
        .isEqualTo(new DocumentProperties(Confidentiality.STANDARD, true, Transferability.ALWAYS));
    assertThat(DocumentProperties.defaultsFor(DocumentType.CONTACT_MOMENT))
        .isEqualTo(new DocumentProperties(Confidentiality.STANDARD, true, Transferability.WITH_JUSTIFICATION));
    assertThat(DocumentProperties.healthAttachment())
        .isEqualTo(new DocumentProperties(Confidentiality.HEALTH, true, Transferability.WITH_JUSTIFICATION));
    assertThat(DocumentProperties.defaultsFor(DocumentType.LOGBOOK_ENTRY))
        .isEqualTo(new DocumentProperties(Confidentiality.STANDARD, true, Transferability.NEVER));
    assertThat(DocumentProperties.defaultsFor(DocumentType.OWN_ACCOUNT).withTransferability(Transferability.ALWAYS)
        .transferability()).isEqualTo(Transferability.ALWAYS);
  }

  @Test
  void healthDocumentTransferableAlways_isRefused() {
    assertThatThrownBy(() -> new DocumentProperties(Confidentiality.HEALTH, true, Transferability.ALWAYS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contentTypes_followTheDocumentType() {
    assertThat(DocumentType.END_REPORT.allowsContentType("application/json")).isTrue();
    assertThat(DocumentType.END_REPORT.allowsContentType("application/pdf")).isFalse();
    assertThat(DocumentType.ATTACHMENT.allowsContentType("image/png")).isTrue();
    assertThat(DocumentType.ATTACHMENT.allowsContentType("application/json")).isFalse();
    assertThat(DocumentType.ATTACHMENT.allowsContentType("text/html")).isFalse();
    assertThat(DocumentType.PORTFOLIO_DOCUMENT.allowsContentType("application/json")).isTrue();
    assertThat(DocumentType.PORTFOLIO_DOCUMENT.allowsContentType("image/jpeg")).isTrue();
  }

  @Test
  void clientRecord_copiesItsArraysInAndOut() {
    byte[] sealed = {1, 2, 3};
    ClientRecord client = ClientRecord.register(Fixtures.bsnHash(), sealed, new byte[] {9}, NOW);

    sealed[0] = 42;
    client.sealedPersonalData()[1] = 42;

    assertThat(client.sealedPersonalData()).containsExactly(1, 2, 3);
  }

  @Test
  void toString_showsNoBytesAndNoBsnHash() {
    String bsnHash = Fixtures.bsnHash();
    ClientRecord client = ClientRecord.register(bsnHash, new byte[] {77, 78}, new byte[] {79}, NOW);
    ClientKeyRecord key = new ClientKeyRecord(client.clientId(), 1, new byte[] {77, 78}, NOW);

    // the bytes in any of the forms a careless toString would show (the random id may contain "77" itself)
    String[] bytesShown = {"[77, 78]", "4d4e", "4D4E", "TU4"};
    assertThat(client.toString()).doesNotContain(bsnHash).doesNotContain(bytesShown).contains("2 bytes");
    assertThat(key.toString()).doesNotContain(bytesShown).contains("2 bytes");
  }

  @Test
  void records_withEqualBytes_areEqual() {
    ClientKeyRecord key = new ClientKeyRecord("c-1", 1, new byte[] {1, 2}, NOW);

    assertThat(key).isEqualTo(new ClientKeyRecord("c-1", 1, new byte[] {1, 2}, NOW))
        .hasSameHashCodeAs(new ClientKeyRecord("c-1", 1, new byte[] {1, 2}, NOW));
    assertThat(key).isNotEqualTo(new ClientKeyRecord("c-1", 1, new byte[] {1, 3}, NOW));
  }

  @Test
  void bsnOrNameWhereAHashOrIdBelongs_isRefused() {
    assertThatThrownBy(() -> ClientRecord.register("999993653", new byte[] {1}, new byte[] {1}, NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("999993653");
    assertThatThrownBy(() -> new ClientKeyRecord("999993653", 1, new byte[] {1}, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentHeader.first("t-1", "c-1", DocumentType.END_REPORT,
        DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json", 1, NOW, "Marieke Visser"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Marieke");
  }

  @Test
  void shreddedClient_hasNoBsnHashNorSealedData() {
    ClientRecord shredded = Fixtures.client().shredded(NOW);

    assertThat(shredded.bsnHash()).isEmpty();
    assertThat(shredded.sealedPersonalData()).isEmpty();
    assertThat(shredded.wrappedDataKey()).isEmpty();
    assertThat(shredded.shreddedAt()).contains(NOW);
    assertThatThrownBy(() -> new ClientRecord("c-1", Optional.empty(), new byte[] {1}, new byte[] {1},
        Optional.empty(), NOW, Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void instants_areKeptToTheMillisecond() {
    Instant precise = Instant.parse("2026-01-01T00:00:00.123456789Z");

    assertThat(new ClientKeyRecord("c-1", 1, new byte[] {1}, precise).createdAt())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
  }

  @Test
  void documentVersions_correctionSupersedesThePreviousVersion() {
    Trajectory trajectory = Fixtures.trajectory("c-1");
    DocumentHeader first = Fixtures.firstHeader(trajectory, DocumentType.PROGRESS_REPORT);
    DocumentHeader second = Fixtures.correctionOf(first);

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.documentId()).isEqualTo(first.documentId());
    assertThat(second.supersedes()).hasValue(1);
    assertThat(second.correctionReason()).contains(CorrectionReason.FACTUAL_ERROR);
    assertThatThrownBy(() -> new DocumentHeader(UUID.randomUUID().toString(), 2, "t-1", "c-1",
        DocumentType.END_REPORT, DocumentProperties.defaultsFor(DocumentType.END_REPORT), "application/json", 1, NOW,
        "org-1", OptionalInt.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clientItemHiddenFromClient_isRefused() {
    DocumentProperties hidden = new DocumentProperties(Confidentiality.STANDARD, false, Transferability.NEVER);

    assertThatThrownBy(() -> DocumentHeader.first("t-1", "c-1", DocumentType.LOGBOOK_ENTRY, hidden,
        "application/json", 1, NOW, "c-1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trajectory_movesFromPlannedThroughActiveToEnded() {
    Trajectory planned = Fixtures.trajectory("c-1");
    Trajectory active = planned.start(LocalDate.of(2026, 12, 2), Optional.of(LadderStep.SOCIAL_CONTACTS));
    Trajectory ended = active.reportedBack(reportBack("rb-1", ReportBackProposal.STOP))
        .end(LocalDate.of(2027, 3, 1), TrajectoryResult.ENDED_EARLY, List.of(Cause.ILLNESS, Cause.TOO_SHORT),
            Optional.of(LadderStep.ORGANISED_ACTIVITIES));

    assertThat(ended.status()).isEqualTo(TrajectoryStatus.ENDED);
    assertThat(ended.result()).contains(TrajectoryResult.ENDED_EARLY);
    assertThat(ended.version()).isEqualTo(1);
    assertThat(ended.pendingReportBack()).as("ended without deciding it").isPresent();
    assertThatThrownBy(() -> active.start(LocalDate.of(2026, 12, 3), Optional.empty()))
        .isInstanceOfSatisfying(TrajectoryStateException.class,
            e -> assertThat(e.reason()).isEqualTo(TrajectoryStateException.Reason.NOT_PLANNED));
    assertThatThrownBy(() -> ended.end(LocalDate.of(2027, 3, 2), TrajectoryResult.PLACED, List.of(),
        Optional.empty())).isInstanceOfSatisfying(TrajectoryStateException.class,
            e -> assertThat(e.reason()).isEqualTo(TrajectoryStateException.Reason.ALREADY_ENDED));
    assertThatThrownBy(() -> ended.reportBackDecided("rb-1", rejected())).isInstanceOf(TrajectoryStateException.class);
  }

  @Test
  void reportBack_isTakenOnceWhilePlannedOrActive_andWaitsForTheCommissioner() {
    Trajectory planned = Fixtures.trajectory("c-1");
    Trajectory reported = planned.reportedBack(reportBack("rb-1", ReportBackProposal.ADJUST));

    assertThat(reported.status()).isEqualTo(TrajectoryStatus.REPORTED_BACK);
    assertThat(reported.pendingReportBack().map(ReportBack::documentId)).contains("rb-1");
    assertThat(reported.reportedBack(reportBack("rb-1", ReportBackProposal.ADJUST))).isSameAs(reported);
    assertThat(reported.takesReportBack("rb-1")).isTrue();
    assertThat(reported.takesReportBack("rb-2")).isFalse();
    assertThatThrownBy(() -> reported.reportedBack(reportBack("rb-2", ReportBackProposal.STOP)))
        .isInstanceOfSatisfying(TrajectoryStateException.class,
            e -> assertThat(e.reason()).isEqualTo(TrajectoryStateException.Reason.REPORT_BACK_PENDING));
  }

  @Test
  void rejectingAReportBack_returnsTheTrajectoryToWhereItWas_andItCanReportBackAgain() {
    Trajectory active = Fixtures.trajectory("c-1").start(LocalDate.of(2026, 12, 2), Optional.empty());
    Trajectory planned = Fixtures.trajectory("c-1");

    Trajectory continued = active.reportedBack(reportBack("rb-1", ReportBackProposal.STOP))
        .reportBackDecided("rb-1", rejected());
    Trajectory stillPlanned = planned.reportedBack(reportBack("rb-1", ReportBackProposal.STOP))
        .reportBackDecided("rb-1", rejected());

    assertThat(continued.status()).isEqualTo(TrajectoryStatus.ACTIVE);
    assertThat(stillPlanned.status()).isEqualTo(TrajectoryStatus.PLANNED);
    assertThat(continued.pendingReportBack()).isEmpty();
    assertThatThrownBy(() -> continued.reportBackDecided("rb-1", rejected()))
        .isInstanceOfSatisfying(TrajectoryStateException.class,
            e -> assertThat(e.reason()).isEqualTo(TrajectoryStateException.Reason.REPORT_BACK_DECIDED));
    assertThatThrownBy(() -> continued.reportBackDecided("rb-9", rejected())).isInstanceOf(NotFoundException.class);
    assertThat(continued.reportedBack(reportBack("rb-2", ReportBackProposal.STOP)).status())
        .isEqualTo(TrajectoryStatus.REPORTED_BACK);
  }

  @Test
  void acceptingAReportBack_endsTheTrajectoryEarly_unlessItProposedToAdjust() {
    Trajectory active = Fixtures.trajectory("c-1").start(LocalDate.of(2026, 12, 2), Optional.empty());
    LocalDate decided = LocalDate.of(2027, 1, 20);

    Trajectory stopped = active.reportedBack(reportBack("rb-1", ReportBackProposal.OTHER_PROVIDER))
        .reportBackDecided("rb-1", accepted(decided));
    Trajectory adjusted = active.reportedBack(reportBack("rb-1", ReportBackProposal.ADJUST))
        .reportBackDecided("rb-1", accepted(decided));

    assertThat(stopped.status()).isEqualTo(TrajectoryStatus.ENDED);
    assertThat(stopped.result()).contains(TrajectoryResult.ENDED_EARLY);
    assertThat(stopped.actualEnd()).contains(decided);
    assertThat(stopped.causes()).containsExactly(Cause.NO_CLICK);
    assertThat(adjusted.status()).isEqualTo(TrajectoryStatus.ACTIVE);
    assertThat(adjusted.actualEnd()).isEmpty();
  }

  @Test
  void followUp_isDecidedOnceAndOnlyAfterTheEnd() {
    Trajectory planned = Fixtures.trajectory("c-1");
    Trajectory ended = planned.end(LocalDate.of(2027, 1, 5), TrajectoryResult.ENDED_WITHOUT_RESULT,
        List.of(Cause.MOTIVATION), Optional.empty());
    FollowUpDecision stop = new FollowUpDecision(FollowUpKind.REASONED_STOP, LocalDate.of(2027, 2, 1),
        LocalDate.of(2027, 2, 3), "officer-1", NOW, Optional.empty(), Optional.of(sealed()));

    Trajectory decided = ended.followUpDecided(stop);

    assertThat(decided.followUp()).contains(stop);
    assertThat(stop.onTime()).isFalse();
    assertThatThrownBy(() -> planned.followUpDecided(stop)).isInstanceOfSatisfying(TrajectoryStateException.class,
        e -> assertThat(e.reason()).isEqualTo(TrajectoryStateException.Reason.NOT_ENDED));
    assertThatThrownBy(() -> decided.followUpDecided(stop)).isInstanceOfSatisfying(TrajectoryStateException.class,
        e -> assertThat(e.reason()).isEqualTo(TrajectoryStateException.Reason.FOLLOW_UP_DECIDED));
  }

  @Test
  void decisions_carryWhatTheirKindNeeds() {
    assertThatThrownBy(() -> new ReportBackDecision(ReportBackOutcome.REJECTED, LocalDate.of(2027, 1, 1), "officer-1",
        NOW, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FollowUpDecision(FollowUpKind.NEW_TRAJECTORY, LocalDate.of(2027, 2, 1),
        LocalDate.of(2027, 1, 20), "officer-1", NOW, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FollowUpDecision(FollowUpKind.OTHER_SERVICE, LocalDate.of(2027, 2, 1),
        LocalDate.of(2027, 1, 20), "officer-1", NOW, Optional.of("t-2-abcdef"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FollowUpDecision(FollowUpKind.REASONED_STOP, LocalDate.of(2027, 2, 1),
        LocalDate.of(2027, 1, 20), "officer-1", NOW, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SealedText(new byte[] {65}, "Fatima".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .hasToString("SealedText[6 bytes]");
  }

  /** The request bodies' codes are parsed into these enums: a code the schema allows but the enum lacks would be a 500. */
  @Test
  void decisionCodes_areExactlyTheSchemasCodes() {
    nl.reintegratie.schemas.SchemaCatalog schemas = nl.reintegratie.schemas.SchemaCatalog.load();

    assertThat(codes(ReportBackProposal.class)).containsExactlyInAnyOrderElementsOf(
        schemaEnum(schemas, "report-back", "proposal"));
    assertThat(codes(ReportBackOutcome.class)).containsExactlyInAnyOrderElementsOf(
        schemaEnum(schemas, "report-back-decision", "decision"));
    assertThat(codes(FollowUpKind.class)).containsExactlyInAnyOrderElementsOf(
        schemaEnum(schemas, "follow-up-decision", "kind"));
    assertThat(codes(TrajectoryResult.class)).containsExactlyInAnyOrderElementsOf(
        schemaEnum(schemas, "trajectory-ending", "result"));
  }

  private static List<String> codes(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(constant -> ((Coded) constant).code()).toList();
  }

  private static List<String> schemaEnum(nl.reintegratie.schemas.SchemaCatalog schemas, String schema,
                                         String property) {
    return schemas.schema(schema).getJsonObject("properties").getJsonObject(property).getJsonArray("enum").stream()
        .map(String.class::cast).toList();
  }

  private static ReportBack reportBack(String documentId, ReportBackProposal proposal) {
    return ReportBack.received(documentId, Cause.NO_CLICK, proposal, LocalDate.of(2027, 1, 15), NOW);
  }

  private static ReportBackDecision rejected() {
    return new ReportBackDecision(ReportBackOutcome.REJECTED, LocalDate.of(2027, 1, 18), "officer-1", NOW,
        Optional.of(sealed()));
  }

  private static ReportBackDecision accepted(LocalDate on) {
    return new ReportBackDecision(ReportBackOutcome.ACCEPTED, on, "officer-1", NOW, Optional.empty());
  }

  private static SealedText sealed() {
    return new SealedText(Fixtures.randomBytes(60), Fixtures.randomBytes(40));
  }

  @Test
  void trajectoryWithDuplicateCauses_isRefused() {
    Trajectory active = Fixtures.trajectory("c-1").start(LocalDate.of(2026, 12, 2), Optional.empty());

    assertThatThrownBy(() -> active.end(LocalDate.of(2027, 1, 1), TrajectoryResult.ENDED_WITHOUT_RESULT,
        List.of(Cause.NO_CLICK, Cause.NO_CLICK), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
  }
}
