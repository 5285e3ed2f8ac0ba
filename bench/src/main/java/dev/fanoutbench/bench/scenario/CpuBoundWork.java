package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.CpuWork;
import dev.fanoutbench.bench.model.LatencyRecorder;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.ResponseWork;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Shows: CPU-bound work gains nothing from async; it needs cores (lesson 11: two CPU loops
 * take twice one). Each of 10 responses (100 ms delay, all at once) is followed by ~20 ms of real
 * computation. On the event loop it runs one at a time and stretches every other request's
 * latency; on a worker pool it uses every core; nothing beats the core count.
 * Expect: in place on the loop, wall >= 100 ms + 10 x 20 ms; on workers >= 100 ms + 10 x 20 ms / cores.
 * The ideal uses the work's measured time on an idle core, not the nominal 20 ms.
 * Run: ... ScenarioMain cpu --model vertx
 */
public final class CpuBoundWork {

    public static final int REQUESTS = 10;
    public static final long DELAY_MS = 100;
    public static final Duration CPU_PER_RESPONSE = Duration.ofMillis(20);

    private CpuBoundWork() {}

    public static ScenarioResult run(ClientModel model, URI base, CpuWork work, ResponseWork.Placement placement) {
        List<URI> uris = Requests.items(base, REQUESTS, DELAY_MS);
        LatencyRecorder latencies = new LatencyRecorder();
        long start = System.nanoTime();
        ResponseWork perResponse = new ResponseWork(work, placement);
        List<Outcome> outcomes =
                model.run(uris, BatchOptions.defaults().withLatencies(latencies).withWork(perResponse));
        long wall = System.nanoTime() - start;
        Histogram response = latencies.intervalSnapshot().responseNanos();
        long ideal = perResponse.idealBatchNanos(model.kind(), REQUESTS, DELAY_MS);
        return new ScenarioResult(
                "cpu-" + placement.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                model.name(),
                wall,
                ideal,
                outcomes,
                List.of(String.format(
                        "response p50 %d ms, max %d ms",
                        response.getValueAtPercentile(50) / 1_000_000, response.getMaxValue() / 1_000_000)));
    }
}
