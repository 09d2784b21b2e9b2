package nl.reintegratie.schemas;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every JSON Schema of the project, loaded once from the classpath, and validation of a JSON
 * value against one of them by name ({@code end-report}, {@code end-report-submission}, ...).
 *
 * <p>The names are listed in {@code schemas/index.json}; schema {@code <name>} is the file
 * {@code schemas/<name>.schema.json} with {@code $id} {@code urn:nl-reintegratie:schema:<name>}
 * (draft 2020-12). Schemas refer to each other by that id, never by a location.
 *
 * <p>Thread-safe. The validator library caches wrapper objects inside the schema trees while it
 * validates, so a schema tree must not be shared between threads: each thread that validates gets
 * its own copy of the trees (built on first use, a few milliseconds; a gateway has a handful of
 * threads).
 */
public final class SchemaCatalog {

  /** Prefix of every schema's {@code $id}; the rest is the schema's name. */
  public static final String ID_PREFIX = "urn:nl-reintegratie:schema:";
  static final String DIRECTORY = "schemas/";
  static final String INDEX = DIRECTORY + "index.json";
  static final String SUFFIX = ".schema.json";

  private final Map<String, JsonObject> schemas;
  private final ViolationCollector collector;
  private final ThreadLocal<PerThread> perThread;

  private SchemaCatalog(Map<String, JsonObject> schemas) {
    this.schemas = Collections.unmodifiableMap(schemas);
    this.collector = new ViolationCollector(this::constraintAt);
    this.perThread = ThreadLocal.withInitial(this::newPerThread);
    // build once now, so a broken schema fails at start-up rather than on a first request
    newPerThread();
  }

  /**
   * Reads every schema listed in the index from this module's classpath.
   *
   * @throws IllegalStateException when a file is missing, is not JSON, or has a wrong
   *     {@code $id} or {@code $schema}
   */
  public static SchemaCatalog load() {
    ClassLoader loader = SchemaCatalog.class.getClassLoader();
    Map<String, JsonObject> schemas = new LinkedHashMap<>();
    for (Object entry : new JsonArray(read(loader, INDEX))) {
      String name = (String) entry;
      JsonObject schema = new JsonObject(read(loader, DIRECTORY + name + SUFFIX));
      if (!(ID_PREFIX + name).equals(schema.getString("$id"))) {
        throw new IllegalStateException("schema " + name + " must have $id " + ID_PREFIX + name);
      }
      if (!Draft.DRAFT202012.getIdentifier().equals(schema.getString("$schema"))) {
        throw new IllegalStateException("schema " + name + " must declare $schema "
            + Draft.DRAFT202012.getIdentifier());
      }
      schemas.put(name, schema);
    }
    return new SchemaCatalog(schemas);
  }

  /** The names of all schemas, in index order. */
  public Set<String> names() {
    return schemas.keySet();
  }

  /** Whether a schema of this name exists. */
  public boolean contains(String name) {
    return schemas.containsKey(name);
  }

  /** A copy of the schema document, e.g. to publish it. */
  public JsonObject schema(String name) {
    return require(name).copy();
  }

  /**
   * Validates a JSON value against the named schema and reports every violation, not only the
   * first.
   *
   * @param json a parsed JSON value: {@link JsonObject}, {@link JsonArray}, {@link String},
   *     {@link Number}, {@link Boolean} or {@code null}. It is not changed
   * @return the violations in schema order, each value and keyword once; empty when valid. An
   *     array longer than any schema allows is reported as too long, and only its first 1,000
   *     items are checked
   * @throws IllegalArgumentException when there is no schema of this name
   */
  public List<Violation> validate(String name, Object json) {
    require(name);
    return collector.collect(perThread.get().validator(name).validate(LongArrays.cut(json)));
  }

  private JsonObject require(String name) {
    JsonObject schema = schemas.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("no schema named '" + name + "'");
    }
    return schema;
  }

  private PerThread newPerThread() {
    SchemaRepository repository = SchemaRepository.create(new JsonSchemaOptions()
        .setDraft(Draft.DRAFT202012)
        .setOutputFormat(OutputFormat.Basic)
        .setBaseUri(ID_PREFIX), new StrictFormats());
    schemas.values().forEach(schema -> repository.dereference(JsonSchema.of(schema.copy())));
    return new PerThread(repository, new HashMap<>());
  }

  /**
   * The value of the keyword at an absolute keyword location, read from the pristine copy. The
   * validator writes these locations as {@code urn:nl-reintegratie:schema:common#/$defs/text/maxLength},
   * or, below a {@code $ref} to a whole schema, as
   * {@code urn:nl-reintegratie:schema:end-report/properties/result/enum}: both are understood.
   */
  private Object constraintAt(String absoluteKeywordLocation) {
    if (!absoluteKeywordLocation.startsWith(ID_PREFIX)) {
      return null;
    }
    String rest = absoluteKeywordLocation.substring(ID_PREFIX.length());
    int end = 0;
    while (end < rest.length() && rest.charAt(end) != '#' && rest.charAt(end) != '/') {
      end++;
    }
    JsonObject schema = schemas.get(rest.substring(0, end));
    if (schema == null) {
      return null;
    }
    String pointer = rest.substring(end).startsWith("#") ? rest.substring(end + 1) : rest.substring(end);
    try {
      Object value = JsonPointer.from(ViolationCollector.percentDecode(pointer)).queryJson(schema);
      return value instanceof JsonObject || value instanceof JsonArray ? copy(value) : value;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Object copy(Object json) {
    return json instanceof JsonObject o ? o.copy() : ((JsonArray) json).copy();
  }

  private static Buffer read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + resource + " is missing");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One thread's own schema trees and the validators made from them. */
  private record PerThread(SchemaRepository repository, Map<String, Validator> validators) {

    Validator validator(String name) {
      return validators.computeIfAbsent(name, n -> repository.validator(ID_PREFIX + n));
    }
  }
}
