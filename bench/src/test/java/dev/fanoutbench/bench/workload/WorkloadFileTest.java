package dev.fanoutbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fanoutbench.bench.model.Clients;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload file's mistakes are found before any load is sent, each as one line that names the
 * file, the key and the line to fix.
 */
class WorkloadFileTest {

    @TempDir
    Path dir;

    static final String VALID = """
            request:
              path: /api/items/{id}
            load:
              - constant: {rate: 100, duration: 2s}
            """;

    Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    /** The one-line message reading {@code yaml} from knee.yaml fails with. */
    String problem(String yaml) throws IOException {
        Path file = write("knee.yaml", yaml);
        Throwable thrown = catchThrowable(() -> WorkloadFile.read(file));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        String message = thrown.getMessage();
        assertThat(message).startsWith(file + ": ");
        assertThat(message.lines()).hasSize(1);
        return message.substring(file.toString().length() + 2);
    }

    @Test
    void aFullFileReadsIntoTheRecordsItDescribes() throws IOException {
        Path file = write("anything.yaml", """
                name: knee
                description: jitter endpoint, rising steps
                request:
                  method: POST
                  path: /api/jitter/{id}
                  query:
                    medianMs: 100
                    sigma: 0.4
                  headers: {X-Trace: "on"}
                  bodyBytes: 512
                  timeout: 5s
                  success:
                    status: 200-204
                    echoId: false
                load:
                  - closed: {concurrency: 10, count: 1000}
                  - closed: {concurrency: 10, duration: 1500ms}
                  - constant: {rate: 500, duration: 10s, arrivals: poisson}
                  - ramp: {from: 100, to: 1000, duration: 1m}
                  - steps: {from: 500, to: 4000, step: 500, stepDuration: 5s}
                warmup: 5s
                models: [thread-pool, vertx, sequential]
                threadPoolSize: 300
                slo:
                  p99: 250ms
                  errors: 1%
                health: /api/items/0?delayMs=0
                maxInFlight: 5000
                stopAfterBreaches: 3
                """);

        Workload workload = WorkloadFile.read(file);

        assertThat(workload)
                .isEqualTo(new Workload(
                        "knee",
                        "jitter endpoint, rising steps",
                        new RequestSpec(
                                "POST",
                                "/api/jitter/{id}",
                                Map.of("medianMs", "100", "sigma", "0.4"),
                                Map.of("X-Trace", "on"),
                                512,
                                Duration.ofSeconds(5),
                                200,
                                204,
                                false),
                        List.of(
                                new Phase.Closed(10, 1000, null),
                                new Phase.Closed(10, 0, Duration.ofMillis(1500)),
                                new Phase.Constant(500, Duration.ofSeconds(10), Arrivals.POISSON),
                                new Phase.Ramp(100, 1000, Duration.ofMinutes(1), Arrivals.CONSTANT),
                                new Phase.Steps(500, 4000, 500, Duration.ofSeconds(5), Arrivals.CONSTANT)),
                        Duration.ofSeconds(5),
                        List.of("thread-pool", "vertx", "sequential"),
                        300,
                        new Slo(Duration.ofMillis(250), 0.01),
                        "/api/items/0?delayMs=0",
                        5000,
                        3));
        assertThat(workload.request().query().keySet()).containsExactly("medianMs", "sigma");
    }

    @Test
    void whatAFileLeavesOutTakesTheDocumentedDefaults() throws IOException {
        Workload workload = WorkloadFile.read(write("fan-out-2.yml", VALID));

        assertThat(workload.name()).isEqualTo("fan-out-2");
        assertThat(workload.description()).isEmpty();
        assertThat(workload.request())
                .isEqualTo(new RequestSpec(
                        "GET", "/api/items/{id}", Map.of(), Map.of(), 0, Duration.ofSeconds(10), 200, 299, true));
        assertThat(workload.load()).containsExactly(new Phase.Constant(100, Duration.ofSeconds(2), Arrivals.CONSTANT));
        assertThat(workload.warmup()).isZero();
        assertThat(workload.warmupWindow()).isEmpty();
        assertThat(workload.models()).containsExactly("thread-pool", "virtual-threads", "vertx");
        assertThat(workload.threadPoolSize()).isEqualTo(200);
        assertThat(workload.slo()).isNull();
        assertThat(workload.health()).isNull();
        assertThat(workload.maxInFlight()).as("derived from the client's heap").isZero();
        assertThat(workload.stopAfterBreaches()).isEqualTo(Workload.DEFAULT_STOP_AFTER_BREACHES);
    }

    @Test
    void aSingleStatusCodeIsARangeOfOne() throws IOException {
        String yaml = VALID.replace("  path: /api/items/{id}\n", "  path: /api/items/{id}\n  success: {status: 201}\n");
        RequestSpec request = WorkloadFile.read(write("created.yaml", yaml)).request();
        assertThat(request.statusFrom()).isEqualTo(201);
        assertThat(request.statusTo()).isEqualTo(201);
    }

    @Test
    void theRequestUriReplacesTheIdAndAppendsTheQueryEncodedInFileOrder() {
        RequestSpec request = new RequestSpec(
                "GET", "/api/items/{id}", Map.of("z", "1"), Map.of(), 0, Duration.ofSeconds(1), 200, 299, true);
        assertThat(request.uri(URI.create("http://127.0.0.1:8080/"), 7))
                .hasToString("http://127.0.0.1:8080/api/items/7?z=1");

        Workload workload = WorkloadFile.parse("""
                request:
                  path: /api/{id}/x
                  query: {zeta: a b, alpha: "1&2", mid: é}
                load: [{constant: {rate: 1, duration: 1s}}]
                """, "q.yaml");
        assertThat(workload.request().uri(URI.create("http://h:1/prefix/"), 42))
                .hasToString("http://h:1/prefix/api/42/x?zeta=a%20b&alpha=1%262&mid=%C3%A9");
    }

    // --- one test per mistake: the message names the key and its line

    @Test
    void anUnknownKeyIsNamedWithItsParentAndTheAllowedKeys() throws IOException {
        assertThat(problem("""
                request:
                  path: /api/items/{id}
                load:
                  - constant: {rat: 100, duration: 2s}
                """))
                .isEqualTo("unknown key 'rat' in load[0].constant (line 4; allowed: rate, duration, arrivals)");
        assertThat(problem(VALID + "modles: [vertx]\n"))
                .startsWith(
                        "unknown key 'modles' at the top level (line 5; allowed: name, description, request, load,");
        assertThat(problem(VALID.replace("  path:", "  pth: /x\n  path:")))
                .startsWith("unknown key 'pth' in request (line 2;");
    }

    @Test
    void aNegativeRateIsRefusedAtItsLine() throws IOException {
        assertThat(problem("""
                request:
                  path: /api/items/{id}
                load:
                  - constant: {rate: 100, duration: 2s}
                  - constant:
                      rate: -5
                      duration: 2s
                """)).isEqualTo("load[1].constant.rate must be positive, got -5 (line 6)");
    }

    @Test
    void aZeroRateIsRefusedToo() throws IOException {
        assertThat(problem(VALID.replace("rate: 100", "rate: 0")))
                .isEqualTo("load[0].constant.rate must be positive, got 0 (line 4)");
    }

    @Test
    void aRateAboveTheCapIsRefused() throws IOException {
        assertThat(problem(VALID.replace("rate: 100", "rate: 250000")))
                .isEqualTo("load[0].constant.rate must be at most 100000 req/s, got 250000 (line 4)");
    }

    @Test
    void aRampWithoutADurationNamesTheMissingKey() throws IOException {
        assertThat(problem("""
                request:
                  path: /api/items/{id}
                load:
                  - ramp:
                      from: 100
                      to: 1000
                """)).isEqualTo("load[0].ramp.duration is required (line 4)");
    }

    @Test
    void stepsThatGoDownAreRefused() throws IOException {
        assertThat(problem(VALID.replace(
                        "constant: {rate: 100, duration: 2s}",
                        "steps: {from: 500, to: 100, step: 100, stepDuration: 1s}")))
                .isEqualTo("load[0].steps.to must be at least from (500), got 100 (line 4)");
    }

    @Test
    void aDurationWithoutAUnitIsRefused() throws IOException {
        assertThat(problem(VALID.replace("duration: 2s", "duration: 2")))
                .isEqualTo("load[0].constant.duration must be a duration like 5s (units ms, s, m), got 2 (line 4)");
    }

    @Test
    void aClosedPhaseNeedsExactlyOneOfCountAndDuration() throws IOException {
        assertThat(problem(VALID.replace(
                        "constant: {rate: 100, duration: 2s}", "closed: {concurrency: 10, count: 5, duration: 1s}")))
                .isEqualTo("load[0].closed must have exactly one of count and duration, got both (line 4)");
        assertThat(problem(
                        VALID.replace("constant: {rate: 100, duration: 2s}", "closed: {concurrency: 20000, count: 5}")))
                .isEqualTo("load[0].closed.concurrency must be at most 10000, got 20000 (line 4)");
    }

    @Test
    void aBodyAboveTheCapNamesTheCap() throws IOException {
        assertThat(problem("""
                request:
                  method: POST
                  path: /api/items/{id}
                  bodyBytes: 20000000
                load:
                  - constant: {rate: 100, duration: 2s}
                """))
                .isEqualTo(
                        "request.bodyBytes must be at most 10485760 (10 MiB, the stub's cap), got 20000000 (line 4)");
    }

    @Test
    void aGetWithABodyIsRefused() throws IOException {
        assertThat(problem(VALID.replace("  path: /api/items/{id}\n", "  path: /api/items/{id}\n  bodyBytes: 10\n")))
                .isEqualTo("request.bodyBytes must be 0 for GET (a body needs method: POST), got 10 (line 3)");
    }

    @Test
    void anSloInAnUnknownUnitIsRefused() throws IOException {
        assertThat(problem(VALID + "slo:\n  p99: 250us\n  errors: 1%\n"))
                .isEqualTo("slo.p99 must be a duration like 5s (units ms, s), got '250us' (line 6)");
        assertThat(problem(VALID + "slo:\n  p99: 2m\n  errors: 1%\n"))
                .isEqualTo("slo.p99 must be a duration like 5s (units ms, s), got '2m' (line 6)");
    }

    @Test
    void anErrorBudgetMustBeAPercentage() throws IOException {
        assertThat(problem(VALID + "slo:\n  p99: 250ms\n  errors: 0.01\n"))
                .isEqualTo("slo.errors must be a percentage like 1%, got 0.01 (line 7)");
        assertThat(problem(VALID + "slo:\n  p99: 250ms\n  errors: 150%\n"))
                .isEqualTo("slo.errors must be within 0%..100%, got 150% (line 7)");
    }

    @Test
    void anUnknownModelListsTheKnownOnes() throws IOException {
        assertThat(problem(VALID + "models: [vertx, netty]\n"))
                .isEqualTo("models[1] is not a known model: 'netty'; known: " + String.join(", ", Clients.all())
                        + " (line 5)");
    }

    @Test
    void aPathWithoutALeadingSlashIsRefused() throws IOException {
        assertThat(problem(VALID.replace("path: /api", "path: api")))
                .isEqualTo("request.path must start with '/', got 'api/items/{id}' (line 2)");
    }

    @Test
    void aPhaseItemWithNoKeyOrTwoKeysIsRefused() throws IOException {
        assertThat(problem(VALID.replace("- constant: {rate: 100, duration: 2s}", "- {}")))
                .isEqualTo("load[0] must have exactly one key of closed, constant, ramp, steps, got none (line 4)");
        assertThat(problem(VALID.replace(
                        "- constant: {rate: 100, duration: 2s}",
                        "- constant: {rate: 100, duration: 2s}\n    ramp: {from: 1, to: 2, duration: 1s}")))
                .isEqualTo("load[0] must have exactly one key of closed, constant, ramp, steps, got 2 (constant, "
                        + "ramp) (line 4)");
    }

    @Test
    void anEmptyLoadIsRefused() throws IOException {
        assertThat(problem(VALID.replace("load:\n  - constant: {rate: 100, duration: 2s}\n", "load: []\n")))
                .isEqualTo("load must list at least one phase (closed, constant, ramp or steps) (line 3)");
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        assertThat(problem(VALID.replace("  path: /api/items/{id}\n", "  path: /api/items/{id}\n  path: /other\n")))
                .isEqualTo("request.path appears twice (line 3)");
    }

    @Test
    void malformedYamlIsOneLineWithItsLine() throws IOException {
        assertThat(problem("""
                request:
                  path: /api/items/{id}
                load:
                  - constant: {rate: 100, duration: 2s
                warmup: 5s
                """)).startsWith("malformed YAML: ").containsPattern("\\(line [45]\\)$");
        assertThat(problem("request:\n  path: /a\n   bad: indent\n"))
                .startsWith("malformed YAML: ")
                .endsWith("(line 3)");
    }

    @Test
    void anAliasIsRefusedRatherThanReadAsItsAnchorsName() throws IOException {
        assertThat(problem(VALID + "warmup: &w 5s\nhealth: *w\n"))
                .isEqualTo("health is an alias (*w); write the value out (line 6)");
    }

    @Test
    void anEmptyFileSaysSo() throws IOException {
        assertThat(problem("")).isEqualTo("is empty; a workload needs at least request and load (line 1)");
        assertThat(problem("# only a comment\n"))
                .isEqualTo("is empty; a workload needs at least request and load (line 1)");
    }

    @Test
    void aFileThatIsNotAMapSaysWhatItIs() throws IOException {
        assertThat(problem("- 1\n- 2\n"))
                .isEqualTo("must be a map of keys (name, request, load...), got a list (line 1)");
    }

    @Test
    void aMissingFileIsOneLine() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> WorkloadFile.read(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aMissingRequestIsNamed() throws IOException {
        assertThat(problem("load:\n  - constant: {rate: 100, duration: 2s}\n"))
                .isEqualTo("request is required (line 1)");
    }

    @Test
    void aNameMustBeLowerCaseLettersDigitsAndDashes() throws IOException {
        assertThat(problem("name: Knee_1\n" + VALID))
                .isEqualTo("name must be lower-case letters, digits and '-', got 'Knee_1' (line 1)");
    }
}
