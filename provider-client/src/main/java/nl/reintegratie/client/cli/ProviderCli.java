package nl.reintegratie.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import nl.reintegratie.client.DocumentKind;
import nl.reintegratie.client.GatewayKey;
import nl.reintegratie.client.GatewayResponse;
import nl.reintegratie.client.ProblemResponseException;
import nl.reintegratie.client.ProviderClient;
import nl.reintegratie.client.ProviderCredentials;
import nl.reintegratie.client.ProviderRequest;
import nl.reintegratie.client.ReleaseOpeningException;
import nl.reintegratie.client.ResponseVerificationException;
import nl.reintegratie.client.TlsTrust;

/**
 * The provider API from a shell ({@code ./provider.sh}). The response body goes to stdout as received; status and
 * verification to stderr. Exit codes: 0 for a 2xx response, 1 for a problem response, 2 for a usage error (a
 * local file that cannot be read or written included), a refused response signature or a release that does not
 * open, 3 when the gateway cannot be reached.
 */
public final class ProviderCli {

  static final int OK = 0;
  static final int PROBLEM = 1;
  static final int REFUSED = 2;
  static final int UNREACHABLE = 3;

  static final String USAGE = """
      usage: provider.sh <command> [options]
        trajectories                                    list the trajectories commissioned to you
        trajectory <trajectoryId>                       one trajectory
        submit <trajectoryId> <kind> <file.json> [--idempotency-key K]
                                                        submit a document; kind: %s
        document <trajectoryId> <kind> <documentId>     a submitted document
        releases                                        list the releases for you
        release <releaseId> [--out FILE]                fetch a release and open it with your X25519 key
      options (environment variable; default):
        --gateway URL          PROVIDER_GATEWAY; %s
        --provider DIR         PROVIDER_DIR; keys-dev/providers/werkpad
        --ca FILE|jvm          PROVIDER_CA; keys-dev/tls/dev-ca.crt when present, else the JVM trust store
        --gateway-key FILE     PROVIDER_GATEWAY_KEY; keys-dev/gateway/signing-ed25519.pub
        --gateway-key-id ID    PROVIDER_GATEWAY_KEY_ID; signingKeyId of gateway.json next to the key
      exit: 0 = 2xx, 1 = problem response, 2 = usage error or refused response, 3 = gateway unreachable
      """.formatted(DocumentKind.segments(), ConnectionSettings.DEFAULT_GATEWAY);

  private final Map<String, String> env;
  private final Path root;
  private final PrintStream out;
  private final PrintStream err;

  ProviderCli(Map<String, String> env, Path root, PrintStream out, PrintStream err) {
    this.env = env;
    this.root = root;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    // provider.sh passes the project folder, so the keys-dev defaults work from any working directory
    Path root = Path.of(System.getProperty("provider.root", "."));
    System.exit(new ProviderCli(System.getenv(), root, System.out, System.err).run(args));
  }

  int run(String[] args) {
    CommandLine line;
    try {
      line = CommandLine.parse(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage() + " (--help for usage)");
      return REFUSED;
    }
    if (line.help()) {
      out.print(USAGE);
      return OK;
    }
    ConnectionSettings settings;
    ProviderClient client;
    ProviderCredentials credentials;
    try {
      settings = ConnectionSettings.resolve(line, env, root);
      credentials = ProviderCredentials.fromFolder(settings.providerDir());
      client = ProviderClient.builder(credentials, settings.gateway(),
              GatewayKey.fromPemFile(settings.gatewayKeyFile(), settings.gatewayKeyId()))
          .trust(settings.ca().isPresent() ? TlsTrust.fromCaPem(settings.ca().get()) : TlsTrust.jvmDefault())
          .build();
    } catch (UsageException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return REFUSED;
    } catch (NoSuchFileException e) {
      err.println("error: file not found: " + e.getFile());
      return REFUSED;
    } catch (IOException e) {
      err.println("error: " + describe(e));
      return REFUSED;
    }
    try (credentials) {
      return execute(line, client, settings);
    } catch (ResponseVerificationException e) {
      err.println("error: " + e.getMessage());
      err.println("the body is not shown: it did not provably come from the gateway unchanged");
      return REFUSED;
    } catch (ReleaseOpeningException e) {
      err.println("error: " + e.getMessage());
      return REFUSED;
    } catch (ProblemResponseException e) {
      return report(e.response(), settings);
    } catch (UsageException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return REFUSED;
    } catch (IOException e) { // local files are read and written in UsageException's wrapping: this is the network
      err.println("error: no answer from " + settings.gateway() + " (" + describe(e) + ")");
      return UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted");
      return UNREACHABLE;
    }
  }

  private int execute(CommandLine line, ProviderClient client, ConnectionSettings settings)
      throws UsageException, IOException, InterruptedException {
    return switch (line.command()) {
      case "trajectories" -> report(client.trajectories(), settings);
      case "trajectory" -> report(client.trajectory(line.argument(0)), settings);
      case "submit" -> submit(line, client, settings);
      case "document" -> report(client.document(line.argument(0), kind(line.argument(1)), line.argument(2)),
          settings);
      case "releases" -> report(client.releases(), settings);
      case "release" -> release(line, client, settings);
      default -> throw new UsageException("unknown command \"" + line.command() + "\"");
    };
  }

  private int submit(CommandLine line, ProviderClient client, ConnectionSettings settings)
      throws UsageException, IOException, InterruptedException {
    DocumentKind kind = kind(line.argument(1));
    String given = line.option("idempotency-key");
    if (given != null && !ProviderRequest.isValidIdempotencyKey(given)) {
      throw new UsageException("--idempotency-key must be 1 to 100 characters of A-Z a-z 0-9 . _ ~ : -");
    }
    byte[] json;
    try {
      json = Files.readAllBytes(Path.of(line.argument(2)));
    } catch (IOException e) {
      throw new UsageException("cannot read " + line.argument(2) + " (" + describe(e) + ")");
    }
    String key = given;
    if (key == null) {
      key = ProviderRequest.newIdempotencyKey();
      err.println("Idempotency-Key: " + key + "  (new; to retry this submission: --idempotency-key " + key + ")");
    }
    return report(client.submit(line.argument(0), kind, json, key), settings);
  }

  private int release(CommandLine line, ProviderClient client, ConnectionSettings settings)
      throws UsageException, IOException, InterruptedException {
    String releaseId = line.argument(0);
    byte[] plaintext = client.fetchRelease(releaseId);
    err.println("HTTP 200, signature verified (" + settings.gatewayKeyId() + "), release " + releaseId + " opened: "
        + plaintext.length + " bytes");
    String file = line.option("out");
    if (file != null) {
      try {
        Files.write(Path.of(file), plaintext);
      } catch (IOException e) {
        throw new UsageException("cannot write " + file + " (" + describe(e) + ")");
      }
      err.println("written to " + file);
    } else {
      writeBody(plaintext);
    }
    return OK;
  }

  private int report(GatewayResponse response, ConnectionSettings settings) {
    StringBuilder status = new StringBuilder("HTTP ").append(response.status()).append(", ")
        .append(response.verified() ? "signature verified (" + settings.gatewayKeyId() + ")"
            : "not signed (the gateway signs every answer of its routes: this one came before any route)");
    response.requestId().ifPresent(id -> status.append(", X-Request-ID ").append(id));
    err.println(status);
    for (String header : new String[] {"Location", "Idempotent-Replayed", "Document-Version"}) {
      response.header(header).ifPresent(value -> err.println(header + ": " + value));
    }
    writeBody(response.body());
    return response.isSuccessful() ? OK : PROBLEM;
  }

  // the body as received, plus a final newline so the shell prompt starts on its own line
  private void writeBody(byte[] body) {
    out.write(body, 0, body.length);
    if (body.length > 0 && body[body.length - 1] != '\n') {
      out.write('\n');
    }
    out.flush();
  }

  private static String describe(IOException e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static DocumentKind kind(String segment) throws UsageException {
    try {
      return DocumentKind.fromPathSegment(segment);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
