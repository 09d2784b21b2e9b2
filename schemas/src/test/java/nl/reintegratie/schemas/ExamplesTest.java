package nl.reintegratie.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example through the catalog: a valid example has no violations; an invalid one has
 * exactly the violations (pointer and keyword) its {@code .expect.json} lists, no more, no fewer.
 */
class ExamplesTest {

  private static final SchemaCatalog CATALOG = SchemaCatalog.load();
  /** Only shared definitions: nothing to validate against, so no examples. */
  static final Set<String> LIBRARIES = Set.of("common");

  @TestFactory
  Stream<DynamicTest> validExamples_haveNoViolations() {
    return examples("valid").map(file -> dynamicTest(label(file), () -> {
      List<Violation> violations = CATALOG.validate(schemaOf(file), Resources.json(file));
      assertThat(violations).as(label(file)).isEmpty();
    }));
  }

  @TestFactory
  Stream<DynamicTest> invalidExamples_haveExactlyTheExpectedViolations() {
    return examples("invalid").map(file -> dynamicTest(label(file), () -> {
      Path expectFile = expectationOf(file);
      assertThat(expectFile).as("expectation of " + label(file)).exists();
      JsonObject expect = Resources.object(expectFile);
      Set<String> expected = expect.getJsonArray("violations").stream()
          .map(JsonObject.class::cast)
          .map(v -> v.getString("pointer") + " " + v.getString("keyword"))
          .collect(Collectors.toCollection(TreeSet::new));

      List<Violation> violations = CATALOG.validate(schemaOf(file), Resources.json(file));

      Set<String> actual = violations.stream().map(v -> v.pointer() + " " + v.keyword())
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(expected).as("an invalid example expects at least one violation").isNotEmpty();
      assertThat(expect.getString("why")).as("why " + label(file) + " is invalid").isNotBlank();
      assertThat(actual).as(label(file) + ": " + violations).isEqualTo(expected);
    }));
  }

  @Test
  void everySchema_hasValidAndInvalidExamples() {
    List<String> missing = new ArrayList<>();
    for (String name : CATALOG.names()) {
      if (LIBRARIES.contains(name)) {
        continue;
      }
      Path dir = Resources.examples().resolve(name);
      if (jsonFiles(dir.resolve("valid")).isEmpty()) {
        missing.add(name + "/valid");
      }
      if (jsonFiles(dir.resolve("invalid")).isEmpty()) {
        missing.add(name + "/invalid");
      }
    }
    assertThat(missing).as("schemas without examples").isEmpty();
  }

  @Test
  void everyExampleFolder_belongsToASchema_andHoldsOnlyExamples() {
    for (Path dir : Resources.list(Resources.examples())) {
      String name = dir.getFileName().toString();
      assertThat(CATALOG.contains(name)).as("examples/" + name + " names a schema").isTrue();
      assertThat(Resources.list(dir).stream().map(p -> p.getFileName().toString()))
          .as("examples/" + name).containsOnly("valid", "invalid");
      for (Path file : Resources.list(dir.resolve("valid"))) {
        assertThat(file.getFileName().toString()).endsWith(".json").doesNotEndWith(".expect.json");
      }
      for (Path file : Resources.list(dir.resolve("invalid"))) {
        String fileName = file.getFileName().toString();
        if (fileName.endsWith(".expect.json")) {
          Path example = file.resolveSibling(fileName.replace(".expect.json", ".json"));
          assertThat(example).as("example for " + fileName).exists();
        }
      }
    }
  }

  private static Stream<Path> examples(String kind) {
    return Resources.list(Resources.examples()).stream()
        .flatMap(dir -> jsonFiles(dir.resolve(kind)).stream());
  }

  private static List<Path> jsonFiles(Path dir) {
    return Resources.list(dir).stream()
        .filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expect.json"))
        .filter(Files::isRegularFile)
        .toList();
  }

  private static String schemaOf(Path example) {
    return example.getParent().getParent().getFileName().toString();
  }

  private static Path expectationOf(Path example) {
    String name = example.getFileName().toString();
    return example.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expect.json");
  }

  private static String label(Path example) {
    return Resources.examples().relativize(example).toString();
  }
}
