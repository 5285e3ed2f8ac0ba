package dev.fanoutbench.bench.run;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Summaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A workload file run end to end in this JVM against a fresh embedded stub: no forks, the summary read back as a
 * reader would.
 */
final class InProcessWorkload {

    private InProcessWorkload() {}

    /** @param models comma-separated */
    static RunSummary run(Path runDir, String name, String yaml, String models, Duration interval) throws Exception {
        Path file = Files.writeString(runDir.resolve(name + ".yaml"), yaml);
        try (MockServer server = MockServer.start(MockServerSettings.defaults())) {
            Ran ran =
                    WorkloadForks.inProcess(file, List.of(models.split(",")), server.baseUri(), runDir, interval, true);
            Summaries.write(
                    SummaryBuilder.build(name, "workload", server.baseUri().toString(), null, ran, runDir),
                    runDir.resolve("summary.json"));
        }
        return Summaries.read(runDir.resolve("summary.json"));
    }
}
