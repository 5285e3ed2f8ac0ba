package dev.fanoutbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's verdict comes from its own folder, in its own process, under the run lock: a run started
 * a second later can neither move {@code latest} under it nor hand it another run's verdict.
 * (It once could: the report step read {@code latest} after the lock was released.)
 */
class EachRunGetsItsOwnVerdictTest {

    @TempDir
    Path project;

    @Test
    void twoRunsStartedASecondApartEachGetTheirOwnVerdict() throws Exception {
        // a window of 3 s: the first run still holds the lock when the second starts
        Path workload = Files.writeString(project.resolve("tiny.yaml"), """
                name: tiny
                request:
                  path: /api/items/{id}?delayMs=5
                load:
                  - closed: {concurrency: 2, duration: 3s}
                models: [virtual-threads]
                """);
        try (MockServer server = MockServer.start(MockServerSettings.defaults())) {
            String target = "--target=" + server.baseUri();
            String[] breached = {
                "--project-dir=" + project, "--workload=" + workload, target, "--sla=workload.*.p99 < 1us"
            };
            String[] passing = {"--project-dir=" + project, "--workload=" + workload, target};

            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> BenchMain.run(breached));
            Thread.sleep(1000);
            int second = BenchMain.run(passing);
            int firstExit = first.get(2, TimeUnit.MINUTES);
            List<Path> afterTwo = runs();
            int third = BenchMain.run(passing);

            assertThat(firstExit).as("its own SLA, breached").isEqualTo(99);
            assertThat(second)
                    .as("refused while the first held the lock, not given the first's verdict")
                    .isEqualTo(2);
            assertThat(third).as("passed, and unaffected by the first's breach").isZero();
            assertThat(afterTwo).as("the refused run wrote nothing").hasSize(1);
            List<Path> all = runs();
            assertThat(all).hasSize(2);
            assertThat(Files.readString(all.get(0).resolve("verdicts.xml"))).contains("failures=\"1\"");
            assertThat(Files.readString(all.get(1).resolve("verdicts.xml"))).doesNotContain("<failure");
            assertThat(project.resolve("reports/runs/latest").toRealPath())
                    .isEqualTo(all.get(1).toRealPath());
        }
    }

    /** The run folders, oldest first. */
    private List<Path> runs() throws IOException {
        try (Stream<Path> folders = Files.list(project.resolve("reports/runs"))) {
            return folders.filter(Files::isDirectory)
                    .filter(f -> !Files.isSymbolicLink(f))
                    .sorted()
                    .toList();
        }
    }
}
