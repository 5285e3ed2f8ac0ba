package dev.fanoutbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.run.RunLock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job's bad input: one line naming the problem and exit code 2, in the first second,
 * before any load is sent or anything is written.
 */
class BenchMainTest {

    @TempDir
    Path project;

    record Run(int exit, String err, Duration took) {}

    Run bench(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        try {
            String[] all = Stream.concat(Stream.of("--project-dir=" + project), Stream.of(args))
                    .toArray(String[]::new);
            int exit = BenchMain.run(all);
            return new Run(
                    exit, captured.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void aRemoteTargetIsRefusedWithExitCode2() {
        Run run = bench("--target=http://192.0.2.10:8080");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("192.0.2.10")
                .contains("allowRemote");
    }

    @Test
    void anUnknownPresetIsNamed() {
        Run run = bench("--preset=huge", "--target=http://127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("unknown preset 'huge'");
    }

    @Test
    void aTargetWhereNothingListensIsOneLineNotAStackTrace() {
        Run run = bench("--target=http://127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("127.0.0.1:1");
    }

    @Test
    void aTargetThatAcceptsAndNeverAnswersIsRefusedInSecondsNotAHang() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> acceptForever(silent, false));
            Run run = bench("--target=http://127.0.0.1:" + silent.getLocalPort());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().lines()).singleElement().asString().contains("does not answer", "frozen");
            assertThat(run.took()).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void aTargetThatHangsUpAtOnceIsOneLineNamingIt() throws Exception {
        try (ServerSocket rude = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> acceptForever(rude, true));
            Run run = bench("--target=http://127.0.0.1:" + rude.getLocalPort());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().lines())
                    .singleElement()
                    .asString()
                    .contains("127.0.0.1:" + rude.getLocalPort())
                    .doesNotContain(": null");
        }
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsWritten() {
        Run regex = bench("--include=Fan(Out", "--target=http://127.0.0.1:1");
        Run jmh = bench("--jmh=-f banana", "--target=http://127.0.0.1:1");
        Run sla = bench("--sla=fanout.vertx.p99 < 1.2.3ms", "--target=http://127.0.0.1:1");
        Run interval = bench("--interval=0s", "--target=http://127.0.0.1:1");

        assertThat(regex.err().lines())
                .singleElement()
                .asString()
                .contains("bench.include 'Fan(Out' is not a regular expression");
        assertThat(jmh.err().lines()).singleElement().asString().contains("bench.jmh");
        assertThat(sla.err().lines())
                .singleElement()
                .asString()
                .contains("SLA rule 'fanout.vertx.p99 < 1.2.3ms' does not parse");
        assertThat(interval.err().lines()).singleElement().asString().contains("interval must be from 100ms to 60s");
        assertThat(Stream.of(regex, jmh, sla, interval))
                .allSatisfy(run -> assertThat(run.exit()).isEqualTo(2));
        assertThat(project.resolve("reports")).doesNotExist();
    }

    @Test
    void aSecondRunInTheSameCheckoutIsRefusedBeforeItTouchesAnything() throws Exception {
        try (RunLock first = RunLock.acquire(project.resolve("reports").resolve("runs"))) {
            Run second = bench("--target=http://127.0.0.1:1");

            assertThat(second.exit()).isEqualTo(2);
            assertThat(second.err().lines())
                    .singleElement()
                    .asString()
                    .contains("another benchmark run is in progress", "pid");
            try (Stream<Path> runs = Files.list(project.resolve("reports").resolve("runs"))) {
                assertThat(runs.map(p -> p.getFileName().toString())).containsExactly(".lock");
            }
        }
    }

    private static void acceptForever(ServerSocket server, boolean hangUp) {
        try {
            while (true) {
                Socket client = server.accept();
                if (hangUp) {
                    client.close();
                }
            }
        } catch (Exception closed) {
            // the test is over
        }
    }

    @Test
    void aWorkloadWithAnUnknownModelIsOneLineNamingTheKeyBeforeAnythingStarts() throws Exception {
        Path file = Files.writeString(project.resolve("bad.yaml"), """
                request:
                  path: /api/items/{id}
                load:
                  - constant: {rate: 10, duration: 1s}
                models: [vertx, green-threads]
                """);
        Run run = bench("--workload=" + file, "--target=http://127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("models")
                .contains("green-threads")
                .contains("line 5");
        assertThat(project.resolve("reports")).doesNotExist();
    }

    @Test
    void aWorkloadRefusesTheSequentialModelOnAnOpenSchedule() throws Exception {
        Path file = Files.writeString(project.resolve("open.yaml"), """
                request:
                  path: /api/items/{id}
                load:
                  - constant: {rate: 10, duration: 1s}
                models: [sequential]
                """);
        Run run = bench("--workload=" + file, "--target=http://127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("sequential")
                .contains("threadPoolSize: 1");
    }

    @Test
    void aGeneratorIsRefusedWithoutItsBarrierAndASourceAddressNotOfThisMachine() throws Exception {
        Path workload = Files.writeString(project.resolve("one.yaml"), """
                name: one
                request:
                  path: /api/items/{id}
                load:
                  - constant: {rate: 10, duration: 1s}
                models: [vertx]
                """);
        Run noBarrier = bench("--workload=" + workload, "--target=http://127.0.0.1:1", "--generator=1/3");
        assertThat(noBarrier.exit()).isEqualTo(2);
        assertThat(noBarrier.err().lines()).singleElement().asString().contains("give it as HOST:PORT");

        Run remote = bench(
                "--workload=" + workload, "--target=http://127.0.0.1:1", "--generator=1/3", "--barrier=gen-0:7070");
        assertThat(remote.exit()).isEqualTo(2);
        assertThat(remote.err().lines()).singleElement().asString().contains("need --allow-remote");

        Run notOurs = bench("--workload=" + workload, "--target=http://127.0.0.1:1", "--source-address=192.0.2.7");
        assertThat(notOurs.exit()).isEqualTo(2);
        assertThat(notOurs.err().lines())
                .singleElement()
                .asString()
                .contains("--source-address 192.0.2.7 is not an address of this machine");
    }

    @Test
    void modelsWithoutAWorkloadIsRefused() {
        Run run = bench("--models=vertx", "--target=http://127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("--models, --trial-index and --generator apply to a --workload run");
    }

    @Test
    void aMissingWorkloadFileIsNamed() {
        Run run = bench("--workload=" + project.resolve("nope.yaml"), "--target=http://127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("nope.yaml: no such file");
    }

    static final String TWO_MODELS = """
            request:
              path: /api/items/{id}
            load:
              - constant: {rate: 10, duration: 1s}
            models: [thread-pool, vertx]
            """;

    @Test
    void aTrialIndexPicksOneModelAsAPodOfAnIndexedJobWould() throws Exception {
        Path file = Files.writeString(project.resolve("two.yaml"), TWO_MODELS);
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            bench("--workload=" + file, "--trial-index=1", "--target=http://127.0.0.1:1");
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("windows on vertx\\R");
    }

    @Test
    void aTrialIndexPastTheModelsIsOneLineNamingTheRange() throws Exception {
        Path file = Files.writeString(project.resolve("two.yaml"), TWO_MODELS);
        Run run = bench("--workload=" + file, "--trial-index=2", "--target=http://127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("--trial-index 2 is not one of this workload's 2 trials (0 to 1)");
    }
}
