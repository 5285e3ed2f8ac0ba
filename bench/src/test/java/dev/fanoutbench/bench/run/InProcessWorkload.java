package dev.fanoutbench.bench.run;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Summaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A workload file run end to end in this JVM against a fresh embedded stub: no forks, the summary read back as a reader would. */
final class InProcessWorkload {

    private InProcessWorkload() {}

    /**
     * @param windows the workload's measured windows (JMH's measured iterations)
     * @param warmups 1 when the file has a warm-up, else 0
     */
    static RunSummary run(Path runDir, String name, String yaml, String models, int warmups, int windows, Duration interval)
            throws Exception {
        Path file = Files.writeString(runDir.resolve(name + ".yaml"), yaml);
        Preset inProcess = new Preset("workload", 0, warmups, windows, Map.of("workload", file.toString(), "model", models));
        try (MockServer server = MockServer.start(MockServerSettings.defaults())) {
            JmhLaunch.Ran ran = JmhLaunch.of(inProcess, JmhLaunch.WORKLOAD, "", server.baseUri(), runDir, interval).run();
            Summaries.write(SummaryBuilder.build(name, "workload", server.baseUri().toString(), null, ran, runDir),
                    runDir.resolve("summary.json"));
        }
        return Summaries.read(runDir.resolve("summary.json"));
    }
}
