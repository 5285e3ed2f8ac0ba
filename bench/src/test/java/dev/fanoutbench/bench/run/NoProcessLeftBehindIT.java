package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.trial.WorkloadTrial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * However the harness ends, every JVM it started ends with it: the stub and the trials' JVMs. A
 * killed process runs no hook, so each child must notice on its own (kill -9 is the hard case).
 */
class NoProcessLeftBehindIT {

    static final Path BENCH_JAR = Path.of("target", "bench.jar");
    static final Path MOCK_SERVER_JAR = Path.of("..", "mock-server", "target", "mock-server.jar");
    /** Long enough that the kill always lands while a fork is measuring. */
    static final String WORKLOAD = """
            name: long-enough
            request:
              path: /api/items/{id}
              query: {delayMs: 100}
            load:
              - constant: {rate: 50, duration: 5m}
            models: [virtual-threads]
            """;

    static final Duration CHILDREN_GONE_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path project;

    List<String> benchMain(Path workload) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(
                java,
                "-cp",
                BENCH_JAR.toString(),
                "dev.fanoutbench.bench.BenchMain",
                "--mock-server-jar=" + MOCK_SERVER_JAR,
                "--project-dir=" + project,
                "--workload=" + workload);
    }

    @Test
    void killingTheHarnessWithSigkillEndsItsForkAndItsStub() throws Exception {
        Path workload = Files.writeString(project.resolve("long-enough.yaml"), WORKLOAD);
        Process harness = new ProcessBuilder(benchMain(workload))
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("harness.log").toFile())
                .start();
        try {
            List<ProcessHandle> children = untilAForkRuns(harness.toHandle());

            new ProcessBuilder("kill", "-9", Long.toString(harness.pid()))
                    .start()
                    .waitFor();

            assertAllEnd(children);
        } finally {
            harness.destroyForcibly();
        }
    }

    @Test
    void killingTheBuildThatStartedTheHarnessEndsTheHarnessAndEverythingBelowIt() throws Exception {
        Path workload = Files.writeString(project.resolve("long-enough.yaml"), WORKLOAD);
        // a shell stands in for Maven: the harness runs as its child with --exit-with-parent, as the bench profile
        // starts it
        String command = String.join(
                        " ",
                        benchMain(workload).stream().map(w -> "'" + w + "'").toList()) + " --exit-with-parent";
        Process build = new ProcessBuilder(
                        "bash", "-c", command + " > '" + project.resolve("harness.log") + "' 2>&1; true")
                .start();
        try {
            ProcessHandle harness = Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> build.toHandle().children().findFirst().orElse(null), h -> h != null);
            List<ProcessHandle> below = untilAForkRuns(harness);

            new ProcessBuilder("kill", "-9", Long.toString(build.pid())).start().waitFor();

            assertAllEnd(below);
            assertAllEnd(List.of(harness));
        } finally {
            build.destroyForcibly();
        }
    }

    /** The harness's stub and its trial's JVM, once the trial is running. */
    private List<ProcessHandle> untilAForkRuns(ProcessHandle harness) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            List<ProcessHandle> below = harness.descendants().toList();
                            boolean fork = below.stream()
                                    .anyMatch(p -> p.info()
                                            .arguments()
                                            .map(a -> String.join(" ", a))
                                            .orElse("")
                                            .contains(WorkloadTrial.class.getName()));
                            return fork ? below : null;
                        },
                        below -> below != null && below.size() >= 2);
    }

    private void assertAllEnd(List<ProcessHandle> processes) throws IOException {
        try {
            Awaitility.await()
                    .atMost(CHILDREN_GONE_WITHIN)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            processes.forEach(p -> {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            });
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }
}
