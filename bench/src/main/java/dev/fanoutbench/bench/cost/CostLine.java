package dev.fanoutbench.bench.cost;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * One client's measured stretch as scripts/client-cost.sh reads it: a line of key=value pairs,
 * the wall time and this process's CPU (user + system) over exactly the stretch.
 */
record CostLine(String name, long requests, long failed, long elapsedNanos, long cpuNanos) {

    /** How many requests a closed loop sent, and how many of them failed. */
    record Counts(long requests, long failed) {}

    @FunctionalInterface
    interface Stretch {
        Counts run() throws InterruptedException;
    }

    static CostLine measure(String name, Stretch stretch) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        Counts counts = stretch.run();
        return new CostLine(
                name, counts.requests(), counts.failed(), System.nanoTime() - start, os.getProcessCpuTime() - cpu);
    }

    String text() {
        double seconds = elapsedNanos / 1e9;
        return String.format(
                Locale.ROOT,
                "%s requests=%d failed=%d seconds=%.2f throughput=%.1f cpu_us_per_request=%.1f",
                name,
                requests,
                failed,
                seconds,
                requests / seconds,
                requests == 0 ? 0.0 : cpuNanos / 1e3 / requests);
    }
}
