package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Outcome;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.List;

/**
 * Shows: who schedules, and what each waiting request costs (lesson 12): peak live threads,
 * bytes allocated and CPU time per request, at a given number in flight (1 s delay).
 * Expect: thread-pool threads = requests in flight; virtual threads and Vert.x stay at a handful of
 * platform threads. Sequential and a fixed pool are only run at sizes they finish in seconds.
 * Measured in this JVM: when the mock server is embedded, its threads and CPU count too; run
 * against an out-of-process server (ScenarioMain --target) for the client alone.
 * Run: ... ScenarioMain cost --model virtual-threads --in-flight 10000 --target http://127.0.0.1:8080
 */
public final class CostPerModel {

    public static final long DELAY_MS = 1_000;
    /** What the harness is built and tested for; beyond it the open-file limit runs out. */
    public static final int MAX_IN_FLIGHT = 10_000;

    private CostPerModel() {}

    public static ScenarioResult run(ClientModel model, URI base, int inFlight) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<URI> uris = Requests.items(base, inFlight, DELAY_MS);
        // once to open the connections: the lesson is the steady cost of waiting, not TCP handshakes
        model.run(uris, BatchOptions.defaults());
        threads.resetPeakThreadCount();
        int threadsBefore = threads.getThreadCount();
        AllocationMeter allocations = AllocationMeter.start();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<Outcome> outcomes = model.run(uris, BatchOptions.defaults());
        long wall = System.nanoTime() - start;
        long bytes = allocations.stop();
        long cpu = os.getProcessCpuTime() - cpuBefore;
        int extraThreads = threads.getPeakThreadCount() - threadsBefore;
        long ideal = Requests.millisToNanos(model.kind().idealMillis(inFlight, inFlight, 0, DELAY_MS));
        return new ScenarioResult(
                "cost-" + inFlight,
                model.name(),
                wall,
                ideal,
                outcomes,
                List.of(
                        "peak extra platform threads: " + extraThreads + " (peak " + threads.getPeakThreadCount() + ")",
                        "allocated per request: " + bytes / inFlight / 1024 + " KiB",
                        "CPU per request: " + cpu / inFlight / 1000 + " us"));
    }
}
