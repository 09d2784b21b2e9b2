package nl.reintegratie.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema files themselves: each is a valid draft 2020-12 schema with the right {@code $id},
 * every {@code $ref} resolves, and the project's conventions hold everywhere (unknown fields
 * refused, every string and array bounded, lowerCamelCase names, kebab-case codes, dates as
 * {@code format: date}).
 */
class SchemaFilesTest {

  private static final String META = Draft.DRAFT202012.getIdentifier();
  /** Every keyword of draft 2020-12 that a schema here may use; anything else is a typo. */
  private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$ref", "$defs", "$comment",
      "$anchor", "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly",
      "type", "enum", "const", "properties", "required", "additionalProperties", "minProperties",
      "maxProperties", "items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains",
      "minLength", "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
      "exclusiveMaximum", "multipleOf", "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
      "dependentRequired");
  private static final Set<String> SCHEMA_MAPS = Set.of("properties", "$defs");
  private static final Set<String> SCHEMA_VALUES = Set.of("items", "additionalProperties", "if", "then",
      "else", "not", "contains");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
  private static final Pattern LOWER_CAMEL = Pattern.compile("^[a-z][a-zA-Z0-9]*$");
  /** Codes are lower kebab-case; media types ({@code application/pdf}) keep their own form. */
  private static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9.+-]+)?$");

  private static SchemaCatalog catalog;
  private static Validator metaSchema;

  @BeforeAll
  static void load() {
    catalog = SchemaCatalog.load();
    SchemaRepository repository = SchemaRepository.create(new JsonSchemaOptions()
        .setDraft(Draft.DRAFT202012).setOutputFormat(OutputFormat.Basic).setBaseUri("https://json-schema.org/"));
    // the meta-schemas ship inside vertx-json-schema, so this needs no network
    for (String id : List.of("schema", "meta/core", "meta/applicator", "meta/unevaluated", "meta/validation",
        "meta/meta-data", "meta/format-annotation", "meta/content")) {
      repository.dereference(JsonSchema.of(new JsonObject(classpath("json-schema.org/draft/2020-12/" + id))));
    }
    metaSchema = repository.validator(META);
  }

  @Test
  void index_listsExactlyTheSchemaFiles() {
    List<String> files = Resources.list(Resources.schemas()).stream()
        .map(p -> p.getFileName().toString())
        .filter(n -> n.endsWith(SchemaCatalog.SUFFIX))
        .map(n -> n.substring(0, n.length() - SchemaCatalog.SUFFIX.length()))
        .toList();
    assertThat(catalog.names()).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void everySchema_isValidDraft202012_withItsOwnId() {
    for (String name : catalog.names()) {
      JsonObject schema = catalog.schema(name);
      assertThat(schema.getString("$schema")).as(name).isEqualTo(META);
      assertThat(schema.getString("$id")).as(name).isEqualTo(SchemaCatalog.ID_PREFIX + name);
      assertThat(schema.getString("title")).as(name + " title").isNotBlank();
      assertThat(schema.getString("description")).as(name + " description").isNotBlank();
      OutputUnit result = metaSchema.validate(schema);
      assertThat(result.getValid()).as(name + " against the 2020-12 meta-schema: " + result.getErrors()).isTrue();
    }
  }

  @Test
  void metaSchemaCheck_catchesABrokenSchema() {
    JsonObject broken = new JsonObject().put("$schema", META).put("type", "strnig").put("maxLength", -1);
    assertThat(metaSchema.validate(broken).getValid()).isFalse();
  }

  @Test
  void everyRef_resolves() {
    List<String> broken = new ArrayList<>();
    forEachSchema((where, node) -> {
      String ref = node.getString("$ref");
      if (ref == null) {
        return;
      }
      int hash = ref.indexOf('#');
      String document = hash < 0 ? ref : ref.substring(0, hash);
      String pointer = hash < 0 ? "" : ref.substring(hash + 1);
      String name = document.isEmpty() ? where.substring(0, where.indexOf('#'))
          : document.startsWith(SchemaCatalog.ID_PREFIX) ? document.substring(SchemaCatalog.ID_PREFIX.length()) : null;
      if (name == null || !catalog.contains(name)
          || JsonPointer.from(pointer).queryJson(catalog.schema(name)) == null) {
        broken.add(where + " -> " + ref);
      }
    });
    assertThat(broken).as("unresolvable $ref").isEmpty();
  }

  @Test
  void conventions_holdInEverySchema() {
    List<String> problems = new ArrayList<>();
    forEachSchema((where, node) -> {
      for (String key : node.fieldNames()) {
        if (!KEYWORDS.contains(key)) {
          problems.add(where + ": unknown keyword " + key);
        }
      }
      String type = node.getValue("type") instanceof String t ? t : null;
      if ("object".equals(type) && !Boolean.FALSE.equals(node.getValue("additionalProperties"))) {
        problems.add(where + ": object without additionalProperties: false");
      }
      if ("string".equals(type) && !node.containsKey("maxLength") && !node.containsKey("enum")
          && !node.containsKey("const")) {
        problems.add(where + ": string without maxLength");
      }
      if ("array".equals(type) && !node.containsKey("maxItems")) {
        problems.add(where + ": array without maxItems");
      }
      if (node.getValue("maxItems") instanceof Number max && max.intValue() >= LongArrays.LIMIT) {
        problems.add(where + ": maxItems must stay below " + LongArrays.LIMIT + ", where validation cuts arrays");
      }
      if (node.getValue("enum") instanceof JsonArray codes) {
        codes.forEach(code -> {
          if (!(code instanceof String s) || !CODE.matcher(s).matches()) {
            problems.add(where + ": enum value " + code + " is not lower kebab-case");
          }
        });
      }
      if (node.getValue("properties") instanceof JsonObject properties) {
        for (Map.Entry<String, Object> property : properties) {
          String name = property.getKey();
          if (!LOWER_CAMEL.matcher(name).matches()) {
            problems.add(where + ": property " + name + " is not lowerCamelCase");
          }
          if (!(property.getValue() instanceof JsonObject schema)) {
            continue; // false: "not allowed here"
          }
          String ref = schema.getString("$ref", "");
          if ((name.equals("date") || name.endsWith("Date")) && !ref.endsWith("common#/$defs/date")) {
            problems.add(where + ": " + name + " must be a common date (format: date)");
          }
          if (name.equals("dateTime") && !ref.endsWith("common#/$defs/dateTime")) {
            problems.add(where + ": " + name + " must be a common dateTime");
          }
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void sharedDates_areFormatDateAndDateTime() {
    JsonObject defs = catalog.schema("common").getJsonObject("$defs");
    assertThat(defs.getJsonObject("date").getString("format")).isEqualTo("date");
    assertThat(defs.getJsonObject("dateTime").getString("format")).isEqualTo("date-time");
  }

  /** Visits every (sub)schema of every file, with a readable location such as {@code end-report#/properties/result}. */
  private static void forEachSchema(BiConsumer<String, JsonObject> visitor) {
    for (String name : catalog.names()) {
      walk(name + "#", catalog.schema(name), visitor);
    }
  }

  private static void walk(String where, JsonObject node, BiConsumer<String, JsonObject> visitor) {
    visitor.accept(where, node);
    for (String key : node.fieldNames()) {
      Object value = node.getValue(key);
      if (SCHEMA_MAPS.contains(key) && value instanceof JsonObject map) {
        for (String sub : map.fieldNames()) {
          if (map.getValue(sub) instanceof JsonObject schema) {
            walk(where + "/" + key + "/" + sub, schema, visitor);
          }
        }
      } else if (SCHEMA_VALUES.contains(key) && value instanceof JsonObject schema) {
        walk(where + "/" + key, schema, visitor);
      } else if (SCHEMA_LISTS.contains(key) && value instanceof JsonArray list) {
        for (int i = 0; i < list.size(); i++) {
          if (list.getValue(i) instanceof JsonObject schema) {
            walk(where + "/" + key + "/" + i, schema, visitor);
          }
        }
      }
    }
  }

  private static Buffer classpath(String resource) {
    try (InputStream in = SchemaFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
