package nl.reintegratie.schemas;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The module's resources as files (tests run against target/classes, a plain directory). */
final class Resources {

  private Resources() {}

  static Path dir(String name) {
    URL url = Resources.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("no classpath resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path schemas() {
    return dir("schemas");
  }

  static Path examples() {
    return dir("examples");
  }

  static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any JSON value, as the gateway would hand it to the catalog. */
  static Object json(Path file) {
    try {
      return Buffer.buffer(Files.readAllBytes(file)).toJsonValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject object(Path file) {
    return (JsonObject) json(file);
  }
}
