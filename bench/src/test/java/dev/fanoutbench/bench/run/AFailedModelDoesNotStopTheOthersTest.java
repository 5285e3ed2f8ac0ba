package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.results.Check;
import dev.fanoutbench.results.RunSummary;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload runs each model in a JVM of its own: a model whose trial stops (its JVM died, or
 * nothing it sent succeeded) is a failed self-check naming why, and the next model still runs.
 */
class AFailedModelDoesNotStopTheOthersTest {

    @TempDir
    Path runDir;

    @Test
    void everyModelIsTriedAndEachStoppedTrialIsAFailureThatSaysWhy() throws Exception {
        URI nothingListens;
        try (ServerSocket taken = new ServerSocket(0)) {
            nothingListens = URI.create("http://127.0.0.1:" + taken.getLocalPort() + "/");
        }
        Path file = Files.writeString(runDir.resolve("dead.yaml"), """
                name: dead
                request:
                  path: /api/items/{id}
                  timeout: 1s
                load:
                  - closed: {concurrency: 2, count: 10}
                models: [thread-pool, vertx]
                """);

        Ran ran = WorkloadForks.run(
                file, List.of("thread-pool", "vertx"), nothingListens, runDir, Duration.ofMillis(500), false);
        RunSummary summary = SummaryBuilder.build("dead", "workload", nothingListens.toString(), null, ran, runDir);

        assertThat(ran.stopped()).hasSize(2);
        assertThat(summary.passed()).isFalse();
        assertThat(summary.failures())
                .filteredOn(f -> f.check() == Check.TRIAL_RECORDED && f.text().startsWith("the trial stopped"))
                .extracting(RunSummary.Failure::trial)
                .contains("thread-pool", "vertx");
        assertThat(summary.failures())
                .filteredOn(f -> f.text().startsWith("the trial stopped"))
                .allSatisfy(f -> assertThat(f.text()).contains("requests failed"));
    }
}
