package nl.reintegratie.gateway.testsupport;

import java.nio.file.Path;

/** Files of the project that tests use: the dev keys, the node test tools. */
public final class ProjectFiles {

  private ProjectFiles() {}

  public static Path root() {
    return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  }

  public static Path keysDev() {
    return root().resolve("keys-dev");
  }

  public static Path devCa() {
    return keysDev().resolve("tls/dev-ca.crt");
  }

  public static Path nodeTools() {
    return Path.of(System.getProperty("test.node.dir", "src/test/node")).toAbsolutePath().normalize();
  }
}
