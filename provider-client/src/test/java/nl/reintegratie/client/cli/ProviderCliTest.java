package nl.reintegratie.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.reintegratie.client.DevKeys;
import nl.reintegratie.client.FakeGateway;
import nl.reintegratie.client.ProviderClient;
import nl.reintegratie.protocol.crypto.ReleaseSealer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user runs it: the keys-dev defaults (project root as provider.sh passes it), the body on
 * stdout, status on stderr, and the documented exit codes.
 */
class ProviderCliTest {

  static final byte[] LIST = "{\"trajectories\":[]}".getBytes(StandardCharsets.UTF_8);

  static FakeGateway gateway;

  @TempDir
  Path temp;

  record Run(int exit, String out, String err) {
  }

  @BeforeAll
  static void start() throws Exception {
    gateway = FakeGateway.start(request -> FakeGateway.signed(200, "application/json", LIST));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void trajectories_printsTheBody_andExits0() {
    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST));

    Run run = run("trajectories");

    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("{\"trajectories\":[]}\n");
    assertThat(run.err()).startsWith("HTTP 200, signature verified (gateway-dev-ed25519-1), X-Request-ID ");
    assertThat(gateway.last().header("Signature-Input")).contains("keyid=\"werkpad-ed25519-");
  }

  @Test
  void aProblem_isPrinted_andExits1() {
    gateway.respond(request -> FakeGateway.problem(404, "not-found"));

    Run run = run("trajectory", "t-unknown");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("urn:nl-reintegratie:problem:not-found");
    assertThat(run.err()).startsWith("HTTP 404, not signed");
  }

  @Test
  void aForgedResponse_printsNothing_andExits2() {
    gateway.respond(request -> FakeGateway.signed(200, "application/json", LIST).withBody("{\"x\":1}".getBytes()));

    Run run = run("trajectories");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: response 200 refused, digest-mismatch");
  }

  @Test
  void submit_withoutAKey_makesOne_printsIt_andSendsIt_thenRetriesWithIt() throws Exception {
    gateway.respond(request -> FakeGateway.signed(201, "application/json",
        "{\"documentId\":\"d-1\",\"version\":1}".getBytes(StandardCharsets.UTF_8)));
    Path file = Files.writeString(temp.resolve("end-report.json"), "{\"content\":{}}");

    Run first = run("submit", "t-1", "end-reports", file.toString());

    assertThat(first.exit()).as(first.err()).isEqualTo(0);
    Matcher printed = Pattern.compile("Idempotency-Key: ([0-9a-f-]{36}) ").matcher(first.err());
    assertThat(printed.find()).as(first.err()).isTrue();
    assertThat(gateway.last().header("Idempotency-Key")).isEqualTo(printed.group(1));
    assertThat(gateway.last().body()).isEqualTo(Files.readAllBytes(file));
    assertThat(first.out()).isEqualTo("{\"documentId\":\"d-1\",\"version\":1}\n");

    Run retry = run("submit", "t-1", "end-reports", file.toString(), "--idempotency-key", printed.group(1));
    assertThat(retry.exit()).isEqualTo(0);
    assertThat(retry.err()).doesNotContain("Idempotency-Key: ");
    assertThat(gateway.last().header("Idempotency-Key")).isEqualTo(printed.group(1));
  }

  @Test
  void release_opensIntoTheOutFile() throws Exception {
    byte[] dossier = "{\"documents\":[]}".getBytes(StandardCharsets.UTF_8);
    gateway.respond(request -> FakeGateway.signed(200, ProviderClient.SEALED_RELEASE, ReleaseSealer.seal(
        DevKeys.providerEncryptionPublicKey("werkpad"), dossier, ReleaseSealer.releaseData("r-1", "werkpad"))
        .toByteArray()));
    Path out = temp.resolve("r-1.json");

    Run run = run("release", "r-1", "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    assertThat(run.err()).startsWith("HTTP 200, signature verified (gateway-dev-ed25519-1), release r-1 opened: "
        + dossier.length + " bytes");
    assertThat(Files.readAllBytes(out)).isEqualTo(dossier);
    assertThat(run.out()).isEmpty();

    Run asKansrijk = run("release", "r-1", "--provider", DevKeys.provider("kansrijk").toString());
    assertThat(asKansrijk.exit()).isEqualTo(2);
    assertThat(asKansrijk.out()).isEmpty();
    assertThat(asKansrijk.err()).startsWith("error: release r-1 does not open");
  }

  @Test
  void usageErrors_exit2_beforeAnythingIsSent() {
    int before = gateway.received().size();
    for (String[] args : List.of(new String[] {}, new String[] {"trajectory"}, new String[] {"bogus"},
        new String[] {"trajectories", "--idempotency-key", "k"}, new String[] {"submit", "t", "essays", "f.json"},
        new String[] {"submit", "t", "end-reports", "f.json", "--idempotency-key", "no spaces"},
        new String[] {"submit", "t", "end-reports", "/no/such/file.json"},
        new String[] {"trajectories", "--gateway", "http://localhost:8443"})) {
      Run run = runWith(List.of(args));
      assertThat(run.exit()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
      assertThat(run.err()).startsWith("error: ");
      assertThat(run.out()).isEmpty();
    }
    assertThat(runWith(List.of("submit", "t", "end-reports", "f.json", "--idempotency-key", "no spaces")).err())
        .contains("--idempotency-key must be");
    assertThat(gateway.received()).hasSize(before);
  }

  @Test
  void anUnreachableGateway_exits3() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Run run = runWith(List.of("trajectories", "--gateway", "https://localhost:" + port));
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).startsWith("error: no answer from https://localhost:" + port);
  }

  Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--gateway", gateway.url().toString()));
    return runWith(all);
  }

  static Run runWith(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new ProviderCli(Map.of(), DevKeys.root(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
