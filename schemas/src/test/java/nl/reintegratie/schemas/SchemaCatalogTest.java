package nl.reintegratie.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** How the catalog reports violations: where (JSON pointers), what, and all of them. */
class SchemaCatalogTest {

  private static final SchemaCatalog CATALOG = SchemaCatalog.load();

  private static JsonObject example(String schema, String name) {
    return Resources.object(Resources.examples().resolve(schema).resolve("valid").resolve(name + ".json"));
  }

  private static JsonObject placedSubmission() {
    return example("end-report-submission", "placed");
  }

  private static List<String> pointers(List<Violation> violations) {
    return violations.stream().map(v -> v.pointer() + " " + v.keyword()).toList();
  }

  @Test
  void missingProperty_isReportedAtWhereItShouldBe() {
    JsonObject body = placedSubmission();
    body.getJsonObject("content").remove("result");

    List<Violation> violations = CATALOG.validate("end-report-submission", body);

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/content/result");
      assertThat(v.keyword()).isEqualTo("required");
      assertThat(v.constraint()).isNull();
    });
  }

  @Test
  void unknownProperty_isReportedAtTheProperty() {
    JsonObject body = placedSubmission();
    body.getJsonObject("content").put("remarks", "x");

    assertThat(pointers(CATALOG.validate("end-report-submission", body)))
        .containsExactly("/content/remarks additionalProperties");
  }

  @Test
  void everyViolation_isReported_eachOnce() {
    JsonObject body = placedSubmission();
    JsonObject content = body.getJsonObject("content");
    content.put("ladderStepAtEnd", 9).put("endDate", "2026-02-30").put("extra", true).remove("advice");
    body.getJsonObject("properties").put("confidentiality", "geheim");

    assertThat(pointers(CATALOG.validate("end-report-submission", body))).containsExactlyInAnyOrder(
        "/properties/confidentiality enum",
        "/content/ladderStepAtEnd maximum",
        "/content/endDate format",
        "/content/extra additionalProperties",
        "/content/advice required");
  }

  @Test
  void aDeclaredPropertyWithAWrongValue_isNotAlsoCalledUnknown() {
    JsonObject body = placedSubmission();
    body.getJsonObject("content").put("result", "gelukt");

    assertThat(pointers(CATALOG.validate("end-report-submission", body)))
        .containsExactly("/content/result enum");
  }

  @Test
  void constraints_comeFromTheSchema() {
    JsonObject body = placedSubmission();
    body.getJsonObject("content").getJsonObject("advice").put("text", "a".repeat(20_001));
    body.getJsonObject("properties").put("transferability", "soms");

    List<Violation> violations = CATALOG.validate("end-report-submission", body);

    assertThat(violations).extracting(Violation::pointer, Violation::keyword, Violation::constraint)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("/properties/transferability", "enum",
                new JsonArray().add("always").add("with-justification").add("never")),
            org.assertj.core.groups.Tuple.tuple("/content/advice/text", "maxLength", 20_000));
  }

  @Test
  void pointers_areRfc6901_notUriFragments() {
    JsonObject body = example("contact-moment", "phone-call")
        .put("a/b~c", 1).put("naam met spatie", 2).put("straße", 3).put("%41", 4).put("a+b", 5);

    assertThat(CATALOG.validate("contact-moment", body)).extracting(Violation::pointer)
        .containsExactlyInAnyOrder("/a~1b~0c", "/naam met spatie", "/straße", "/%41", "/a+b");
  }

  @Test
  void aValueOfTheWrongKindAtTheTop_isReportedAtTheEmptyPointer() {
    assertThat(pointers(CATALOG.validate("trajectory", new JsonArray())))
        .containsExactly(" type");
    assertThat(pointers(CATALOG.validate("trajectory", null))).containsExactly(" type");
  }

  @Test
  void dateTimes_needATimeZone_andDatesMustExist() {
    JsonObject moment = example("contact-moment", "phone-call");
    assertThat(CATALOG.validate("contact-moment", moment.copy().put("dateTime", "2026-03-04T10:30:00Z"))).isEmpty();
    assertThat(CATALOG.validate("contact-moment", moment.copy().put("dateTime", "2026-03-04T10:30:00.123+01:00")))
        .isEmpty();
    for (String wrong : List.of("2026-03-04T10:30:00", "2026-03-04 10:30:00+01:00", "2026-03-04T25:30:00+01:00",
        "2026-03-04T10:30:00+0100", "2026-03-04")) {
      assertThat(pointers(CATALOG.validate("contact-moment", moment.copy().put("dateTime", wrong))))
          .as(wrong).containsExactly("/dateTime format");
    }
    JsonObject entry = example("logbook-entry", "without-tags");
    assertThat(CATALOG.validate("logbook-entry", entry.copy().put("date", "2028-02-29"))).isEmpty();
    assertThat(pointers(CATALOG.validate("logbook-entry", entry.copy().put("date", "2026-02-29"))))
        .containsExactly("/date format");
  }

  @Test
  void messages_neverRepeatTheValue() {
    JsonObject body = example("trajectory", "first-chance-paid-work")
        .put("clientId", "999993653").put("sequenceNumber", 999993653).put("regime", "999993653");

    List<Violation> violations = CATALOG.validate("trajectory", body);

    assertThat(violations).hasSize(3);
    assertThat(violations).allSatisfy(v -> assertThat(v.message()).doesNotContain("999993653"));
  }

  @Test
  void validation_leavesTheValueAsItWas() {
    JsonObject body = placedSubmission();
    body.getJsonObject("content").put("extra", new JsonObject().put("x", 1));
    JsonObject before = body.copy();

    CATALOG.validate("end-report-submission", body);

    assertThat(body).isEqualTo(before);
  }

  @Test
  void unknownSchemaName_isRefused() {
    assertThatThrownBy(() -> CATALOG.validate("no-such-schema", new JsonObject()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-schema");
    assertThat(CATALOG.contains("end-report")).isTrue();
    assertThat(CATALOG.contains("no-such-schema")).isFalse();
  }

  @Test
  void schemaCopies_cannotChangeTheCatalog() {
    CATALOG.schema("contact-moment").getJsonObject("properties").remove("channel");

    assertThat(CATALOG.schema("contact-moment").getJsonObject("properties").containsKey("channel")).isTrue();
  }

  @Test
  void hugeBodies_takeLinearTime() {
    // each is about what fits in the gateway's 1 MiB body limit; quadratic work would take minutes
    JsonObject unknownFields = example("contact-moment", "phone-call");
    for (int i = 0; i < 100_000; i++) {
      unknownFields.put("u" + i, i);
    }
    JsonArray tags = new JsonArray();
    for (int i = 0; i < 150_000; i++) {
      tags.add("t" + i);
    }
    JsonObject manyTags = example("logbook-entry", "without-tags").put("tags", tags);
    JsonArray activities = new JsonArray();
    for (int i = 0; i < 100_000; i++) {
      activities.add(new JsonObject().put("x", i));
    }
    JsonObject manyActivities = example("plan-of-approach", "job-hunting").put("activities", activities);

    long start = System.nanoTime();
    List<Violation> unknown = CATALOG.validate("contact-moment", unknownFields);
    List<Violation> tooManyTags = CATALOG.validate("logbook-entry", manyTags);
    List<Violation> tooManyActivities = CATALOG.validate("plan-of-approach", manyActivities);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(unknown).hasSize(100_000);
    assertThat(pointers(tooManyTags)).containsExactly("/tags maxItems");
    assertThat(pointers(tooManyActivities)).contains("/activities maxItems", "/activities/999/description required",
        "/activities/999/x additionalProperties");
    assertThat(manyActivities.getJsonArray("activities")).hasSize(100_000); // cut a copy, not the caller's value
    assertThat(millis).as("milliseconds for three huge bodies").isLessThan(10_000);
  }

  @Test
  void concurrentValidation_givesTheSameAnswersAsOneThread() throws Exception {
    List<String> schemas = new ArrayList<>();
    List<Object> bodies = new ArrayList<>();
    List<List<Violation>> expected = new ArrayList<>();
    for (Path dir : Resources.list(Resources.examples())) {
      for (Path file : Resources.list(dir.resolve("invalid"))) {
        if (!file.toString().endsWith(".expect.json")) {
          schemas.add(dir.getFileName().toString());
          bodies.add(Resources.json(file));
          expected.add(CATALOG.validate(schemas.get(schemas.size() - 1), bodies.get(bodies.size() - 1)));
        }
      }
    }
    SchemaCatalog fresh = SchemaCatalog.load(); // no thread has used it yet: all start at once
    List<Callable<List<Violation>>> work = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < bodies.size(); i++) {
        String schema = schemas.get(i);
        Object body = bodies.get(i);
        work.add(() -> fresh.validate(schema, body));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Violation>>> results = pool.invokeAll(work);
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(expected.get(i % bodies.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
