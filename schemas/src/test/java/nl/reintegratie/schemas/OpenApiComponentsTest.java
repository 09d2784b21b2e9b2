package nl.reintegratie.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document carries every schema of this module under {@code components.schemas}, so
 * providers find the bodies in the contract itself. They are copies, converted mechanically:
 * {@code end-report} becomes {@code EndReport}, a shared definition such as
 * {@code common#/$defs/ladderStep} becomes {@code LadderStep}, another file's definition such as
 * {@code end-report#/$defs/placement} becomes {@code EndReportPlacement}, and every {@code $ref}
 * points at {@code #/components/schemas/...}. This test fails when a copy differs from its schema
 * file; it then writes the up-to-date components to {@code target/openapi-components.json} to
 * paste over the old ones.
 */
class OpenApiComponentsTest {

  private static final String REF_PREFIX = "#/components/schemas/";

  @Test
  void openApiComponents_matchTheSchemaFiles() throws IOException {
    SchemaCatalog catalog = SchemaCatalog.load();
    Map<String, JsonObject> expected = components(catalog);
    JsonObject document = Resources.object(Resources.dir("openapi").resolve("openapi.json"));
    JsonObject actual = document.getJsonObject("components").getJsonObject("schemas");

    List<String> differing = new ArrayList<>();
    expected.forEach((name, schema) -> {
      if (!schema.equals(actual.getJsonObject(name))) {
        differing.add(name);
      }
    });
    if (!differing.isEmpty()) {
      JsonObject all = new JsonObject();
      expected.forEach(all::put);
      Path out = Path.of("target", "openapi-components.json");
      Files.writeString(out, all.encodePrettily(), StandardCharsets.UTF_8);
    }
    assertThat(differing).as("components.schemas out of date with the schema files; the current ones are in "
        + "schemas/target/openapi-components.json").isEmpty();
  }

  @Test
  void theInvalidBodyProblem_isDocumented() {
    JsonObject document = Resources.object(Resources.dir("openapi").resolve("openapi.json"));
    JsonObject problem = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("InvalidBodyProblem");

    assertThat(problem.getJsonObject("properties").fieldNames())
        .contains("type", "title", "status", "detail", "instance", "errors");
    JsonObject error = problem.getJsonObject("properties").getJsonObject("errors").getJsonObject("items");
    assertThat(error.getJsonArray("required")).containsExactly("pointer", "detail");
  }

  /** Every schema file and every definition, converted, keyed by component name. */
  static Map<String, JsonObject> components(SchemaCatalog catalog) {
    Map<String, JsonObject> components = new LinkedHashMap<>();
    for (String file : catalog.names()) {
      JsonObject schema = catalog.schema(file);
      JsonObject defs = schema.getJsonObject("$defs", new JsonObject());
      for (String def : defs.fieldNames()) {
        components.put(componentName(file, def), (JsonObject) convert(file, defs.getJsonObject(def)));
      }
      if (!ExamplesTest.LIBRARIES.contains(file)) {
        JsonObject body = (JsonObject) convert(file, schema);
        body.remove("$schema");
        body.remove("$id");
        body.remove("$defs");
        components.put(componentName(file, null), body);
      }
    }
    return components;
  }

  private static Object convert(String file, Object node) {
    if (node instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      object.forEach(entry -> copy.put(entry.getKey(), "$ref".equals(entry.getKey())
          ? ref(file, (String) entry.getValue()) : convert(file, entry.getValue())));
      return copy;
    }
    if (node instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(convert(file, item)));
      return copy;
    }
    return node;
  }

  private static String ref(String file, String ref) {
    int hash = ref.indexOf('#');
    String document = hash < 0 ? ref : ref.substring(0, hash);
    String target = document.isEmpty() ? file : document.substring(SchemaCatalog.ID_PREFIX.length());
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    if (pointer.isEmpty()) {
      return REF_PREFIX + componentName(target, null);
    }
    if (!pointer.startsWith("/$defs/") || pointer.indexOf('/', "/$defs/".length()) >= 0) {
      throw new IllegalStateException("cannot convert $ref " + ref + " in " + file);
    }
    return REF_PREFIX + componentName(target, pointer.substring("/$defs/".length()));
  }

  /** {@code end-report} to {@code EndReport}; {@code (common, ladderStep)} to {@code LadderStep}. */
  static String componentName(String file, String def) {
    StringBuilder name = new StringBuilder();
    if (def == null || !ExamplesTest.LIBRARIES.contains(file)) {
      for (String part : file.split("-")) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    if (def != null) {
      name.append(Character.toUpperCase(def.charAt(0))).append(def.substring(1));
    }
    return name.toString();
  }
}
