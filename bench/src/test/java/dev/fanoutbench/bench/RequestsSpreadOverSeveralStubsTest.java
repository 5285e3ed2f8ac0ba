package dev.fanoutbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.trial.ServerClient;
import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Summaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rate one stub cannot serve goes to several: a workload run against two targets sends each every other request,
 * and what the trial says the server saw is what the two saw together.
 */
class RequestsSpreadOverSeveralStubsTest {

    @TempDir
    Path project;

    @Test
    void eachStubGetsItsShareAndTheirCountsAreSummed() throws Exception {
        try (MockServer a = MockServer.start(MockServerSettings.defaults());
                MockServer b = MockServer.start(MockServerSettings.defaults())) {
            Path workload = Files.writeString(project.resolve("two-stubs.yaml"), """
                    name: two-stubs
                    request:
                      path: /api/items/{id}
                      query: {delayMs: 5}
                    load:
                      - constant: {rate: 100, duration: 2s}
                    models: [vertx]
                    """);

            int exit = BenchMain.run(
                    "--project-dir=" + project,
                    "--workload=" + workload,
                    "--target=" + a.baseUri() + "," + b.baseUri(),
                    "--runs-dir=" + project.resolve("runs"));

            assertThat(exit).isZero();
            RunSummary summary = Summaries.read(project.resolve("runs/latest/summary.json"));
            RunSummary.Trial trial = summary.trials().get(0);
            assertThat(trial.sent()).isEqualTo(200);
            assertThat(trial.server().received())
                    .as("both stubs' counts, summed")
                    .isEqualTo(200);
            for (MockServer stub : List.of(a, b)) {
                try (ServerClient stats = new ServerClient(stub.baseUri())) {
                    // since the last reset, before the measured window: the window's requests, every other one
                    assertThat(stats.stats().total().received()).isEqualTo(100);
                }
            }
        }
    }
}
